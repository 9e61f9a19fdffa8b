import { Button, Group, MultiSelect, Select, TextInput } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import {
  filtersFromSearch,
  hasFilters,
  searchFromFilters,
  type OrderFilters,
  type OrdersSearch,
} from './filters';
import { statusLabel } from './labels';
import { ORDER_STATUSES } from './status';

export interface ChoiceFilter {
  key: 'brand' | 'buyer' | 'catalog' | 'link';
  label: string;
  placeholder: string;
  options: { value: string; label: string }[];
}

/**
 * The filters above an orders list: status, the choice lists of the side (brand; or buyer,
 * catalog, link) and the placed date range. Every change goes straight to the URL search.
 */
export function OrderFiltersBar({
  search,
  onChange,
  choices,
  actions,
}: {
  search: OrdersSearch;
  onChange: (search: OrdersSearch) => void;
  choices: ChoiceFilter[];
  actions?: ReactNode;
}) {
  const { t } = useTranslation();
  const filters = filtersFromSearch(search);
  const set = (patch: Partial<OrderFilters>) =>
    onChange(searchFromFilters({ ...filters, ...patch }));
  const badRange = filters.from !== '' && filters.to !== '' && filters.to < filters.from;

  return (
    <Group
      component="form"
      role="search"
      aria-label={t('orders.filters.label')}
      align="flex-end"
      gap="sm"
      onSubmit={(event) => event.preventDefault()}
    >
      <MultiSelect
        label={t('orders.filters.status')}
        placeholder={filters.statuses.length === 0 ? t('orders.filters.anyStatus') : undefined}
        data={ORDER_STATUSES.map((status) => ({ value: status, label: statusLabel(t, status) }))}
        value={filters.statuses}
        onChange={(values) => set({ statuses: values })}
        clearable
        w={260}
      />
      {choices.map((choice) => (
        <Select
          key={choice.key}
          label={choice.label}
          placeholder={choice.placeholder}
          data={choice.options}
          value={filters[choice.key] || null}
          onChange={(value) => set({ [choice.key]: value ?? '' })}
          searchable
          clearable
          nothingFoundMessage={t('common.nothingFound')}
          w={220}
        />
      ))}
      <TextInput
        type="date"
        label={t('orders.filters.from')}
        value={filters.from}
        max={filters.to || undefined}
        onChange={(event) => set({ from: event.currentTarget.value })}
        w={170}
      />
      <TextInput
        type="date"
        label={t('orders.filters.to')}
        value={filters.to}
        min={filters.from || undefined}
        onChange={(event) => set({ to: event.currentTarget.value })}
        error={badRange ? t('orders.filters.badRange') : undefined}
        w={170}
      />
      {hasFilters(search) ? (
        <Button
          variant="subtle"
          leftSection={<IconFilterOff size={16} aria-hidden />}
          onClick={() => onChange({})}
        >
          {t('orders.filters.clear')}
        </Button>
      ) : null}
      {actions ? <Group ml="auto">{actions}</Group> : null}
    </Group>
  );
}
