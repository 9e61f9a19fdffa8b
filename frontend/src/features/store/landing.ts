import { unwrap } from '../../lib/problem';
import { forgetGrant, readGrant, saveGrant } from './grants';
import { linkApi, type LinkLanding } from './storeApi';

export interface OpenedLink {
  landing: LinkLanding;
  /** The grant to send while on the link; null until the passcode or login is given. */
  grant: string | null;
}

/**
 * Opens a link: its landing, asked with the grant kept for it. A fresh grant (no passcode or
 * login needed) is kept; a kept grant the link no longer honours is forgotten.
 */
export async function openLink(token: string, locale: string): Promise<OpenedLink> {
  const kept = readGrant(token);
  const landing = await unwrap(
    linkApi.GET('/api/v1/order-links/{token}', {
      params: {
        path: { token },
        query: { locale },
        header: kept ? { 'X-Link-Grant': kept.grant } : {},
      },
    }),
  );
  if (landing.grant) {
    saveGrant(token, landing.grant);
    return { landing, grant: landing.grant.grant };
  }
  if (landing.state === 'available' && kept) return { landing, grant: kept.grant };
  if (kept) forgetGrant(token);
  return { landing, grant: null };
}
