/** Search-parameter parsers for the route tree (typed, tolerant of anything in the URL). */

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Only paths inside this app: never `//elsewhere` or `https://…` (no open redirect). */
export function safeRedirect(value: unknown): string | undefined {
  const path = text(value);
  return path && path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\')
    ? path
    : undefined;
}

export type LoginNotice = 'signed-up' | 'password-reset' | 'session-ended';

export interface LoginSearch {
  redirect?: string;
  email?: string;
  notice?: LoginNotice;
}

export function parseLoginSearch(search: Record<string, unknown>): LoginSearch {
  const notices: readonly LoginNotice[] = ['signed-up', 'password-reset', 'session-ended'];
  const notice = notices.find((item) => item === search.notice);
  return { redirect: safeRedirect(search.redirect), email: text(search.email), notice };
}

export interface SignupSearch {
  redirect?: string;
  email?: string;
}

export function parseSignupSearch(search: Record<string, unknown>): SignupSearch {
  return { redirect: safeRedirect(search.redirect), email: text(search.email) };
}

export function parseTokenSearch(search: Record<string, unknown>): { token: string } {
  return { token: text(search.token) ?? '' };
}

export function parseMailboxSearch(search: Record<string, unknown>): { to?: string } {
  return { to: text(search.to) };
}

export type AddressKind = 'delivery' | 'billing';

export function parseAddressSearch(search: Record<string, unknown>): { kind: AddressKind } {
  return { kind: search.kind === 'billing' ? 'billing' : 'delivery' };
}

export const SETTINGS_TABS = ['commerce', 'terms', 'taxes', 'shipping', 'categories'] as const;
export type SettingsTab = (typeof SETTINGS_TABS)[number];

export function parseSettingsSearch(search: Record<string, unknown>): { tab: SettingsTab } {
  return { tab: SETTINGS_TABS.find((tab) => tab === search.tab) ?? 'commerce' };
}

export type CustomerTab = 'connected' | 'offline';

export function parseCustomersSearch(search: Record<string, unknown>): { kind: CustomerTab } {
  return { kind: search.kind === 'offline' ? 'offline' : 'connected' };
}

export const LINK_TABS = ['instant', 'dynamic', 'customer'] as const;
export type LinkTab = (typeof LINK_TABS)[number];

/** The Links page's tab (one per kind of link), kept in the URL so a reload stays on it. */
export function parseLinksSearch(search: Record<string, unknown>): { tab: LinkTab } {
  return { tab: LINK_TABS.find((tab) => tab === search.tab) ?? 'instant' };
}

/** "Create a New Link" of a kind. */
export function parseNewLinkSearch(search: Record<string, unknown>): { kind: LinkTab } {
  return { kind: LINK_TABS.find((kind) => kind === search.kind) ?? 'instant' };
}
