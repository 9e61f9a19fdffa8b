import { Button, Paper, Stack, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

import { AnchorLink } from '../../../components/links';
import { LoadMore } from '../../../components/LoadMore';
import { EmptyListState, ErrorState, LoadingState } from '../../../components/QueryState';
import { api } from '../../../lib/api';
import { fetchAllPages } from '../../../lib/paging';
import { errorMessage, unwrap } from '../../../lib/problem';
import { usePageTitle } from '../../../lib/usePageTitle';
import { brandOrdersListQuery, downloadOrdersCsv } from '../../orders/data';
import { hasFilters, type OrdersSearch } from '../../orders/filters';
import { OrderFiltersBar } from '../../orders/OrderFiltersBar';
import { OrdersTable } from '../../orders/OrdersTable';
import { brandKeys } from '../data';
import { linkKeys, useAllCatalogs } from '../links/data';
import { BrandGate, type BrandContext } from '../shared/BrandGate';

const route = getRouteApi('/_authenticated/brand/$brandId/orders');

/** The brand's order inbox: filters, CSV export, the orders as the API lists them. */
export function BrandOrdersPage() {
  const { t } = useTranslation();
  usePageTitle(t('orders.title'));
  return <BrandGate>{(context) => <Inbox context={context} />}</BrandGate>;
}

/** Connected customers (the buyer filter goes by buyer organization). */
function useConnectedBuyers(brandId: string) {
  return useQuery({
    queryKey: [...brandKeys.customers(brandId), 'all', 'connected'],
    queryFn: () =>
      fetchAllPages((cursor) =>
        unwrap(
          api.GET('/api/v1/brands/{brand_id}/customers', {
            params: {
              path: { brand_id: brandId },
              query: { kind: 'connected', limit: 100, cursor },
            },
          }),
        ),
      ),
  });
}

function useAllLinks(brandId: string) {
  return useQuery({
    queryKey: [...linkKeys.all(brandId), 'all'],
    queryFn: () =>
      fetchAllPages((cursor) =>
        unwrap(
          api.GET('/api/v1/brands/{brand_id}/links', {
            params: { path: { brand_id: brandId }, query: { limit: 100, cursor } },
          }),
        ),
      ),
  });
}

function Inbox({ context }: { context: BrandContext }) {
  const { t } = useTranslation();
  const { brand } = context;
  const search = route.useSearch();
  const navigate = useNavigate();
  const orders = useInfiniteQuery({
    ...brandOrdersListQuery(brand.id, search),
    placeholderData: keepPreviousData,
  });
  const buyers = useConnectedBuyers(brand.id);
  const catalogs = useAllCatalogs(brand.id);
  const links = useAllLinks(brand.id);
  const exportCsv = useMutation({
    mutationFn: () => downloadOrdersCsv(brand.id, search),
    onError: (error) =>
      notifications.show({
        color: 'red',
        title: t('orders.export.failed'),
        message: errorMessage(error),
      }),
  });
  const items = orders.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = hasFilters(search);

  const setSearch = (next: OrdersSearch) =>
    void navigate({
      to: '/brand/$brandId/orders',
      params: { brandId: brand.id },
      search: next,
      replace: true,
    });

  const buyerOptions = new Map<string, string>();
  for (const customer of buyers.data ?? []) {
    if (customer.buyer_organization_id) {
      buyerOptions.set(
        customer.buyer_organization_id,
        customer.company_name || customer.contact_name || customer.code,
      );
    }
  }

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="orders-heading">
      <Stack gap="md">
        <Title order={2} size="h3" id="orders-heading">
          {t('orders.title')}
        </Title>
        <OrderFiltersBar
          search={search}
          onChange={setSearch}
          choices={[
            {
              key: 'buyer',
              label: t('orders.filters.buyer'),
              placeholder: t('orders.filters.anyBuyer'),
              options: [...buyerOptions].map(([value, label]) => ({ value, label })),
            },
            {
              key: 'catalog',
              label: t('orders.filters.catalog'),
              placeholder: t('orders.filters.anyCatalog'),
              options: (catalogs.data ?? []).map((catalog) => ({
                value: catalog.id,
                label: `${context.text(catalog.name)} (${catalog.code})`,
              })),
            },
            {
              key: 'link',
              label: t('orders.filters.link'),
              placeholder: t('orders.filters.anyLink'),
              options: (links.data ?? []).map((link) => ({ value: link.id, label: link.name })),
            },
          ]}
          actions={
            <Tooltip label={t('orders.export.help')} multiline w={260}>
              <Button
                variant="light"
                leftSection={<IconDownload size={16} aria-hidden />}
                loading={exportCsv.isPending}
                onClick={() => exportCsv.mutate()}
              >
                {t('orders.export.button')}
              </Button>
            </Tooltip>
          }
        />
        {orders.isPending ? <LoadingState /> : null}
        {orders.isError ? (
          <ErrorState error={orders.error} onRetry={() => void orders.refetch()} />
        ) : null}
        {orders.isSuccess && items.length === 0 ? (
          <EmptyListState
            title={filtered ? t('orders.empty.noMatch') : t('orders.empty.brandTitle')}
            description={filtered ? t('orders.empty.noMatchText') : t('orders.empty.brandText')}
          />
        ) : null}
        {items.length > 0 ? (
          <OrdersTable
            items={items}
            party="buyer"
            numberCell={(order) => (
              <AnchorLink
                to="/brand/$brandId/orders/$orderId"
                params={{ brandId: brand.id, orderId: order.id }}
                fw={600}
              >
                {order.number}
              </AnchorLink>
            )}
          />
        ) : null}
        <LoadMore
          hasNextPage={orders.hasNextPage}
          isFetchingNextPage={orders.isFetchingNextPage}
          fetchNextPage={orders.fetchNextPage}
        />
      </Stack>
    </Paper>
  );
}
