import { Badge, Container, Group, Stack, Title } from '@mantine/core';
import {
  IconAddressBook,
  IconApi,
  IconBook2,
  IconHanger,
  IconHistory,
  IconId,
  IconLink,
  IconPhoto,
  IconReceipt,
  IconSettings,
  IconUsers,
  IconWebhook,
} from '@tabler/icons-react';
import { getRouteApi, Outlet, useMatchRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

import { ErrorState, LoadingState } from '../../components/QueryState';
import { resolveLocalized } from '../../lib/localized';
import { usePageTitle } from '../../lib/usePageTitle';
import { canManageBrand } from './brandForm';
import { brandRoleLabel, brandStatusLabel } from './labels';
import { useCurrentBrand } from './useBrand';
import { ButtonLink } from '../../components/links';

const route = getRouteApi('/_authenticated/brand/$brandId');

/** The brand admin: its name, status, my role and its sections. */
export function BrandLayout() {
  const { t, i18n } = useTranslation();
  const { brandId } = route.useParams();
  const brand = useCurrentBrand();
  const matchRoute = useMatchRoute();
  const name = brand.data
    ? resolveLocalized(brand.data.name, i18n.language, brand.data.default_language)
    : '';
  usePageTitle(name || null);

  if (brand.isPending) return <LoadingState />;
  if (brand.isError) {
    return (
      <Container size="md">
        <ErrorState error={brand.error} onRetry={() => void brand.refetch()} />
      </Container>
    );
  }

  const sections = [
    { to: '/brand/$brandId/profile', label: t('brand.nav.profile'), icon: IconId },
    { to: '/brand/$brandId/members', label: t('brand.nav.members'), icon: IconUsers },
    { to: '/brand/$brandId/settings', label: t('brand.nav.settings'), icon: IconSettings },
    { to: '/brand/$brandId/products', label: t('brand.nav.products'), icon: IconHanger },
    { to: '/brand/$brandId/catalogs', label: t('brand.nav.catalogs'), icon: IconBook2 },
    { to: '/brand/$brandId/lookbooks', label: t('brand.nav.lookbooks'), icon: IconPhoto },
    { to: '/brand/$brandId/customers', label: t('brand.nav.customers'), icon: IconAddressBook },
    { to: '/brand/$brandId/links', label: t('links.nav'), icon: IconLink },
    { to: '/brand/$brandId/orders', label: t('orders.nav'), icon: IconReceipt },
    // Machines get the brand's data through these: owners and admins only.
    ...(canManageBrand(brand.data.my_role)
      ? ([
          { to: '/brand/$brandId/api-keys', label: t('integrations.keys.nav'), icon: IconApi },
          {
            to: '/brand/$brandId/webhooks',
            label: t('integrations.webhooks.nav'),
            icon: IconWebhook,
          },
        ] as const)
      : []),
    // The audit log is the owners' (DOMAIN.md §1: who changed what in the brand).
    ...(brand.data.my_role === 'owner'
      ? ([{ to: '/brand/$brandId/audit', label: t('audit.nav'), icon: IconHistory }] as const)
      : []),
  ] as const;

  return (
    <Container size="lg">
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1}>{name}</Title>
          <Group gap="xs">
            <Badge variant="light">{brandRoleLabel(t, brand.data.my_role)}</Badge>
            <Badge variant="outline" color={brand.data.status === 'active' ? 'green' : 'gray'}>
              {brandStatusLabel(t, brand.data.status)}
            </Badge>
          </Group>
        </Stack>
        <Group component="nav" aria-label={t('brand.nav.label')} gap="xs">
          {sections.map(({ to, label, icon: Icon }) => (
            <ButtonLink
              key={to}
              to={to}
              params={{ brandId }}
              variant={matchRoute({ to, params: { brandId }, fuzzy: true }) ? 'light' : 'subtle'}
              leftSection={<Icon size={16} aria-hidden />}
            >
              {label}
            </ButtonLink>
          ))}
        </Group>
        <Outlet />
      </Stack>
    </Container>
  );
}
