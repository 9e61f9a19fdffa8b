// What an order link's first page asks the API for, worked out without the app: the entry
// (main.tsx) sends these requests while the app's code downloads, and the page's own queries
// (landing.ts, storeApi.ts) then claim their answers. Kept free of i18next, React and the API
// client so that the entry stays small.
import { sendEarly } from '../../lib/earlyRequests';
import { warmUpIntl } from '../../lib/intl';
import { pickAllowed, readGrant, readPreferences, type LinkPreferences } from './grants';
import type { LinkLanding, StoreProduct } from './storeApi';

/** Products per page of a catalog. */
export const PRODUCTS_PAGE = 24;

/** What a phone shows of a catalog's grid before scrolling: cards rendered, images loaded first. */
export const FIRST_CARDS = 4;

export interface LinkPath {
  token: string;
  catalogId?: string;
}

/** `/l/:token` and `/l/:token/catalogs/:catalogId`, the pages that show a link's data first. */
export function parseLinkPath(pathname: string): LinkPath | null {
  const match = /^\/l\/([^/]+)(?:\/catalogs\/([^/]+))?\/?$/.exec(pathname);
  if (!match?.[1]) return null;
  const token = decodeURIComponent(match[1]);
  return match[2] ? { token, catalogId: decodeURIComponent(match[2]) } : { token };
}

/**
 * The content language and currency a link's pages ask in: the visitor's choices where the
 * link allows them, else the UI language, else the link's defaults.
 */
export function linkView(
  landing: Pick<LinkLanding, 'languages' | 'currencies'>,
  preferences: LinkPreferences,
  uiLanguage: string,
): { locale: string; currency: string | undefined } {
  return {
    locale:
      pickAllowed(landing.languages, preferences.locale, uiLanguage) ??
      preferences.locale ??
      uiLanguage,
    currency: pickAllowed(landing.currencies, preferences.currency),
  };
}

type EarlyLanding = Pick<LinkLanding, 'state' | 'kind' | 'catalogs' | 'languages' | 'currencies'> &
  Partial<Pick<LinkLanding, 'grant'>>;

function isLanding(value: unknown): value is EarlyLanding {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.state === 'string' &&
    Array.isArray(record.catalogs) &&
    Array.isArray(record.languages) &&
    Array.isArray(record.currencies)
  );
}

/**
 * On an order link's page, sends what it shows first: the landing (with the grant kept for the
 * link), then — once the landing gives a grant — the catalog and its first products, with the
 * same parameters as the page's queries (see openLink, storeCatalogQuery, storeProductsQuery).
 */
export function requestLinkPageEarly(path: LinkPath, uiLanguage: string): void {
  const { token } = path;
  const preferences = readPreferences(token);
  const kept = readGrant(token);
  const landingRequest = {
    method: 'GET',
    path: `/api/v1/order-links/${encodeURIComponent(token)}`,
    query: { locale: preferences.locale ?? uiLanguage },
    linkGrant: kept?.grant,
  } as const;
  sendEarly(landingRequest, (landing) => {
    let currency: string | undefined;
    if (isLanding(landing) && landing.state === 'available') {
      const view = linkView(landing, preferences, uiLanguage);
      currency = view.currency;
      const grant = landing.grant?.grant ?? kept?.grant;
      const only = landing.kind === 'instant' ? landing.catalogs[0]?.id : undefined;
      const catalogId = path.catalogId ?? only;
      if (grant && catalogId) requestCatalogEarly(catalogId, grant, view);
    }
    // What the link's pages format with, built while the rest downloads (after the requests
    // above: building it takes the main thread for a while).
    warmUpIntl(uiLanguage, currency);
  });
}

function requestCatalogEarly(
  catalogId: string,
  grant: string,
  { locale, currency }: { locale: string; currency: string | undefined },
): void {
  const catalogPath = `/api/v1/catalogs/${encodeURIComponent(catalogId)}`;
  sendEarly({ method: 'GET', path: catalogPath, query: { currency, locale }, linkGrant: grant });
  sendEarly(
    {
      method: 'GET',
      path: `${catalogPath}/products`,
      query: { currency, locale, limit: String(PRODUCTS_PAGE) },
      linkGrant: grant,
    },
    preloadFirstImages,
  );
}

/**
 * The images of the first cards, asked for as soon as the products are known: the page shows
 * them at once (see CatalogView), and the browser would otherwise see them only once the
 * app's code has arrived and rendered the cards.
 */
function preloadFirstImages(page: unknown): void {
  const items = (page as { items?: unknown } | null)?.items;
  if (!Array.isArray(items)) return;
  for (const product of items.slice(0, FIRST_CARDS) as Partial<StoreProduct>[]) {
    const url = product.images?.[0]?.thumbnail_url;
    if (typeof url !== 'string') continue;
    const link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'image';
    link.href = url;
    document.head.append(link);
  }
}
