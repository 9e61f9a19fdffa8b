import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, type Schemas } from '../../../lib/api';
import { fetchAllPages } from '../../../lib/paging';
import { unwrap } from '../../../lib/problem';
import { queryKeys } from '../../../lib/queries';
import { brandKeys } from '../data';
import type { LinkKind } from './linkForm';

export const linkKeys = {
  all: (brandId: string) => [...queryKeys.brand(brandId), 'links'] as const,
  list: (brandId: string, kind: LinkKind) =>
    [...queryKeys.brand(brandId), 'links', 'list', kind] as const,
  one: (brandId: string, linkId: string) =>
    [...queryKeys.brand(brandId), 'links', 'one', linkId] as const,
};

export function linkQuery(brandId: string, linkId: string) {
  return queryOptions({
    queryKey: linkKeys.one(brandId, linkId),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/brands/{brand_id}/links/{link_id}', {
          params: { path: { brand_id: brandId, link_id: linkId } },
        }),
      ),
  });
}

/** Every catalog of the brand, for the Season / Selectable Seasons pickers. */
export function useAllCatalogs(brandId: string) {
  return useQuery({
    queryKey: [...brandKeys.catalogs(brandId), 'all'],
    queryFn: () =>
      fetchAllPages((cursor) =>
        unwrap(
          api.GET('/api/v1/brands/{brand_id}/catalogs', {
            params: { path: { brand_id: brandId }, query: { limit: 100, cursor } },
          }),
        ),
      ),
  });
}

/** Change a link: its fields or its status (`void`, `open`, `deleted`). */
export function patchLink(
  brandId: string,
  linkId: string,
  body: Schemas['LinkUpdate'],
): Promise<Schemas['LinkRead']> {
  return unwrap(
    api.PATCH('/api/v1/brands/{brand_id}/links/{link_id}', {
      params: { path: { brand_id: brandId, link_id: linkId } },
      body,
    }),
  );
}
