import {
  Button,
  Checkbox,
  Group,
  Paper,
  ScrollArea,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { notifySuccess } from '../../../components/notify';
import { EmptyListState, ErrorState, LoadingState } from '../../../components/QueryState';
import { api } from '../../../lib/api';
import { fetchAllPages } from '../../../lib/paging';
import { formFields, mapProblem, unwrap } from '../../../lib/problem';
import { brandKeys, type Catalog, type Customer } from '../data';
import type { BrandContext } from '../shared/BrandGate';

function customerLabel(customer: Customer): string {
  return [customer.code, customer.company_name || customer.contact_name]
    .filter(Boolean)
    .join(' · ');
}

/** Who may see a limited catalog: a checklist of the brand's customers. */
export function AccessGrants({ context, catalog }: { context: BrandContext; catalog: Catalog }) {
  const { t } = useTranslation();
  const { brand } = context;
  const key = [...brandKeys.catalog(brand.id, catalog.id), 'access-grants'];
  const grants = useQuery({
    queryKey: key,
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/brands/{brand_id}/catalogs/{catalog_id}/access-grants', {
          params: { path: { brand_id: brand.id, catalog_id: catalog.id } },
        }),
      ),
  });
  const customers = useQuery({
    queryKey: [...brandKeys.customers(brand.id), 'all'],
    queryFn: () =>
      fetchAllPages((cursor) =>
        unwrap(
          api.GET('/api/v1/brands/{brand_id}/customers', {
            params: { path: { brand_id: brand.id }, query: { limit: 100, cursor } },
          }),
        ),
      ),
  });

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="access-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="access-heading">
          {t('catalogs.access.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('catalogs.access.help')}
        </Text>
        {grants.isPending || customers.isPending ? <LoadingState /> : null}
        {grants.isError ? (
          <ErrorState error={grants.error} onRetry={() => void grants.refetch()} />
        ) : null}
        {customers.isError ? (
          <ErrorState error={customers.error} onRetry={() => void customers.refetch()} />
        ) : null}
        {customers.data && customers.data.length === 0 ? (
          <EmptyListState title={t('catalogs.access.noCustomers')} />
        ) : null}
        {grants.data && customers.data && customers.data.length > 0 ? (
          <GrantsEditor
            key={grants.data.customer_ids.join(',')}
            context={context}
            catalog={catalog}
            customers={customers.data}
            initial={grants.data.customer_ids}
            queryKey={key}
          />
        ) : null}
      </Stack>
    </Paper>
  );
}

function GrantsEditor({
  context,
  catalog,
  customers,
  initial,
  queryKey,
}: {
  context: BrandContext;
  catalog: Catalog;
  customers: Customer[];
  initial: string[];
  queryKey: readonly unknown[];
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [granted, setGranted] = useState(() => new Set(initial));
  const [search, setSearch] = useState('');
  const words = search.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const shown = customers.filter((customer) => {
    const text =
      `${customer.code} ${customer.company_name} ${customer.contact_name} ${customer.email}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
  const allShown = shown.length > 0 && shown.every((customer) => granted.has(customer.id));
  const someShown = shown.some((customer) => granted.has(customer.id));
  const dirty = granted.size !== initial.length || initial.some((id) => !granted.has(id));

  const save = useMutation({
    mutationFn: (customerIds: string[]) =>
      unwrap(
        api.PUT('/api/v1/brands/{brand_id}/catalogs/{catalog_id}/access-grants', {
          params: { path: { brand_id: context.brand.id, catalog_id: catalog.id } },
          body: { customer_ids: customerIds },
        }),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKey, saved);
      notifySuccess(t('catalogs.access.saved'));
    },
  });

  const toggle = (id: string, on: boolean) =>
    setGranted((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <Stack gap="sm">
      <TextInput
        label={t('catalogs.access.search')}
        leftSection={<IconSearch size={16} aria-hidden />}
        type="search"
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
      />
      <Checkbox
        label={t('catalogs.access.selectAll', { number: shown.length })}
        checked={allShown}
        indeterminate={someShown && !allShown}
        onChange={(event) => {
          const on = event.currentTarget.checked;
          setGranted((current) => {
            const next = new Set(current);
            for (const customer of shown) {
              if (on) next.add(customer.id);
              else next.delete(customer.id);
            }
            return next;
          });
        }}
      />
      <ScrollArea.Autosize mah={320}>
        <Stack
          gap={6}
          component="ul"
          aria-label={t('catalogs.access.title')}
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
        >
          {shown.map((customer) => (
            <li key={customer.id}>
              <Checkbox
                label={customerLabel(customer)}
                description={customer.email}
                checked={granted.has(customer.id)}
                onChange={(event) => toggle(customer.id, event.currentTarget.checked)}
              />
            </li>
          ))}
        </Stack>
      </ScrollArea.Autosize>
      <Text size="sm">{t('catalogs.access.count', { number: granted.size })}</Text>
      <FormErrorAlert
        error={save.isError ? mapProblem(save.error, formFields([])).formError : null}
      />
      <Group justify="flex-end">
        <Button
          disabled={!dirty}
          loading={save.isPending}
          onClick={() => save.mutate([...granted])}
        >
          {t('catalogs.access.save')}
        </Button>
      </Group>
    </Stack>
  );
}
