import { Paper, Stack, Title } from '@mantine/core';
import { IconBuildingStore } from '@tabler/icons-react';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

import { AnchorLink, ButtonLink } from '../../../components/links';
import { LoadMore } from '../../../components/LoadMore';
import { EmptyListState, ErrorState, LoadingState } from '../../../components/QueryState';
import { resolveLocalized } from '../../../lib/localized';
import { usePageTitle } from '../../../lib/usePageTitle';
import { buyerOrdersListQuery } from '../../orders/data';
import { hasFilters, type OrdersSearch } from '../../orders/filters';
import { OrderFiltersBar } from '../../orders/OrderFiltersBar';
import { OrdersTable } from '../../orders/OrdersTable';
import { connectedBrandsQuery } from '../../store/connectedBrands';

const route = getRouteApi('/_authenticated/buyer/$orgId/orders');

/** The organization's orders (in the order the API lists them), filtered by status, brand, date. */
export function BuyerOrdersPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('orders.title'));
  const { orgId } = route.useParams();
  const search = route.useSearch();
  const navigate = useNavigate();
  const orders = useInfiniteQuery({
    ...buyerOrdersListQuery(orgId, search),
    placeholderData: keepPreviousData,
  });
  const brands = useQuery(connectedBrandsQuery(orgId));
  const items = orders.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = hasFilters(search);

  const setSearch = (next: OrdersSearch) =>
    void navigate({ to: '/buyer/$orgId/orders', params: { orgId }, search: next, replace: true });

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
              key: 'brand',
              label: t('orders.filters.brand'),
              placeholder: t('orders.filters.anyBrand'),
              options: (brands.data ?? []).map((brand) => ({
                value: brand.brand_id,
                label: resolveLocalized(brand.name, i18n.language, brand.default_language),
              })),
            },
          ]}
        />
        {orders.isPending ? <LoadingState /> : null}
        {orders.isError ? (
          <ErrorState error={orders.error} onRetry={() => void orders.refetch()} />
        ) : null}
        {orders.isSuccess && items.length === 0 ? (
          filtered ? (
            <EmptyListState
              title={t('orders.empty.noMatch')}
              description={t('orders.empty.noMatchText')}
            />
          ) : (
            <EmptyListState
              title={t('orders.empty.buyerTitle')}
              description={t('orders.empty.buyerText')}
              action={
                <ButtonLink
                  to="/buyer/$orgId/brands"
                  params={{ orgId }}
                  leftSection={<IconBuildingStore size={16} aria-hidden />}
                >
                  {t('orders.empty.toBrands')}
                </ButtonLink>
              }
            />
          )
        ) : null}
        {items.length > 0 ? (
          <OrdersTable
            items={items}
            party="brand"
            numberCell={(order) => (
              <AnchorLink
                to="/buyer/$orgId/orders/$orderId"
                params={{ orgId, orderId: order.id }}
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
