import { useSyncExternalStore } from 'react';

import { useIsAuthenticated } from '../../lib/useSession';
import type { LinkContextValue } from '../store/linkContext';
import type { CartAccess } from './cartApi';

/** The buyer organization chosen "to use checkout" on a link, kept for this tab. */
function key(token: string): string {
  return `showroom.link.${token}.org`;
}

const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function readLinkOrg(token: string): string | null {
  try {
    return window.sessionStorage.getItem(key(token));
  } catch {
    return null;
  }
}

export function saveLinkOrg(token: string, orgId: string | null): void {
  try {
    if (orgId) window.sessionStorage.setItem(key(token), orgId);
    else window.sessionStorage.removeItem(key(token));
  } catch {
    // Storage off: the choice lasts until the next read.
  }
  listeners.forEach((listener) => listener());
}

/** The cart access of an open link: the guest cart, or the chosen organization's once logged in. */
export function useLinkCartAccess(link: LinkContextValue): CartAccess {
  const authenticated = useIsAuthenticated();
  const orgId = useSyncExternalStore(subscribe, () => readLinkOrg(link.token));
  return {
    kind: 'link',
    token: link.token,
    grant: link.grant,
    orgId: authenticated ? orgId : null,
    authenticated,
    currency: link.view.currency,
  };
}
