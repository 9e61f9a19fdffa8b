import { Outlet, useRouterState } from '@tanstack/react-router';
import { lazy, Suspense, useEffect } from 'react';

import { LoadingState } from '../components/QueryState';
import { followAccountLanguage } from '../lib/i18n';
import { useMe } from '../lib/queries';
import { useIsAuthenticated } from '../lib/useSession';

// Loaded only off order links: a buyer opening a link never downloads the app's frame.
const AppShellLayout = lazy(() =>
  import('./AppShellLayout').then((module) => ({ default: module.AppShellLayout })),
);

export function AppLayout() {
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
    <Suspense fallback={<LoadingState />}>
      <AppShellLayout />
    </Suspense>
  );
}
