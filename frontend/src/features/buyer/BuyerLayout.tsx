import { Badge, Container, Group, Stack, Title } from '@mantine/core';
import {
  IconAddressBook,
  IconBuildingStore,
  IconClipboardList,
  IconCreditCard,
  IconMail,
  IconReceipt,
  IconSettings,
  IconUsers,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Outlet, useMatchRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

import { ErrorState, LoadingState } from '../../components/QueryState';
import { resolveLocalized } from '../../lib/localized';
import { buyerOrganizationQuery } from '../../lib/queries';
import { usePageTitle } from '../../lib/usePageTitle';
import { buyerRoleLabel } from './labels';
import { ButtonLink } from '../../components/links';

const route = getRouteApi('/_authenticated/buyer/$orgId');

/** The selected buyer organization's area: its name, my role, and its sections. */
export function BuyerLayout() {
  const { t, i18n } = useTranslation();
  const { orgId } = route.useParams();
  const org = useQuery(buyerOrganizationQuery(orgId));
  const matchRoute = useMatchRoute();
  const name = org.data
    ? resolveLocalized(org.data.name, i18n.language, org.data.default_language)
    : '';
  usePageTitle(name || null);

  if (org.isPending) return <LoadingState />;
  if (org.isError) {
    return (
      <Container size="md">
        <ErrorState error={org.error} onRetry={() => void org.refetch()} />
      </Container>
    );
  }

  const sections = [
    { to: '/buyer/$orgId/brands', label: t('buyer.nav.brands'), icon: IconBuildingStore },
    { to: '/buyer/$orgId/drafts', label: t('cart.drafts.title'), icon: IconClipboardList },
    { to: '/buyer/$orgId/orders', label: t('orders.nav'), icon: IconReceipt },
    { to: '/buyer/$orgId/invitations', label: t('buyer.nav.invitations'), icon: IconMail },
    { to: '/buyer/$orgId/settings', label: t('buyer.nav.settings'), icon: IconSettings },
    { to: '/buyer/$orgId/members', label: t('buyer.nav.members'), icon: IconUsers },
    { to: '/buyer/$orgId/addresses', label: t('buyer.nav.addresses'), icon: IconAddressBook },
    {
      to: '/buyer/$orgId/payment-methods',
      label: t('payments.page.title'),
      icon: IconCreditCard,
    },
  ] as const;

  return (
    <Container size="lg">
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1}>{name}</Title>
          <Group gap="xs">
            <Badge variant="light">{buyerRoleLabel(t, org.data.my_role)}</Badge>
            {org.data.is_primary_owner ? (
              <Badge variant="outline">{t('buyer.roles.primaryOwner')}</Badge>
            ) : null}
          </Group>
        </Stack>
        <Group component="nav" aria-label={t('buyer.nav.label')} gap="xs">
          {sections.map(({ to, label, icon: Icon }) => (
            <ButtonLink
              key={to}
              to={to}
              params={{ orgId }}
              variant={matchRoute({ to, params: { orgId }, fuzzy: true }) ? 'light' : 'subtle'}
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
