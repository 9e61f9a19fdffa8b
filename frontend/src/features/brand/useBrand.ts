import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';

import { brandQuery } from '../../lib/queries';

const route = getRouteApi('/_authenticated/brand/$brandId');

/** The brand of the current `/brand/:brandId/…` page (loaded by the layout). */
export function useCurrentBrand() {
  const { brandId } = route.useParams();
  return useQuery(brandQuery(brandId));
}
