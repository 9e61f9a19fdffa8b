import { Badge, Group, Paper, Stack, Table, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { AnchorLink, ButtonLink } from '../../../components/links';
import { LoadMore } from '../../../components/LoadMore';
import { EmptyListState, ErrorState, LoadingState } from '../../../components/QueryState';
import { api } from '../../../lib/api';
import { formatDateTime } from '../../../lib/dates';
import { unwrap } from '../../../lib/problem';
import { PAGE_SIZE } from '../../../lib/queries';
import { usePageTitle } from '../../../lib/usePageTitle';
import { brandKeys } from '../data';
import { BrandGate, type BrandContext } from '../shared/BrandGate';
import { catalogStatusColor, catalogStatusLabel } from '../shared/labels';

/** Catalogs (seasons, line sheets). */
export function CatalogsPage() {
  const { t } = useTranslation();
  usePageTitle(t('brand.nav.catalogs'));
  return <BrandGate>{(context) => <CatalogList context={context} />}</BrandGate>;
}

function CatalogList({ context }: { context: BrandContext }) {
  const { t, i18n } = useTranslation();
  const { brand } = context;
  const catalogs = useInfiniteQuery({
    queryKey: [...brandKeys.catalogs(brand.id), 'list'],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/brands/{brand_id}/catalogs', {
          params: { path: { brand_id: brand.id }, query: { limit: PAGE_SIZE, cursor: pageParam } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });
  const items = catalogs.data?.pages.flatMap((page) => page.items) ?? [];
  const createButton = (
    <ButtonLink
      to="/brand/$brandId/catalogs/new"
      params={{ brandId: brand.id }}
      leftSection={<IconPlus size={16} aria-hidden />}
    >
      {t('catalogs.create')}
    </ButtonLink>
  );
  const when = (instant: string | null) => (instant ? formatDateTime(instant, i18n.language) : '—');

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="catalogs-heading">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={2} size="h3" id="catalogs-heading">
            {t('brand.nav.catalogs')}
          </Title>
          {items.length > 0 ? createButton : null}
        </Group>
        {catalogs.isPending ? <LoadingState /> : null}
        {catalogs.isError ? (
          <ErrorState error={catalogs.error} onRetry={() => void catalogs.refetch()} />
        ) : null}
        {catalogs.isSuccess && items.length === 0 ? (
          <EmptyListState
            title={t('catalogs.empty')}
            description={t('catalogs.emptyText')}
            action={createButton}
          />
        ) : null}
        {items.length > 0 ? (
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="sm" aria-labelledby="catalogs-heading">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('catalogs.code')}</Table.Th>
                  <Table.Th>{t('catalogs.name')}</Table.Th>
                  <Table.Th>{t('catalogs.statusLabel')}</Table.Th>
                  <Table.Th>{t('catalogs.releaseAt')}</Table.Th>
                  <Table.Th>{t('catalogs.orderDeadline')}</Table.Th>
                  <Table.Th ta="end">{t('catalogs.productCount')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((catalog) => (
                  <Table.Tr key={catalog.id}>
                    <Table.Td>
                      <AnchorLink
                        to="/brand/$brandId/catalogs/$catalogId"
                        params={{ brandId: brand.id, catalogId: catalog.id }}
                        fw={600}
                      >
                        {catalog.code}
                      </AnchorLink>
                    </Table.Td>
                    <Table.Td>{context.text(catalog.name)}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={catalogStatusColor(catalog.status)}>
                        {catalogStatusLabel(t, catalog.status)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{when(catalog.release_at)}</Table.Td>
                    <Table.Td>{when(catalog.order_deadline)}</Table.Td>
                    <Table.Td ta="end">{catalog.product_count}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
        <LoadMore
          hasNextPage={catalogs.hasNextPage}
          isFetchingNextPage={catalogs.isFetchingNextPage}
          fetchNextPage={catalogs.fetchNextPage}
        />
      </Stack>
    </Paper>
  );
}
