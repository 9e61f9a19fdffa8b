import { AppShell, Group } from '@mantine/core';
import { Outlet, useRouterState } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

import { LanguageSwitcher } from '../components/LanguageSwitcher';
import { followAccountLanguage } from '../lib/i18n';
import { useMe } from '../lib/queries';
import { useIsAuthenticated } from '../lib/useSession';
import { ActingAsSwitcher } from './ActingAsSwitcher';
import { UserMenu } from './UserMenu';
import { AnchorLink, ButtonLink } from '../components/links';

export function AppLayout() {
  const { t } = useTranslation();
  const authenticated = useIsAuthenticated();
  const me = useMe(authenticated);
  const accountLanguage = me.data?.language;
  // Order links bring their own light header (the brand, the link's languages and currencies).
  const bare = useRouterState({ select: (state) => state.location.pathname.startsWith('/l/') });

  useEffect(() => {
    if (accountLanguage) void followAccountLanguage(accountLanguage);
  }, [accountLanguage]);

  if (bare) return <Outlet />;

  return (
    <AppShell header={{ height: 60 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="md" wrap="nowrap">
            <AnchorLink to="/" fw={700} fz="lg" underline="never" c="inherit">
              Showroom
            </AnchorLink>
            {authenticated ? <ActingAsSwitcher /> : null}
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitcher />
            {authenticated ? (
              <UserMenu name={me.data?.display_name} />
            ) : (
              <>
                <ButtonLink to="/login" variant="subtle">
                  {t('auth.login.submit')}
                </ButtonLink>
                <ButtonLink to="/signup" variant="light">
                  {t('auth.signup.title')}
                </ButtonLink>
              </>
            )}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
