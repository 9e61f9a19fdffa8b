import { Badge, List, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { LoadMore } from '../../../components/LoadMore';
import { EmptyListState, ErrorState, LoadingState } from '../../../components/QueryState';
import { api, type Schemas } from '../../../lib/api';
import { formatDateTime } from '../../../lib/dates';
import { unwrap } from '../../../lib/problem';
import { PAGE_SIZE, queryKeys } from '../../../lib/queries';
import { usePageTitle } from '../../../lib/usePageTitle';
import { useCurrentBrand } from '../useBrand';
import { fieldLabel, valueLabel } from './changes';

type AuditEvent = Schemas['AuditEventRead'];
type Entity = AuditEvent['entity'];

const ENTITIES: Entity[] = [
  'link',
  'transaction_term',
  'price',
  'customer_terms',
  'order',
  'settings',
  'tax_rate',
  'shipping_rate_group',
  'member',
  'product_import',
];

/** **Audit log** (owners): who changed which link, terms, price, setting or order, when. */
export function AuditLogPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('audit.title'));
  const brand = useCurrentBrand();
  const brandId = brand.data?.id ?? '';
  const [entity, setEntity] = useState<Entity | null>(null);
  const events = useInfiniteQuery({
    queryKey: [...queryKeys.brand(brandId), 'audit', entity],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/brands/{brand_id}/audit-events', {
          params: {
            path: { brand_id: brandId },
            query: { entity, limit: PAGE_SIZE, cursor: pageParam },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled: Boolean(brandId),
    staleTime: 0,
  });
  const items = events.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="audit-heading">
      <Stack gap="md">
        <Title order={2} size="h3" id="audit-heading">
          {t('audit.title')}
        </Title>
        <Text c="dimmed" size="sm">
          {t('audit.intro')}
        </Text>
        <Select
          label={t('audit.filter')}
          placeholder={t('audit.everything')}
          clearable
          w={280}
          value={entity}
          onChange={(value) => setEntity(ENTITIES.find((each) => each === value) ?? null)}
          data={ENTITIES.map((value) => ({ value, label: t(`audit.entities.${value}`) }))}
        />
        {events.isPending ? <LoadingState /> : null}
        {events.isError ? (
          <ErrorState error={events.error} onRetry={() => void events.refetch()} />
        ) : null}
        {events.isSuccess && items.length === 0 ? (
          <EmptyListState title={t('audit.emptyTitle')} description={t('audit.emptyText')} />
        ) : null}
        {items.length > 0 ? (
          <Table.ScrollContainer minWidth={820}>
            <Table verticalSpacing="sm" aria-labelledby="audit-heading">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('audit.columns.when')}</Table.Th>
                  <Table.Th scope="col">{t('audit.columns.who')}</Table.Th>
                  <Table.Th scope="col">{t('audit.columns.what')}</Table.Th>
                  <Table.Th scope="col">{t('audit.columns.change')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((event) => (
                  <Table.Tr key={event.id}>
                    <Table.Td>
                      <Text size="sm">{formatDateTime(event.created_at, i18n.language)}</Text>
                    </Table.Td>
                    <Table.Td>{event.actor_name || t('audit.unknownActor')}</Table.Td>
                    <Table.Th scope="row" fw={400}>
                      <Stack gap={2}>
                        <Text size="sm" fw={600}>
                          {event.label}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {t(`audit.entities.${event.entity}`)}
                        </Text>
                      </Stack>
                    </Table.Th>
                    <Table.Td>
                      <Stack gap={4}>
                        <Badge
                          variant="light"
                          color={
                            event.action === 'deleted'
                              ? 'red'
                              : event.action === 'created'
                                ? 'green'
                                : 'blue'
                          }
                        >
                          {t(`audit.actions.${event.action}`)}
                        </Badge>
                        <List size="sm" spacing={2}>
                          {Object.entries(event.changes).map(([field, [before, after]]) => (
                            <List.Item key={field}>
                              {t('audit.change', {
                                field: fieldLabel(t, field),
                                before: valueLabel(t, before),
                                after: valueLabel(t, after),
                              })}
                            </List.Item>
                          ))}
                        </List>
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
        <LoadMore
          hasNextPage={events.hasNextPage}
          isFetchingNextPage={events.isFetchingNextPage}
          fetchNextPage={events.fetchNextPage}
        />
      </Stack>
    </Paper>
  );
}
