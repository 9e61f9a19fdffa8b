import { EmptyState } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorState, LoadingState } from '../../../components/QueryState';
import { canManageBrand } from '../brandForm';
import { useCurrentBrand } from '../useBrand';

/** API keys and webhooks hand the brand's data to machines: owners and admins only. */
export function AdminOnly({ children }: { children: (brandId: string) => ReactNode }) {
  const { t } = useTranslation();
  const brand = useCurrentBrand();
  if (brand.isPending) return <LoadingState />;
  if (brand.isError) return <ErrorState error={brand.error} onRetry={() => void brand.refetch()} />;
  if (!canManageBrand(brand.data.my_role)) {
    return (
      <EmptyState
        py="xl"
        icon={<IconLock aria-hidden />}
        title={t('common.notAllowedTitle')}
        description={t('integrations.adminOnly')}
      />
    );
  }
  return children(brand.data.id);
}
