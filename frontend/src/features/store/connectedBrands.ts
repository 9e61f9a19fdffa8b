import { queryOptions } from '@tanstack/react-query';

import { api } from '../../lib/api';
import { unwrap } from '../../lib/problem';
import { queryKeys } from '../../lib/queries';

/** Connected Brands of a buyer organization (the same cache as the Connected Brands page). */
export function connectedBrandsQuery(orgId: string) {
  return queryOptions({
    queryKey: [...queryKeys.buyerOrganization(orgId), 'brands'],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/buyer-organizations/{org_id}/brands', {
          params: { path: { org_id: orgId } },
        }),
      ),
  });
}
