import { Stack } from '@mantine/core';
import { IconMail } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { ButtonLink } from '../../components/links';
import { EmptyListState, ErrorState, LoadingState } from '../../components/QueryState';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/problem';
import { queryKeys } from '../../lib/queries';
import { ConnectedBrandCard } from './ConnectedBrandCard';
import { useCurrentOrganization } from './useOrganization';

/** **Connected Brands**: the brands this organization trades with, and their catalogs. */
export function ConnectedBrandsPage() {
  const { t } = useTranslation();
  const { orgId } = useCurrentOrganization();
  const brands = useQuery({
    queryKey: [...queryKeys.buyerOrganization(orgId), 'brands'],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/buyer-organizations/{org_id}/brands', {
          params: { path: { org_id: orgId } },
        }),
      ),
  });

  if (brands.isPending) return <LoadingState />;
  if (brands.isError)
    return <ErrorState error={brands.error} onRetry={() => void brands.refetch()} />;
  if (brands.data.length === 0) {
    return (
      <EmptyListState
        title={t('connected.emptyTitle')}
        description={t('connected.emptyText')}
        action={
          <ButtonLink
            to="/buyer/$orgId/invitations"
            params={{ orgId }}
            leftSection={<IconMail size={16} aria-hidden />}
          >
            {t('connected.seeInvitations')}
          </ButtonLink>
        }
      />
    );
  }
  return (
    <Stack
      gap="lg"
      component="ul"
      aria-label={t('buyer.nav.brands')}
      style={{ listStyle: 'none', padding: 0, margin: 0 }}
    >
      {brands.data.map((brand) => (
        <ConnectedBrandCard key={brand.brand_id} brand={brand} orgId={orgId} />
      ))}
    </Stack>
  );
}
