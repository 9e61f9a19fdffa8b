import {
  Alert,
  Button,
  FileInput,
  Group,
  List,
  Paper,
  Progress,
  Stack,
  Stepper,
  Text,
  Title,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconArrowLeft,
  IconCircleCheck,
  IconDownload,
  IconFileSpreadsheet,
} from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { ButtonLink } from '../../../components/links';
import { notifyError } from '../../../components/notify';
import { api } from '../../../lib/api';
import { formFields, mapProblem, unwrap } from '../../../lib/problem';
import { usePageTitle } from '../../../lib/usePageTitle';
import { brandKeys, type ProductImport } from '../data';
import { BrandGate, type BrandContext } from '../shared/BrandGate';
import { ImportReportTable } from './ImportReportTable';

const TEMPLATE = 0;
const UPLOAD = 1;
const CHECK = 2;
const APPLY = 3;

const uploadFields = formFields(['file']);

type Format = 'xlsx' | 'csv';

/** Import products: template → upload (dry run) → problems or "ready" → Apply → progress. */
export function ImportWizardPage() {
  const { t } = useTranslation();
  usePageTitle(t('imports.title'));
  return <BrandGate>{(context) => <ImportWizard context={context} />}</BrandGate>;
}

function saveBlob(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function ImportWizard({ context }: { context: BrandContext }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { brand } = context;
  const [step, setStep] = useState(TEMPLATE);
  const [file, setFile] = useState<File | null>(null);
  const [importId, setImportId] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Each step announces itself by moving the focus to its heading.
  const shown = useRef(step);
  useEffect(() => {
    if (shown.current !== step) headingRef.current?.focus();
    shown.current = step;
  }, [step]);

  const download = useMutation({
    mutationFn: async (format: Format) => {
      const blob = await unwrap(
        api.GET('/api/v1/brands/{brand_id}/products/imports/template', {
          params: { path: { brand_id: brand.id }, query: { format } },
          parseAs: 'blob',
        }),
      );
      saveBlob(blob, `products-template.${format}`);
    },
    onError: notifyError,
  });

  const upload = useMutation({
    mutationFn: (chosen: File) =>
      unwrap(
        api.POST('/api/v1/brands/{brand_id}/products/imports', {
          params: { path: { brand_id: brand.id } },
          body: { file: '' },
          bodySerializer: () => {
            const form = new FormData();
            form.append('file', chosen);
            return form;
          },
        }),
      ),
    onSuccess: (report) => {
      queryClient.setQueryData([...brandKeys.imports(brand.id), report.id], report);
      setImportId(report.id);
      setStep(CHECK);
    },
  });

  const report = useQuery({
    queryKey: [...brandKeys.imports(brand.id), importId],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/brands/{brand_id}/products/imports/{import_id}', {
          params: { path: { brand_id: brand.id, import_id: importId ?? '' } },
        }),
      ),
    enabled: importId !== null,
    // While a worker applies it, ask every second how far it got.
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status === 'queued' || status === 'applying' ? 1000 : false;
    },
  });

  const apply = useMutation({
    mutationFn: (id: string) =>
      unwrap(
        api.POST('/api/v1/brands/{brand_id}/products/imports/{import_id}/apply', {
          params: { path: { brand_id: brand.id, import_id: id } },
        }),
      ),
    onSuccess: (queued) => {
      queryClient.setQueryData([...brandKeys.imports(brand.id), queued.id], queued);
      setStep(APPLY);
    },
  });

  const current = report.data;
  const finished = current?.status === 'done';
  useEffect(() => {
    if (finished) void queryClient.invalidateQueries({ queryKey: brandKeys.products(brand.id) });
  }, [finished, queryClient, brand.id]);

  const restart = () => {
    setFile(null);
    setImportId(null);
    upload.reset();
    apply.reset();
    setStep(UPLOAD);
  };

  const titles = [
    t('imports.steps.template'),
    t('imports.steps.upload'),
    t('imports.steps.check'),
    t('imports.steps.apply'),
  ];
  const heading = (index: number) => (
    <Title order={3} size="h4" ref={headingRef} tabIndex={-1} mt="md">
      {titles[index]}
    </Title>
  );

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="import-heading">
      <Stack gap="md">
        <div>
          <ButtonLink
            to="/brand/$brandId/products"
            params={{ brandId: brand.id }}
            variant="subtle"
            size="compact-sm"
            leftSection={<IconArrowLeft size={14} aria-hidden />}
          >
            {t('products.backToList')}
          </ButtonLink>
          <Title order={2} size="h3" id="import-heading">
            {t('imports.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('imports.intro')}
          </Text>
        </div>
        <Stepper active={step} size="sm" allowNextStepsSelect={false}>
          <Stepper.Step label={titles[TEMPLATE]}>
            {heading(TEMPLATE)}
            <Stack gap="sm" mt="sm">
              <Text size="sm">{t('imports.template.help')}</Text>
              <List size="sm" spacing={4}>
                <List.Item>{t('imports.template.rows')}</List.Item>
                <List.Item>{t('imports.template.properties')}</List.Item>
                <List.Item>{t('imports.template.prices')}</List.Item>
                <List.Item>{t('imports.template.update')}</List.Item>
              </List>
              <Group>
                {(['xlsx', 'csv'] as const).map((format) => (
                  <Button
                    key={format}
                    variant="light"
                    leftSection={<IconDownload size={16} aria-hidden />}
                    loading={download.isPending && download.variables === format}
                    onClick={() => download.mutate(format)}
                  >
                    {format === 'xlsx' ? t('imports.template.xlsx') : t('imports.template.csv')}
                  </Button>
                ))}
              </Group>
              <Group justify="flex-end">
                <Button onClick={() => setStep(UPLOAD)}>{t('common.next')}</Button>
              </Group>
            </Stack>
          </Stepper.Step>

          <Stepper.Step label={titles[UPLOAD]}>
            {heading(UPLOAD)}
            <form
              onSubmit={(event) => {
                event.preventDefault();
                if (file) upload.mutate(file);
              }}
            >
              <Stack gap="sm" mt="sm">
                <Text size="sm">{t('imports.upload.help')}</Text>
                <FormErrorAlert
                  error={upload.isError ? mapProblem(upload.error, uploadFields).formError : null}
                />
                <FileInput
                  label={t('imports.upload.file')}
                  description={t('imports.upload.fileHelp')}
                  accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
                  leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
                  clearable
                  value={file}
                  onChange={(chosen) => {
                    setFile(chosen);
                    upload.reset();
                  }}
                  error={
                    upload.isError
                      ? mapProblem(upload.error, uploadFields).fieldErrors.file
                      : undefined
                  }
                />
                <Group justify="space-between">
                  <Button variant="default" onClick={() => setStep(TEMPLATE)}>
                    {t('common.back')}
                  </Button>
                  <Button type="submit" disabled={!file} loading={upload.isPending}>
                    {t('imports.upload.check')}
                  </Button>
                </Group>
              </Stack>
            </form>
          </Stepper.Step>

          <Stepper.Step label={titles[CHECK]}>
            {heading(CHECK)}
            <Stack gap="sm" mt="sm">
              {current?.status === 'invalid' ? (
                <>
                  <Alert
                    color="red"
                    icon={<IconAlertTriangle aria-hidden />}
                    title={t('imports.check.invalidTitle')}
                    role="alert"
                  >
                    {t('imports.check.invalidText', {
                      file: current.filename,
                      rows: current.row_count,
                    })}
                  </Alert>
                  <ImportReportTable errors={current.errors} />
                  <Group>
                    <Button onClick={restart}>{t('imports.check.uploadFixed')}</Button>
                  </Group>
                </>
              ) : null}
              {current?.status === 'validated' ? (
                <>
                  <Alert
                    color="green"
                    icon={<IconCircleCheck aria-hidden />}
                    title={t('imports.check.readyTitle')}
                    role="status"
                  >
                    {t('imports.check.readyText', {
                      file: current.filename,
                      rows: current.row_count,
                      products: current.product_count,
                    })}
                  </Alert>
                  <FormErrorAlert
                    error={apply.isError ? mapProblem(apply.error, uploadFields).formError : null}
                  />
                  <Group justify="space-between">
                    <Button variant="default" onClick={restart}>
                      {t('imports.check.chooseAnother')}
                    </Button>
                    <Button loading={apply.isPending} onClick={() => apply.mutate(current.id)}>
                      {t('imports.check.apply')}
                    </Button>
                  </Group>
                </>
              ) : null}
            </Stack>
          </Stepper.Step>

          <Stepper.Step label={titles[APPLY]}>
            {heading(APPLY)}
            {current ? (
              <ApplyProgress context={context} current={current} onRestart={restart} />
            ) : null}
          </Stepper.Step>
        </Stepper>
      </Stack>
    </Paper>
  );
}

