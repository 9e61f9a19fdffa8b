import {
  Button,
  Checkbox,
  Group,
  MultiSelect,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { modals } from '@mantine/modals';
import { IconArrowLeft, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { ButtonLink } from '../../../components/links';
import { LocalizedTextInputs } from '../../../components/LocalizedTextInputs';
import { notifyError, notifySuccess } from '../../../components/notify';
import { ErrorState, LoadingState } from '../../../components/QueryState';
import { api } from '../../../lib/api';
import { mapProblem, unwrap } from '../../../lib/problem';
import { usePageTitle } from '../../../lib/usePageTitle';
import { brandKeys, useLookbooks, useShippingGroups, type Catalog } from '../data';
import { BrandGate, type BrandContext } from '../shared/BrandGate';
import { bodyFields, focusFirstError } from '../shared/fields';
import { CATALOG_STATUSES, catalogStatusLabel } from '../shared/labels';
import { AccessGrants } from './AccessGrants';
import {
  catalogRequest,
  catalogToForm,
  emptyCatalog,
  validateCatalog,
  type CatalogValues,
  type PaymentMethod,
} from './catalogForm';
import { CatalogProducts } from './CatalogProducts';
import { DateTimeField, LocalizedDates } from './DateTimeField';
import { MainVisualField } from './MainVisualField';

const editRoute = getRouteApi('/_authenticated/brand/$brandId/catalogs/$catalogId');

const catalogFields = bodyFields(
  [
    'code',
    'status',
    'release_at',
    'order_deadline',
    'shipping_rate_group_id',
    'payment_methods',
    'lookbook_ids',
    'main_visual_id',
    'video_url',
  ],
  ['name', 'description', 'payment_methods', 'lookbook_ids'],
);

/** "Create a catalog". */
export function NewCatalogPage() {
  const { t } = useTranslation();
  usePageTitle(t('catalogs.create'));
  return <BrandGate>{(context) => <CatalogEditor context={context} catalog={null} />}</BrandGate>;
}

/** A catalog (season): its details, products and, when limited, who may see it. */
export function EditCatalogPage() {
  const { catalogId } = editRoute.useParams();
  return (
    <BrandGate>
      {(context) => <ExistingCatalog context={context} catalogId={catalogId} />}
    </BrandGate>
  );
}

function ExistingCatalog({ context, catalogId }: { context: BrandContext; catalogId: string }) {
  const catalog = useQuery({
    queryKey: brandKeys.catalog(context.brand.id, catalogId),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/brands/{brand_id}/catalogs/{catalog_id}', {
          params: { path: { brand_id: context.brand.id, catalog_id: catalogId } },
        }),
      ),
  });
  usePageTitle(catalog.data ? context.text(catalog.data.name) || catalog.data.code : null);
  if (catalog.isPending) return <LoadingState />;
  if (catalog.isError) {
    return <ErrorState error={catalog.error} onRetry={() => void catalog.refetch()} />;
  }
  return (
    <Stack gap="lg">
      <CatalogEditor key={catalog.data.id} context={context} catalog={catalog.data} />
      <CatalogProducts context={context} catalog={catalog.data} />
      {catalog.data.status === 'limited' ? (
        <AccessGrants context={context} catalog={catalog.data} />
      ) : null}
    </Stack>
  );
}

