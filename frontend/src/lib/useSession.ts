import { useSyncExternalStore } from 'react';

import { session } from './api';

/** Whether this tab holds an access token (re-renders on log-in, log-out and expiry). */
export function useIsAuthenticated(): boolean {
  return useSyncExternalStore(session.subscribe, () => session.isAuthenticated);
}
