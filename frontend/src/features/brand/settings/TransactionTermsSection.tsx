import {
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  Paper,
  Radio,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { modals } from '@mantine/modals';
import { IconEdit, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { LocalizedTextInputs } from '../../../components/LocalizedTextInputs';
import { notifyError, notifySuccess } from '../../../components/notify';
import { EmptyListState, ErrorState, LoadingState } from '../../../components/QueryState';
import { api } from '../../../lib/api';
import { mapProblem, unwrap } from '../../../lib/problem';
import { requiredText } from '../../../lib/validation';
import { brandKeys, useTransactionTerms, type TransactionTerm } from '../data';
import type { BrandContext } from '../shared/BrandGate';
import { bodyFields } from '../shared/fields';
import { TERM_KINDS, termKindLabel, type TermKind } from '../shared/labels';
import { checkDefaultText, textsRequest, textsToForm, type Texts } from '../shared/localizedForm';

interface TermValues {
  code: string;
  name: Texts;
  kind: TermKind;
  position: number;
}

const termFields = bodyFields(['code', 'kind', 'position'], ['name']);

/** Transaction Terms: WSP / RRP (rate terms) and EXW, FOB, DDP… (discount terms). */
export function TransactionTermsSection({ context }: { context: BrandContext }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { brand, canAdmin } = context;
  const terms = useTransactionTerms(brand.id);
  const [editing, setEditing] = useState<TransactionTerm | 'new' | null>(null);

  const remove = useMutation({
    mutationFn: (term: TransactionTerm) =>
      unwrap(
        api.DELETE('/api/v1/brands/{brand_id}/transaction-terms/{term_id}', {
          params: { path: { brand_id: brand.id, term_id: term.id } },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: brandKeys.terms(brand.id) });
      notifySuccess(t('settings.terms.deleted'));
    },
    onError: notifyError,
  });

  const confirmDelete = (term: TransactionTerm) =>
    modals.openConfirmModal({
      title: t('settings.terms.deleteTitle'),
      children: <Text size="sm">{t('settings.deleteText', { name: term.code })}</Text>,
      labels: { confirm: t('common.delete'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => remove.mutate(term),
    });

  const addButton = canAdmin ? (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
      {t('settings.terms.add')}
    </Button>
  ) : null;
  const items = terms.data ?? [];

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="terms-heading">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={2} size="h3" id="terms-heading">
            {t('settings.tabs.terms')}
          </Title>
          {items.length > 0 ? addButton : null}
        </Group>
        <Text size="sm" c="dimmed">
          {t('settings.terms.intro')}
        </Text>
        {terms.isPending ? <LoadingState /> : null}
        {terms.isError ? (
          <ErrorState error={terms.error} onRetry={() => void terms.refetch()} />
        ) : null}
        {terms.isSuccess && items.length === 0 ? (
          <EmptyListState title={t('settings.terms.empty')} action={addButton} />
        ) : null}
        {items.length > 0 ? (
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('settings.code')}</Table.Th>
                  <Table.Th>{t('settings.name')}</Table.Th>
                  <Table.Th>{t('settings.terms.kindLabel')}</Table.Th>
                  <Table.Th>{t('settings.position')}</Table.Th>
                  {canAdmin ? <Table.Th>{t('common.actions')}</Table.Th> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((term) => (
                  <Table.Tr key={term.id}>
                    <Table.Td>
                      <Text fw={600}>{term.code}</Text>
                    </Table.Td>
                    <Table.Td>{context.text(term.name)}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={term.kind === 'rate' ? 'blue' : 'grape'}>
                        {termKindLabel(t, term.kind)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{term.position}</Table.Td>
                    {canAdmin ? (
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <Button
                            size="xs"
                            variant="light"
                            leftSection={<IconEdit size={14} aria-hidden />}
                            onClick={() => setEditing(term)}
                            aria-label={t('common.editName', { name: term.code })}
                          >
                            {t('common.edit')}
                          </Button>
                          <Button
                            size="xs"
                            variant="subtle"
                            color="red"
                            leftSection={<IconTrash size={14} aria-hidden />}
                            onClick={() => confirmDelete(term)}
                            aria-label={t('common.deleteName', { name: term.code })}
                          >
                            {t('common.delete')}
                          </Button>
                        </Group>
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
      </Stack>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('settings.terms.add') : t('settings.terms.edit')}
        size="lg"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {editing !== null ? (
          <TermForm
            context={context}
            term={editing === 'new' ? null : editing}
            onDone={() => setEditing(null)}
          />
        ) : null}
      </Modal>
    </Paper>
  );
}

function TermForm({
  context,
  term,
  onDone,
}: {
  context: BrandContext;
  term: TransactionTerm | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { brand, languages, defaultLanguage } = context;
  const form = useForm<TermValues>({
    initialValues: {
      code: term?.code ?? '',
      name: textsToForm(term?.name, languages),
      kind: term?.kind ?? 'rate',
      position: term?.position ?? 0,
    },
    validate: (values) => {
      const errors: Record<string, string> = {};
      const code = requiredText(values.code);
      if (code) errors.code = code;
      checkDefaultText(errors, values.name, defaultLanguage, 'name');
      return errors;
    },
  });

  const save = useMutation({
    mutationFn: (values: TermValues) => {
      const body = {
        code: values.code.trim(),
        name: textsRequest(values.name, languages),
        position: values.position,
      };
      return term
        ? unwrap(
            api.PATCH('/api/v1/brands/{brand_id}/transaction-terms/{term_id}', {
              params: { path: { brand_id: brand.id, term_id: term.id } },
              body,
            }),
          )
        : unwrap(
            api.POST('/api/v1/brands/{brand_id}/transaction-terms', {
              params: { path: { brand_id: brand.id } },
              body: { ...body, kind: values.kind },
            }),
          );
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: brandKeys.terms(brand.id) });
      notifySuccess(t('settings.terms.saved'));
      onDone();
    },
    onError: (error) => form.setErrors(mapProblem(error, termFields).fieldErrors),
  });

  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <Stack gap="sm">
        <FormErrorAlert
          error={save.isError ? mapProblem(save.error, termFields).formError : null}
        />
        <TextInput
          label={t('settings.code')}
          description={t('settings.terms.codeHelp')}
          withAsterisk
          data-autofocus
          {...form.getInputProps('code')}
        />
        <LocalizedTextInputs
          label={t('settings.name')}
          languages={languages}
          requiredLanguages={[defaultLanguage]}
          inputProps={(language) => form.getInputProps(`name.${language}`)}
        />
        <Radio.Group
          label={t('settings.terms.kindLabel')}
          description={term ? t('settings.terms.kindFixed') : t('settings.terms.kindHelp')}
          {...form.getInputProps('kind')}
        >
          <Stack gap="xs" mt="xs">
            {TERM_KINDS.map((kind) => (
              <Radio
                key={kind}
                value={kind}
                disabled={term !== null}
                label={termKindLabel(t, kind)}
                description={t(`settings.terms.kindDescription.${kind}`)}
              />
            ))}
          </Stack>
        </Radio.Group>
        <NumberInput
          label={t('settings.position')}
          description={t('settings.positionHelp')}
          min={0}
          max={1000}
          allowDecimal={false}
          allowNegative={false}
          {...form.getInputProps('position')}
          onChange={(value) => form.setFieldValue('position', Number(value) || 0)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {term ? t('common.save') : t('common.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
