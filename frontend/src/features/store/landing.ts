import { queryOptions, type QueryClient } from '@tanstack/react-query';

import { i18n } from '../../lib/i18n';
import { unwrap } from '../../lib/problem';
import { forgetGrant, readGrant, readPreferences, saveGrant } from './grants';
import { linkView, parseLinkPath } from './linkRequests';
import {
  linkApi,
  storeCatalogQuery,
  storeKeys,
  storeProductsQuery,
  type LinkLanding,
} from './storeApi';

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

/** A link's landing in a language, as the link page asks for it. */
export function landingQuery(token: string, locale: string) {
  return queryOptions({
    queryKey: [...storeKeys.landing(token), locale],
    queryFn: () => openLink(token, locale),
    staleTime: 60_000,
  });
}

/** The language the link page first asks its landing in: the visitor's choice, else the UI's. */
export function askedLocale(token: string): string {
  return readPreferences(token).locale ?? i18n.language;
}

/**
 * On an order link's page, asks for what it shows right away: the landing needs no user
 * session (a link grant, if any), so it goes out while the session is restored instead of
 * after it; on a catalog page the catalog and its first products follow as soon as the
 * landing gives the grant, in parallel, instead of one after the other as the page renders.
 * The queries are the page's own (same keys), so the page finds them answered or under way.
 */
export function prefetchLinkPage(queryClient: QueryClient, pathname: string): void {
  const path = parseLinkPath(pathname);
  if (!path) return;
  const { token } = path;
  const asked = askedLocale(token);
  queryClient
    .query(landingQuery(token, asked))
    .then(({ landing, grant }) => {
      const only = landing.kind === 'instant' ? landing.catalogs[0]?.id : undefined;
      const catalogId = path.catalogId ?? only;
      if (!catalogId || !grant || landing.state !== 'available') return;
      // The view and access LinkPage gives its pages (see there).
      const view = linkView(landing, readPreferences(token), i18n.language);
      const access = { kind: 'link', token, grant } as const;
      const ignore = () => undefined; // the page's own query shows any error
      queryClient.query(storeCatalogQuery(access, catalogId, view)).catch(ignore);
      queryClient
        .infiniteQuery(storeProductsQuery(access, catalogId, view, { q: '', categoryId: null }))
        .catch(ignore);
    })
    .catch(() => undefined); // the page asks again and shows the error
}
