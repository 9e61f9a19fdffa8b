import '@mantine/core/styles.css';

import { MantineProvider } from '@mantine/core';
import { useNotifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { lazy, Suspense, useState } from 'react';
import { I18nextProvider } from 'react-i18next';

import { session } from '../lib/api';
import { i18n } from '../lib/i18n';
import { createQueryClient } from '../lib/queryClient';
import { createAppRouter } from './router';
import { theme } from './theme';

function createApp() {
  const queryClient = createQueryClient();
  const router = createAppRouter({ queryClient, session });
  // A request needed a session and the refresh cookie could not give one: log in again and
  // come back here afterwards.
  session.onExpired(() => {
    const { pathname, href } = router.state.location;
    if (pathname === '/login') return;
    queryClient.clear();
    void router.navigate({ to: '/login', search: { redirect: href, notice: 'session-ended' } });
  });
  return { queryClient, router };
}

// The notification toasts (and their transitions) load with the first notification, not with
// the first page: `notifications.show` only writes to a store, which this component watches.
const Notifications = lazy(() =>
  import('./Toasts').then((module) => ({ default: module.Notifications })),
);

function LazyNotifications() {
  const shown = useNotifications().notifications.length > 0;
  const [needed, setNeeded] = useState(false);
  if (shown && !needed) setNeeded(true);
  if (!needed) return null;
  return (
    <Suspense fallback={null}>
      <Notifications position="top-right" />
    </Suspense>
  );
}

export function App() {
  const [{ queryClient, router }] = useState(createApp);
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme}>
        <QueryClientProvider client={queryClient}>
          <LazyNotifications />
          <RouterProvider router={router} />
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}
