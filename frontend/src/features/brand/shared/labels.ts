import type { TFunction } from 'i18next';

import type { Schemas } from '../../../lib/api';

export type TermKind = Schemas['TermKind'];
export type Rounding = Schemas['Rounding'];
export type RateCondition = Schemas['RateCondition'];
export type CatalogStatus = Schemas['CatalogStatus'];
export type LookbookStatus = Schemas['LookbookStatus'];
export type CommentMode = Schemas['CommentMode'];
export type CustomerKind = Schemas['CustomerKind'];
export type InvitationState = Schemas['CustomerInvitationRead']['state'];

export const TERM_KINDS: readonly TermKind[] = ['rate', 'discount'];
export const ROUNDINGS: readonly Rounding[] = ['half_up', 'down', 'up'];
export const RATE_CONDITIONS: readonly RateCondition[] = [
  'always',
  'subtotal_at_least',
  'subtotal_below',
  'quantity_between',
];
export const CATALOG_STATUSES: readonly CatalogStatus[] = ['open', 'limited', 'closed'];
export const COMMENT_MODES: readonly CommentMode[] = ['free_text', 'presets', 'off'];

export function termKindLabel(t: TFunction, kind: string): string {
  return kind === 'rate' ? t('settings.terms.kind.rate') : t('settings.terms.kind.discount');
}

export function roundingLabel(t: TFunction, rounding: Rounding): string {
  return t(`settings.taxes.rounding.${rounding}`);
}

export function rateConditionLabel(t: TFunction, condition: RateCondition): string {
  return t(`settings.shipping.condition.${condition}`);
}

export function catalogStatusLabel(t: TFunction, status: CatalogStatus): string {
  return t(`catalogs.status.${status}`);
}

export function catalogStatusColor(status: CatalogStatus): string {
  return status === 'open' ? 'green' : status === 'limited' ? 'orange' : 'gray';
}

export function lookbookStatusLabel(t: TFunction, status: LookbookStatus): string {
  return t(`lookbooks.status.${status}`);
}

export function invitationStateLabel(t: TFunction, state: InvitationState): string {
  return t(`customers.invitations.state.${state}`);
}
