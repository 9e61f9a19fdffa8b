import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';

import { buyerOrganizationQuery } from '../../lib/queries';

const route = getRouteApi('/_authenticated/buyer/$orgId');

/** The organization of the current `/buyer/:orgId/…` page (loaded by the layout). */
export function useCurrentOrganization() {
  const { orgId } = route.useParams();
  return { orgId, organization: useQuery(buyerOrganizationQuery(orgId)) };
}