function ApplyProgress({
  context,
  current,
  onRestart,
}: {
  context: BrandContext;
  current: ProductImport;
  onRestart: () => void;
}) {
  const { t } = useTranslation();
  const percent =
    current.status === 'done'
      ? 100
      : current.row_count > 0
        ? Math.min(100, Math.round((current.processed_rows / current.row_count) * 100))
        : 0;
  const running = current.status === 'queued' || current.status === 'applying';

  return (
    <Stack gap="sm" mt="sm">
      <Text size="sm" id="import-progress-label">
        {current.status === 'queued'
          ? t('imports.apply.queued')
          : t('imports.apply.progress', {
              processed: current.processed_rows,
              rows: current.row_count,
            })}
      </Text>
      <Progress
        value={percent}
        size="lg"
        animated={running}
        aria-labelledby="import-progress-label"
        aria-valuetext={`${percent}%`}
      />
      {current.status === 'done' ? (
        <Alert
          color="green"
          icon={<IconCircleCheck aria-hidden />}
          title={t('imports.apply.doneTitle')}
          role="status"
        >
          <Stack gap="xs" align="flex-start">
            <span>{t('imports.apply.doneText', { products: current.product_count })}</span>
            <ButtonLink to="/brand/$brandId/products" params={{ brandId: context.brand.id }}>
              {t('imports.apply.toProducts')}
            </ButtonLink>
          </Stack>
        </Alert>
      ) : null}
      {current.status === 'failed' || current.status === 'invalid' ? (
        <Alert
          color="red"
          icon={<IconAlertTriangle aria-hidden />}
          title={t('imports.apply.failedTitle')}
          role="alert"
        >
          <Stack gap="xs" align="flex-start">
            <span>{current.message || t('imports.apply.failedText')}</span>
            {current.errors.length > 0 ? <ImportReportTable errors={current.errors} /> : null}
            <Button size="xs" onClick={onRestart}>
              {t('imports.check.uploadFixed')}
            </Button>
          </Stack>
        </Alert>
      ) : null}
    </Stack>
  );
}
