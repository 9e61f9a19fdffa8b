import { AppShell, Group } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Outlet } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

import { LanguageSwitcher } from '../components/LanguageSwitcher';
import { useMe } from '../lib/queries';
import { useIsAuthenticated } from '../lib/useSession';
import { ActingAsSwitcher } from './ActingAsSwitcher';
import { UserMenu } from './UserMenu';
import { AnchorLink, ButtonLink } from '../components/links';

/**
 * The application's frame (header with the account menu, the brand/buyer switcher) and the
 * confirm modals of the account, buyer and brand pages. A chunk of its own: order links have
 * their own light header and never download it (QUALITY.md, "SPA budgets").
 */
export function AppShellLayout() {
  const { t } = useTranslation();
  const authenticated = useIsAuthenticated();
  const me = useMe(authenticated);

  return (
    <ModalsProvider>
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
    </ModalsProvider>
  );
}
