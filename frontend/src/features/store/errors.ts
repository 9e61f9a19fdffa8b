import { i18n } from '../../lib/i18n';
import { ApiError, errorMessage } from '../../lib/problem';

/** The shopping API's codes this area words itself (under `store.errors`). */
const CODES = {
  'link.passcode_wrong': 'passcodeWrong',
  'link.passcode_required': 'passcodeRequired',
  'link.too_many_attempts': 'tooManyAttempts',
  'link.login_failed': 'loginFailed',
  'link.login_required': 'loginRequired',
  'link.organization_required': 'organizationRequired',
  'link.grant_invalid': 'grantInvalid',
  'link.not_yet_released': 'notYetReleased',
  'link.expired': 'expired',
  'link.unavailable': 'unavailable',
  'link.not_found': 'linkNotFound',
  'shopping.not_connected': 'notConnected',
  'shopping.context_required': 'contextRequired',
  'catalog.not_found': 'catalogNotFound',
} as const;

type StoreErrorKey = (typeof CODES)[keyof typeof CODES];

function storeErrorKey(code: string): StoreErrorKey | undefined {
  return (CODES as Record<string, StoreErrorKey | undefined>)[code];
}

/** Minutes to wait after a 429, rounded up, at least 1. */
export function waitMinutes(retryAfter: number | null): number {
  return retryAfter ? Math.max(1, Math.ceil(retryAfter / 60)) : 1;
}

/** One sentence for a failed shopping call, in the store's words when it knows the code. */
export function storeErrorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    const key = storeErrorKey(error.code);
    if (key) return i18n.t(`store.errors.${key}`, { minutes: waitMinutes(error.retryAfter) });
  }
  return errorMessage(error);
}

/** The link grant was refused: the visitor must open the link again (passcode or login). */
export function isGrantRefused(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}
