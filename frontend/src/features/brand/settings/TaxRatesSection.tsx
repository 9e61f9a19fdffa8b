import {
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  Paper,
  Select,
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

import { CountrySelect } from '../../../components/CountrySelect';
import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { LocalizedTextInputs } from '../../../components/LocalizedTextInputs';
import { notifyError, notifySuccess } from '../../../components/notify';
import { EmptyListState, ErrorState, LoadingState } from '../../../components/QueryState';
import { api } from '../../../lib/api';
import { formatPercent, parsePercent } from '../../../lib/money';
import { mapProblem, unwrap } from '../../../lib/problem';
import { useCountryName } from '../../../lib/queries';
import { requiredText } from '../../../lib/validation';
import { brandKeys, useTaxRates, type TaxRate } from '../data';
import type { BrandContext } from '../shared/BrandGate';
import { bodyFields } from '../shared/fields';
import { ROUNDINGS, roundingLabel, type Rounding } from '../shared/labels';
import { checkDefaultText, textsRequest, textsToForm, type Texts } from '../shared/localizedForm';

interface TaxValues {
  name: Texts;
  rate: string;
  country: string;
  rounding: Rounding;
  is_default: boolean;
}

const taxFields = bodyFields(['rate', 'country', 'rounding', 'is_default'], ['name']);

/** Tax rates: name, rate %, country, rounding; one is the default for new products. */
export function TaxRatesSection({ context }: { context: BrandContext }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const countryName = useCountryName();
  const { brand, canAdmin } = context;
  const taxes = useTaxRates(brand.id);
  const [editing, setEditing] = useState<TaxRate | 'new' | null>(null);

  const remove = useMutation({
    mutationFn: (tax: TaxRate) =>
      unwrap(
        api.DELETE('/api/v1/brands/{brand_id}/tax-rates/{tax_rate_id}', {
          params: { path: { brand_id: brand.id, tax_rate_id: tax.id } },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: brandKeys.taxes(brand.id) });
      notifySuccess(t('settings.taxes.deleted'));
    },
    onError: notifyError,
  });

  const confirmDelete = (tax: TaxRate) =>
    modals.openConfirmModal({
      title: t('settings.taxes.deleteTitle'),
      children: <Text size="sm">{t('settings.deleteText', { name: context.text(tax.name) })}</Text>,
      labels: { confirm: t('common.delete'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => remove.mutate(tax),
    });

  const addButton = canAdmin ? (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
      {t('settings.taxes.add')}
    </Button>
  ) : null;
  const items = taxes.data ?? [];

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="taxes-heading">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={2} size="h3" id="taxes-heading">
            {t('settings.tabs.taxes')}
          </Title>
          {items.length > 0 ? addButton : null}
        </Group>
        <Text size="sm" c="dimmed">
          {t('settings.taxes.intro')}
        </Text>
        {taxes.isPending ? <LoadingState /> : null}
        {taxes.isError ? (
          <ErrorState error={taxes.error} onRetry={() => void taxes.refetch()} />
        ) : null}
        {taxes.isSuccess && items.length === 0 ? (
          <EmptyListState title={t('settings.taxes.empty')} action={addButton} />
        ) : null}
        {items.length > 0 ? (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('settings.name')}</Table.Th>
                  <Table.Th>{t('settings.taxes.rate')}</Table.Th>
                  <Table.Th>{t('fields.country')}</Table.Th>
                  <Table.Th>{t('settings.taxes.roundingLabel')}</Table.Th>
                  {canAdmin ? <Table.Th>{t('common.actions')}</Table.Th> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((tax) => {
                  const name = context.text(tax.name);
                  return (
                    <Table.Tr key={tax.id}>
                      <Table.Td>
                        <Group gap="xs">
                          <Text fw={600}>{name}</Text>
                          {tax.is_default ? (
                            <Badge variant="light">{t('settings.taxes.default')}</Badge>
                          ) : null}
                          {tax.in_use ? (
                            <Badge variant="outline" color="gray">
                              {t('settings.taxes.inUse')}
                            </Badge>
                          ) : null}
                        </Group>
                      </Table.Td>
                      <Table.Td>{formatPercent(tax.rate, i18n.language)}</Table.Td>
                      <Table.Td>{countryName(tax.country)}</Table.Td>
                      <Table.Td>{roundingLabel(t, tax.rounding)}</Table.Td>
                      {canAdmin ? (
                        <Table.Td>
                          <Group gap="xs" wrap="nowrap">
                            <Button
                              size="xs"
                              variant="light"
                              leftSection={<IconEdit size={14} aria-hidden />}
                              onClick={() => setEditing(tax)}
                              aria-label={t('common.editName', { name })}
                            >
                              {t('common.edit')}
                            </Button>
                            <Button
                              size="xs"
                              variant="subtle"
                              color="red"
                              leftSection={<IconTrash size={14} aria-hidden />}
                              onClick={() => confirmDelete(tax)}
                              aria-label={t('common.deleteName', { name })}
                            >
                              {t('common.delete')}
                            </Button>
                          </Group>
                        </Table.Td>
                      ) : null}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
      </Stack>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('settings.taxes.add') : t('settings.taxes.edit')}
        size="lg"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {editing !== null ? (
          <TaxForm
            context={context}
            tax={editing === 'new' ? null : editing}
            onDone={() => setEditing(null)}
          />
        ) : null}
      </Modal>
    </Paper>
  );
}

function TaxForm({
  context,
  tax,
  onDone,
}: {
  context: BrandContext;
  tax: TaxRate | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { brand, languages, defaultLanguage } = context;
  const fixed = tax?.in_use ?? false;
  const form = useForm<TaxValues>({
    initialValues: {
      name: textsToForm(tax?.name, languages),
      rate: tax?.rate ?? '',
      country: tax?.country ?? brand.country,
      rounding: tax?.rounding ?? 'half_up',
      is_default: tax?.is_default ?? false,
    },
    validate: (values) => {
      const errors: Record<string, string> = {};
      checkDefaultText(errors, values.name, defaultLanguage, 'name');
      if (parsePercent(values.rate) === null) errors.rate = t('validation.percent');
      const country = requiredText(values.country);
      if (country) errors.country = country;
      return errors;
    },
  });

  const save = useMutation({
    mutationFn: (values: TaxValues) => {
      const common = {
        name: textsRequest(values.name, languages),
        rounding: values.rounding,
        is_default: values.is_default,
      };
      const rate = parsePercent(values.rate) ?? values.rate;
      if (!tax) {
        return unwrap(
          api.POST('/api/v1/brands/{brand_id}/tax-rates', {
            params: { path: { brand_id: brand.id } },
            body: { ...common, rate, country: values.country },
          }),
        );
      }
      // A tax in use keeps its rate and country: send them only when they may change.
      return unwrap(
        api.PATCH('/api/v1/brands/{brand_id}/tax-rates/{tax_rate_id}', {
          params: { path: { brand_id: brand.id, tax_rate_id: tax.id } },
          body: fixed ? common : { ...common, rate, country: values.country },
        }),
      );
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: brandKeys.taxes(brand.id) });
      notifySuccess(t('settings.taxes.saved'));
      onDone();
    },
    onError: (error) => form.setErrors(mapProblem(error, taxFields).fieldErrors),
  });

  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <Stack gap="sm">
        <FormErrorAlert error={save.isError ? mapProblem(save.error, taxFields).formError : null} />
        <LocalizedTextInputs
          label={t('settings.name')}
          languages={languages}
          requiredLanguages={[defaultLanguage]}
          inputProps={(language) => form.getInputProps(`name.${language}`)}
        />
        {fixed ? (
          <Text size="sm" c="dimmed">
            {t('settings.taxes.fixed')}
          </Text>
        ) : null}
        <TextInput
          label={t('settings.taxes.rate')}
          inputMode="decimal"
          rightSection={<span aria-hidden>%</span>}
          withAsterisk
          disabled={fixed}
          {...form.getInputProps('rate')}
        />
        <CountrySelect
          label={t('fields.country')}
          description={t('settings.taxes.countryHelp')}
          withAsterisk
          disabled={fixed}
          allowDeselect={false}
          {...form.getInputProps('country')}
        />
        <Select
          label={t('settings.taxes.roundingLabel')}
          data={ROUNDINGS.map((rounding) => ({
            value: rounding,
            label: roundingLabel(t, rounding),
          }))}
          allowDeselect={false}
          {...form.getInputProps('rounding')}
        />
        <Checkbox
          label={t('settings.taxes.makeDefault')}
          {...form.getInputProps('is_default', { type: 'checkbox' })}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {tax ? t('common.save') : t('common.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
