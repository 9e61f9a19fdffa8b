import type { Schemas } from '../../lib/api';

export type LinkGrant = Schemas['LinkGrant'];

const PREFIX = 'showroom.link.';

/** The storage of this tab (grants last for the visit, never beyond the tab). */
function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

function grantKey(token: string): string {
  return `${PREFIX}${token}.grant`;
}

function isGrant(value: unknown): value is LinkGrant {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.grant === 'string' && typeof record.expires_at === 'string';
}

/** The link access grant kept for a link token, unless it has expired (then it is forgotten). */
export function readGrant(token: string, now: Date = new Date()): LinkGrant | null {
  const store = storage();
  const raw = store?.getItem(grantKey(token));
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (isGrant(value) && new Date(value.expires_at).getTime() > now.getTime()) return value;
  } catch {
    // A damaged entry is as good as none.
  }
  store?.removeItem(grantKey(token));
  return null;
}

export function saveGrant(token: string, grant: LinkGrant): void {
  try {
    storage()?.setItem(grantKey(token), JSON.stringify(grant));
  } catch {
    // Storage full or off: the grant lasts for this page only.
  }
}

export function forgetGrant(token: string): void {
  storage()?.removeItem(grantKey(token));
}

export interface LinkPreferences {
  /** The content language the visitor chose among the link's languages. */
  locale?: string;
  /** The currency the visitor chose among the link's currencies. */
  currency?: string;
}

function prefsKey(token: string): string {
  return `${PREFIX}${token}.prefs`;
}

export function readPreferences(token: string): LinkPreferences {
  try {
    const value: unknown = JSON.parse(storage()?.getItem(prefsKey(token)) ?? '{}');
    if (typeof value !== 'object' || value === null) return {};
    const record = value as Record<string, unknown>;
    return {
      locale: typeof record.locale === 'string' ? record.locale : undefined,
      currency: typeof record.currency === 'string' ? record.currency : undefined,
    };
  } catch {
    return {};
  }
}

export function savePreferences(token: string, preferences: LinkPreferences): void {
  try {
    storage()?.setItem(prefsKey(token), JSON.stringify(preferences));
  } catch {
    // As above: the choice lasts for this page only.
  }
}

/** The first wanted value the link allows, else the link's default (its first), else undefined. */
export function pickAllowed(
  allowed: readonly string[],
  ...wanted: (string | undefined)[]
): string | undefined {
  for (const value of wanted) {
    if (value && allowed.includes(value)) return value;
  }
  return allowed[0];
}
