import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';

import { api } from '../../lib/api';
import { unwrap } from '../../lib/problem';
import { PAGE_SIZE, queryKeys } from '../../lib/queries';
import { brandOrdersQuery, buyerOrdersQuery, type OrdersSearch } from './filters';
import type { OrderAction } from './status';

/** Orders live under their organization's or brand's key, so refreshing those refreshes them. */
export const orderKeys = {
  buyer: (orgId: string) => [...queryKeys.buyerOrganization(orgId), 'orders'] as const,
  buyerOne: (orgId: string, orderId: string) =>
    [...queryKeys.buyerOrganization(orgId), 'orders', 'one', orderId] as const,
  brand: (brandId: string) => [...queryKeys.brand(brandId), 'orders'] as const,
  brandOne: (brandId: string, orderId: string) =>
    [...queryKeys.brand(brandId), 'orders', 'one', orderId] as const,
};

export function buyerOrdersListQuery(orgId: string, search: OrdersSearch) {
  return infiniteQueryOptions({
    queryKey: [...orderKeys.buyer(orgId), 'list', search],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/buyer-organizations/{org_id}/orders', {
          params: {
            path: { org_id: orgId },
            query: { ...buyerOrdersQuery(search), limit: PAGE_SIZE, cursor: pageParam },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });
}

export function buyerOrderQuery(orgId: string, orderId: string) {
  return queryOptions({
    queryKey: orderKeys.buyerOne(orgId, orderId),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/buyer-organizations/{org_id}/orders/{order_id}', {
          params: { path: { org_id: orgId, order_id: orderId } },
        }),
      ),
  });
}

export function brandOrdersListQuery(brandId: string, search: OrdersSearch) {
  return infiniteQueryOptions({
    queryKey: [...orderKeys.brand(brandId), 'list', search],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/brands/{brand_id}/orders', {
          params: {
            path: { brand_id: brandId },
            query: { ...brandOrdersQuery(search), limit: PAGE_SIZE, cursor: pageParam },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });
}

export function brandOrderQuery(brandId: string, orderId: string) {
  return queryOptions({
    queryKey: orderKeys.brandOne(brandId, orderId),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/brands/{brand_id}/orders/{order_id}', {
          params: { path: { brand_id: brandId, order_id: orderId } },
        }),
      ),
  });
}

/** Moves an order on (409 `order.transition_invalid` when its status no longer allows it). */
export function changeOrder(brandId: string, orderId: string, action: OrderAction, note: string) {
  const params = { path: { brand_id: brandId, order_id: orderId } };
  const body = { note };
  switch (action) {
    case 'confirm':
      return unwrap(
        api.POST('/api/v1/brands/{brand_id}/orders/{order_id}/confirm', { params, body }),
      );
    case 'ship':
      return unwrap(api.POST('/api/v1/brands/{brand_id}/orders/{order_id}/ship', { params, body }));
    case 'complete':
      return unwrap(
        api.POST('/api/v1/brands/{brand_id}/orders/{order_id}/complete', { params, body }),
      );
    case 'reject':
      return unwrap(
        api.POST('/api/v1/brands/{brand_id}/orders/{order_id}/reject', { params, body }),
      );
    case 'return-to-cart':
      return unwrap(
        api.POST('/api/v1/brands/{brand_id}/orders/{order_id}/return-to-cart', { params, body }),
      );
  }
}

/** The brand's orders matching the filters as a CSV file (the API needs the bearer token). */
export async function downloadOrdersCsv(brandId: string, search: OrdersSearch): Promise<void> {
  const blob = await unwrap(
    api.GET('/api/v1/brands/{brand_id}/orders.csv', {
      params: { path: { brand_id: brandId }, query: brandOrdersQuery(search) },
      parseAs: 'blob',
    }),
  );
  const url = URL.createObjectURL(blob);
  try {
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = `orders-${new Date().toISOString().slice(0, 10)}.csv`;
    document.body.append(anchor);
    anchor.click();
    anchor.remove();
  } finally {
    // Give the browser a moment to start the download before the URL goes away.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
