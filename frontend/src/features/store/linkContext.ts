import { createContext, useContext } from 'react';

import type { LinkLanding, StoreView } from './storeApi';

/** What the pages of an open link share: its landing, the grant and the visitor's choices. */
export interface LinkContextValue {
  token: string;
  landing: LinkLanding;
  grant: string;
  view: StoreView;
  /** The grant was refused: forget it and open the link again. */
  reopen: () => void;
}

export const LinkContext = createContext<LinkContextValue | null>(null);

export function useLinkContext(): LinkContextValue {
  const value = useContext(LinkContext);
  if (!value) throw new Error('useLinkContext outside an open order link');
  return value;
}