function CatalogEditor({ context, catalog }: { context: BrandContext; catalog: Catalog | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { brand, languages, defaultLanguage, settings } = context;
  const allowedMethods: PaymentMethod[] = [
    ...(settings.card_payments_enabled ? (['card'] as const) : []),
    ...(settings.offline_payment_accepted ? (['offline'] as const) : []),
  ];
  const groups = useShippingGroups(brand.id);
  const lookbooks = useLookbooks(brand.id);
  const form = useForm<CatalogValues>({
    initialValues: catalog
      ? catalogToForm(catalog, languages)
      : emptyCatalog(languages, allowedMethods),
    validate: (values) =>
      validateCatalog(values, defaultLanguage, {
        deadlineBeforeRelease: t('catalogs.deadlineBeforeRelease'),
        choosePayment: t('validation.chooseOne'),
      }),
  });
  const { values } = form;

  const save = useMutation({
    mutationFn: (submitted: CatalogValues) => {
      const body = catalogRequest(submitted, languages);
      return catalog
        ? unwrap(
            api.PATCH('/api/v1/brands/{brand_id}/catalogs/{catalog_id}', {
              params: { path: { brand_id: brand.id, catalog_id: catalog.id } },
              body,
            }),
          )
        : unwrap(
            api.POST('/api/v1/brands/{brand_id}/catalogs', {
              params: { path: { brand_id: brand.id } },
              body,
            }),
          );
    },
    onSuccess: async (saved) => {
      queryClient.setQueryData(brandKeys.catalog(brand.id, saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: brandKeys.catalogs(brand.id) });
      if (catalog) {
        form.setValues(catalogToForm(saved, languages));
        form.resetDirty();
        notifySuccess(t('catalogs.saved'));
      } else {
        notifySuccess(t('catalogs.created'));
        await navigate({
          to: '/brand/$brandId/catalogs/$catalogId',
          params: { brandId: brand.id, catalogId: saved.id },
          replace: true,
        });
      }
    },
    onError: (error) => {
      const { fieldErrors } = mapProblem(error, catalogFields);
      form.setErrors(fieldErrors);
      focusFirstError(form, fieldErrors);
    },
  });

  const remove = useMutation({
    mutationFn: () =>
      unwrap(
        api.DELETE('/api/v1/brands/{brand_id}/catalogs/{catalog_id}', {
          params: { path: { brand_id: brand.id, catalog_id: catalog?.id ?? '' } },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: brandKeys.catalogs(brand.id) });
      notifySuccess(t('catalogs.deleted'));
      await navigate({ to: '/brand/$brandId/catalogs', params: { brandId: brand.id } });
    },
    onError: notifyError,
  });

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="catalog-heading">
      <form
        onSubmit={form.onSubmit(
          (submitted) => save.mutate(submitted),
          (errors) => focusFirstError(form, errors),
        )}
        noValidate
      >
        <Stack gap="md">
          <Group justify="space-between" align="flex-start">
            <div>
              <ButtonLink
                to="/brand/$brandId/catalogs"
                params={{ brandId: brand.id }}
                variant="subtle"
                size="compact-sm"
                leftSection={<IconArrowLeft size={14} aria-hidden />}
              >
                {t('catalogs.backToList')}
              </ButtonLink>
              <Title order={2} size="h3" id="catalog-heading">
                {catalog ? context.text(catalog.name) || catalog.code : t('catalogs.create')}
              </Title>
            </div>
            {catalog ? (
              <Button
                variant="subtle"
                color="red"
                leftSection={<IconTrash size={16} aria-hidden />}
                onClick={() =>
                  modals.openConfirmModal({
                    title: t('catalogs.deleteTitle'),
                    children: (
                      <Text size="sm">{t('catalogs.deleteText', { name: catalog.code })}</Text>
                    ),
                    labels: { confirm: t('common.delete'), cancel: t('common.cancel') },
                    confirmProps: { color: 'red' },
                    onConfirm: () => remove.mutate(),
                  })
                }
              >
                {t('catalogs.delete')}
              </Button>
            ) : null}
          </Group>
          <FormErrorAlert
            error={save.isError ? mapProblem(save.error, catalogFields).formError : null}
          />
          <TextInput
            label={t('catalogs.code')}
            description={t('catalogs.codeHelp')}
            withAsterisk
            maw={320}
            {...form.getInputProps('code')}
          />
          <LocalizedTextInputs
            label={t('catalogs.name')}
            languages={languages}
            requiredLanguages={[defaultLanguage]}
            inputProps={(language) => form.getInputProps(`name.${language}`)}
          />
          <LocalizedTextInputs
            label={t('catalogs.description')}
            languages={languages}
            multiline
            inputProps={(language) => form.getInputProps(`description.${language}`)}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="catalog-status-label">
              {t('catalogs.statusLabel')}
            </Text>
            <SegmentedControl
              aria-labelledby="catalog-status-label"
              data={CATALOG_STATUSES.map((status) => ({
                value: status,
                label: catalogStatusLabel(t, status),
              }))}
              style={{ alignSelf: 'flex-start' }}
              {...form.getInputProps('status')}
            />
            <Text size="xs" c="dimmed">
              {t(`catalogs.statusHelp.${values.status}`)}
            </Text>
          </Stack>
          <LocalizedDates>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <DateTimeField
                label={t('catalogs.releaseAt')}
                description={t('catalogs.releaseAtHelp')}
                placeholder={t('catalogs.noDate')}
                {...form.getInputProps('release_at')}
              />
              <DateTimeField
                label={t('catalogs.orderDeadline')}
                description={t('catalogs.orderDeadlineHelp')}
                placeholder={t('catalogs.noDate')}
                {...form.getInputProps('order_deadline')}
              />
            </SimpleGrid>
          </LocalizedDates>
          <Text size="xs" c="dimmed">
            {t('catalogs.timeZone', { zone: Intl.DateTimeFormat().resolvedOptions().timeZone })}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('catalogs.shippingGroup')}
              description={t('catalogs.shippingGroupHelp')}
              clearable
              placeholder={t('catalogs.noShippingGroup')}
              data={(groups.data ?? []).map((group) => ({
                value: group.id,
                label: `${group.code} · ${context.text(group.name)} (${group.currency})`,
              }))}
              {...form.getInputProps('shipping_rate_group_id')}
              value={values.shipping_rate_group_id || null}
              onChange={(id: string | null) =>
                form.setFieldValue('shipping_rate_group_id', id ?? '')
              }
            />
            <MultiSelect
              label={t('catalogs.lookbooks')}
              placeholder={values.lookbook_ids.length === 0 ? t('catalogs.noLookbooks') : undefined}
              data={(lookbooks.data ?? []).map((lookbook) => ({
                value: lookbook.id,
                label: context.text(lookbook.name),
              }))}
              searchable
              nothingFoundMessage={t('common.nothingFound')}
              {...form.getInputProps('lookbook_ids')}
            />
          </SimpleGrid>
          <Checkbox.Group
            label={t('catalogs.paymentMethods')}
            description={
              allowedMethods.length === 0
                ? t('catalogs.noPaymentMethods')
                : t('catalogs.paymentMethodsHelp')
            }
            {...form.getInputProps('payment_methods')}
          >
            <Group mt="xs">
              {allowedMethods.map((method) => (
                <Checkbox key={method} value={method} label={t(`catalogs.payment.${method}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <MainVisualField
            brandId={brand.id}
            label={t('catalogs.mainVisual')}
            value={values.main_visual_id}
            onChange={(id) => form.setFieldValue('main_visual_id', id)}
            error={
              typeof form.errors.main_visual_id === 'string'
                ? form.errors.main_visual_id
                : undefined
            }
          />
          <TextInput
            label={t('catalogs.videoUrl')}
            type="url"
            placeholder="https://"
            {...form.getInputProps('video_url')}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              {catalog ? t('common.save') : t('catalogs.createSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
