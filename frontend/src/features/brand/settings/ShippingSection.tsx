import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
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
import { SortableList } from '../../../components/SortableList';
import { api } from '../../../lib/api';
import { mapProblem, unwrap } from '../../../lib/problem';
import { useCountryName } from '../../../lib/queries';
import { brandKeys, useShippingGroups, useTaxRates, type ShippingGroup } from '../data';
import type { BrandContext } from '../shared/BrandGate';
import { bodyFields } from '../shared/fields';
import { RATE_CONDITIONS, rateConditionLabel } from '../shared/labels';
import { MoneyInput } from '../shared/MoneyInput';
import {
  describeRate,
  emptyRate,
  shippingRequest,
  shippingToForm,
  validateShipping,
  type ShippingValues,
} from './shippingForm';

const shippingFields = bodyFields(
  ['code', 'description', 'currency', 'country', 'tax_rate_id', 'rates'],
  ['name', 'rates'],
);

/** Shipping rate groups: per currency and country (or all countries), with ordered rates. */
export function ShippingSection({ context }: { context: BrandContext }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const countryName = useCountryName();
  const { brand, canAdmin } = context;
  const groups = useShippingGroups(brand.id);
  const taxes = useTaxRates(brand.id);
  const [editing, setEditing] = useState<ShippingGroup | 'new' | null>(null);

  const remove = useMutation({
    mutationFn: (group: ShippingGroup) =>
      unwrap(
        api.DELETE('/api/v1/brands/{brand_id}/shipping-rate-groups/{group_id}', {
          params: { path: { brand_id: brand.id, group_id: group.id } },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: brandKeys.shipping(brand.id) });
      notifySuccess(t('settings.shipping.deleted'));
    },
    onError: notifyError,
  });

  const confirmDelete = (group: ShippingGroup) =>
    modals.openConfirmModal({
      title: t('settings.shipping.deleteTitle'),
      children: <Text size="sm">{t('settings.deleteText', { name: group.code })}</Text>,
      labels: { confirm: t('common.delete'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => remove.mutate(group),
    });

  const addButton = canAdmin ? (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
      {t('settings.shipping.add')}
    </Button>
  ) : null;
  const items = groups.data ?? [];
  const taxName = (id: string | null) => {
    const tax = taxes.data?.find((each) => each.id === id);
    return tax ? context.text(tax.name) : t('settings.shipping.untaxed');
  };

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="shipping-heading">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={2} size="h3" id="shipping-heading">
            {t('settings.tabs.shipping')}
          </Title>
          {items.length > 0 ? addButton : null}
        </Group>
        <Text size="sm" c="dimmed">
          {t('settings.shipping.intro')}
        </Text>
        {groups.isPending ? <LoadingState /> : null}
        {groups.isError ? (
          <ErrorState error={groups.error} onRetry={() => void groups.refetch()} />
        ) : null}
        {groups.isSuccess && items.length === 0 ? (
          <EmptyListState title={t('settings.shipping.empty')} action={addButton} />
        ) : null}
        <SimpleGrid
          cols={{ base: 1, md: 2 }}
          component="ul"
          style={{ listStyle: 'none', padding: 0 }}
        >
          {items.map((group) => (
            <Card key={group.id} withBorder component="li" aria-label={group.code}>
              <Stack gap="xs">
                <Group justify="space-between" wrap="nowrap">
                  <div>
                    <Text fw={600}>
                      {group.code} · {context.text(group.name)}
                    </Text>
                    <Group gap={6}>
                      <Badge variant="light">{group.currency}</Badge>
                      <Badge variant="outline" color="gray">
                        {group.country
                          ? countryName(group.country)
                          : t('settings.shipping.allCountries')}
                      </Badge>
                      <Badge variant="outline" color="gray">
                        {taxName(group.tax_rate_id)}
                      </Badge>
                    </Group>
                  </div>
                </Group>
                {group.rates.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('settings.shipping.noRates')}
                  </Text>
                ) : (
                  <Stack gap={2} component="ol" style={{ margin: 0, paddingInlineStart: 20 }}>
                    {group.rates
                      .slice()
                      .sort((a, b) => a.position - b.position)
                      .map((rate) => (
                        <Text key={rate.id} size="sm" component="li">
                          {describeRate(t, rate, group.currency, i18n.language)}
                        </Text>
                      ))}
                  </Stack>
                )}
                {canAdmin ? (
                  <Group gap="xs">
                    <Button
                      size="xs"
                      variant="light"
                      leftSection={<IconEdit size={14} aria-hidden />}
                      onClick={() => setEditing(group)}
                      aria-label={t('common.editName', { name: group.code })}
                    >
                      {t('common.edit')}
                    </Button>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      leftSection={<IconTrash size={14} aria-hidden />}
                      onClick={() => confirmDelete(group)}
                      aria-label={t('common.deleteName', { name: group.code })}
                    >
                      {t('common.delete')}
                    </Button>
                  </Group>
                ) : null}
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      </Stack>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('settings.shipping.add') : t('settings.shipping.edit')}
        size="xl"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {editing !== null ? (
          <ShippingForm
            context={context}
            group={editing === 'new' ? null : editing}
            onDone={() => setEditing(null)}
          />
        ) : null}
      </Modal>
    </Paper>
  );
}

function ShippingForm({
  context,
  group,
  onDone,
}: {
  context: BrandContext;
  group: ShippingGroup | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { brand, languages, defaultLanguage, currencies, settings } = context;
  const taxes = useTaxRates(brand.id);
  const form = useForm<ShippingValues>({
    initialValues: shippingToForm(group, languages, settings.default_currency),
    validate: (values) =>
      validateShipping(values, defaultLanguage, {
        whole: t('validation.wholeNumber'),
        quantityOrder: t('settings.shipping.quantityOrder'),
        addOne: t('validation.addOne'),
      }),
  });

  const save = useMutation({
    mutationFn: (values: ShippingValues) => {
      const body = shippingRequest(values, languages);
      return group
        ? unwrap(
            api.PATCH('/api/v1/brands/{brand_id}/shipping-rate-groups/{group_id}', {
              params: { path: { brand_id: brand.id, group_id: group.id } },
              body,
            }),
          )
        : unwrap(
            api.POST('/api/v1/brands/{brand_id}/shipping-rate-groups', {
              params: { path: { brand_id: brand.id } },
              body: { ...body, currency: values.currency },
            }),
          );
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: brandKeys.shipping(brand.id) });
      notifySuccess(t('settings.shipping.saved'));
      onDone();
    },
    onError: (error) => form.setErrors(mapProblem(error, shippingFields).fieldErrors),
  });

  const { values } = form;
  const currencyOptions = [...new Set([...currencies, values.currency])];

  return (
    <form onSubmit={form.onSubmit((submitted) => save.mutate(submitted))} noValidate>
      <Stack gap="sm">
        <FormErrorAlert
          error={save.isError ? mapProblem(save.error, shippingFields).formError : null}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('settings.code')}
            withAsterisk
            data-autofocus
            {...form.getInputProps('code')}
          />
          <Select
            label={t('settings.shipping.currency')}
            description={group ? t('settings.shipping.currencyFixed') : undefined}
            data={currencyOptions}
            allowDeselect={false}
            disabled={group !== null}
            withAsterisk
            {...form.getInputProps('currency')}
          />
        </SimpleGrid>
        <LocalizedTextInputs
          label={t('settings.name')}
          languages={languages}
          requiredLanguages={[defaultLanguage]}
          inputProps={(language) => form.getInputProps(`name.${language}`)}
        />
        <Textarea
          label={t('settings.shipping.description')}
          autosize
          minRows={2}
          {...form.getInputProps('description')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <CountrySelect
            label={t('fields.country')}
            description={t('settings.shipping.countryHelp')}
            clearable
            placeholder={t('settings.shipping.allCountries')}
            {...form.getInputProps('country')}
            value={values.country || null}
            onChange={(country: string | null) => form.setFieldValue('country', country ?? '')}
          />
          <Select
            label={t('settings.shipping.tax')}
            data={(taxes.data ?? []).map((tax) => ({
              value: tax.id,
              label: context.text(tax.name),
            }))}
            clearable
            placeholder={t('settings.shipping.untaxed')}
            {...form.getInputProps('tax_rate_id')}
            value={values.tax_rate_id || null}
            onChange={(id: string | null) => form.setFieldValue('tax_rate_id', id ?? '')}
          />
        </SimpleGrid>

        <Stack gap="xs">
          <Text fw={500} size="sm" id="rates-label">
            {t('settings.shipping.rates')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('settings.shipping.ratesHelp')}
          </Text>
          {values.rates.length > 0 ? (
            <SortableList
              label={t('settings.shipping.rates')}
              items={values.rates}
              getId={(rate) => rate.key}
              getLabel={(_, index) => t('settings.shipping.rateNumber', { number: index + 1 })}
              onReorder={(rates) => form.setFieldValue('rates', rates)}
              renderItem={(rate, index) => {
                const name = t('settings.shipping.rateNumber', { number: index + 1 });
                const withName = (label: string) => `${label} (${name})`;
                return (
                  <Group align="flex-start" gap="xs" wrap="wrap">
                    <Select
                      w={200}
                      label={withName(t('settings.shipping.conditionLabel'))}
                      data={RATE_CONDITIONS.map((condition) => ({
                        value: condition,
                        label: rateConditionLabel(t, condition),
                      }))}
                      allowDeselect={false}
                      {...form.getInputProps(`rates.${index}.condition`)}
                    />
                    {rate.condition === 'subtotal_at_least' ||
                    rate.condition === 'subtotal_below' ? (
                      <MoneyInput
                        w={150}
                        currency={values.currency}
                        label={withName(t('settings.shipping.threshold'))}
                        {...form.getInputProps(`rates.${index}.threshold`)}
                      />
                    ) : null}
                    {rate.condition === 'quantity_between' ? (
                      <>
                        <TextInput
                          w={110}
                          inputMode="numeric"
                          label={withName(t('settings.shipping.minQuantity'))}
                          {...form.getInputProps(`rates.${index}.min_quantity`)}
                        />
                        <TextInput
                          w={110}
                          inputMode="numeric"
                          label={withName(t('settings.shipping.maxQuantity'))}
                          {...form.getInputProps(`rates.${index}.max_quantity`)}
                        />
                      </>
                    ) : null}
                    <MoneyInput
                      w={150}
                      currency={values.currency}
                      label={withName(t('settings.shipping.amount'))}
                      withAsterisk
                      {...form.getInputProps(`rates.${index}.amount`)}
                    />
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      mt={28}
                      onClick={() => form.removeListItem('rates', index)}
                      aria-label={t('settings.shipping.removeRate', { name })}
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Group>
                );
              }}
            />
          ) : (
            <Text size="sm" c="dimmed">
              {t('settings.shipping.noRates')}
            </Text>
          )}
          <Group>
            <Button
              variant="light"
              size="xs"
              leftSection={<IconPlus size={14} aria-hidden />}
              onClick={() => form.insertListItem('rates', emptyRate())}
            >
              {t('settings.shipping.addRate')}
            </Button>
          </Group>
        </Stack>

        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {group ? t('common.save') : t('common.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
