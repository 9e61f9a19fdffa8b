import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import createClient from 'openapi-fetch';

import type { paths } from '../../api/schema';
import { api, type Schemas } from '../../lib/api';
import { fetchClaimingEarly } from '../../lib/earlyRequests';
import { unwrap } from '../../lib/problem';
import { PRODUCTS_PAGE } from './linkRequests';

export type LinkLanding = Schemas['LinkLanding'];
export type StoreCatalog = Schemas['StoreCatalog'];
export type StoreProduct = Schemas['StoreProduct'];
export type StoreSku = Schemas['StoreSku'];
export type StoreLookbook = Schemas['StoreLookbook'];
export type StoreBrand = Schemas['StoreBrand'];
export type Contact = Schemas['ContactRead'];

/**
 * Calls made with a link access grant only. They carry no user session: a refused grant (401
 * `link.grant_invalid`) must send the visitor back to the link's passcode, not to the log-in.
 * A link page's first calls find their answers already on the way (see linkRequests.ts).
 */
export const linkApi = createClient<paths>({
  baseUrl: window.location.origin,
  credentials: 'same-origin',
  fetch: fetchClaimingEarly,
});

/**
 * How a shopper reaches a catalog: through an order link with its grant, or (standard orders)
 * as the logged-in user acting for a buyer organization connected to the brand.
 */
export type StoreAccess =
  { kind: 'link'; token: string; grant: string } | { kind: 'organization'; orgId: string };

/** What the catalog calls add to their request for an access. */
export function accessParams(access: StoreAccess): {
  header: { 'X-Link-Grant'?: string };
  query: { buyer_organization_id?: string };
} {
  return access.kind === 'link'
    ? { header: { 'X-Link-Grant': access.grant }, query: {} }
    : { header: {}, query: { buyer_organization_id: access.orgId } };
}

function clientFor(access: StoreAccess) {
  return access.kind === 'link' ? linkApi : api;
}

/** The query-key segment of an access (a new grant is a new shopper context). */
export function accessKey(access: StoreAccess): readonly string[] {
  return access.kind === 'link'
    ? ['link', access.token, access.grant]
    : ['organization', access.orgId];
}

export interface StoreView {
  /** The currency the shopper picked (one of the catalog's), or the default. */
  currency?: string;
  /** The content language (`?locale=`). */
  locale: string;
}

export const storeKeys = {
  all: ['store'] as const,
  landing: (token: string) => ['store', 'landing', token] as const,
};

export function storeCatalogQuery(access: StoreAccess, catalogId: string, view: StoreView) {
  return queryOptions({
    queryKey: [...storeKeys.all, ...accessKey(access), 'catalog', catalogId, view] as const,
    queryFn: () => {
      const { header, query } = accessParams(access);
      return unwrap(
        clientFor(access).GET('/api/v1/catalogs/{catalog_id}', {
          params: {
            path: { catalog_id: catalogId },
            header,
            query: { ...query, currency: view.currency, locale: view.locale },
          },
        }),
      );
    },
  });
}

export { PRODUCTS_PAGE };

export interface ProductFilter {
  q: string;
  categoryId: string | null;
}

export function storeProductsQuery(
  access: StoreAccess,
  catalogId: string,
  view: StoreView,
  filter: ProductFilter,
) {
  return infiniteQueryOptions({
    queryKey: [
      ...storeKeys.all,
      ...accessKey(access),
      'products',
      catalogId,
      view,
      filter,
    ] as const,
    queryFn: ({ pageParam }) => {
      const { header, query } = accessParams(access);
      return unwrap(
        clientFor(access).GET('/api/v1/catalogs/{catalog_id}/products', {
          params: {
            path: { catalog_id: catalogId },
            header,
            query: {
              ...query,
              currency: view.currency,
              locale: view.locale,
              limit: PRODUCTS_PAGE,
              cursor: pageParam,
              q: filter.q.trim() || undefined,
              category_id: filter.categoryId ?? undefined,
            },
          },
        }),
      );
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });
}
