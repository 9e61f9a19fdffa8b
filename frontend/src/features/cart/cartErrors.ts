import { i18n } from '../../lib/i18n';
import { ApiError, errorMessage } from '../../lib/problem';

// Keys built from the server's codes cannot be checked against the catalog's types.
const translate = i18n.t.bind(i18n) as unknown as (
  key: string,
  options?: Record<string, unknown>,
) => string;

/** A cart or checkout code ("cart.stock_short") in the UI language, else the server's text. */
export function cartCodeMessage(code: string, fallback: string, options: object = {}): string {
  const key = `cart.errors.${code}`;
  return i18n.exists(key) ? translate(key, { ...options }) : fallback;
}

/** One sentence for a failed cart call: by its code in the cart's words, else the usual. */
export function cartErrorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    return cartCodeMessage(error.code, errorMessage(error));
  }
  return errorMessage(error);
}

export function isCode(error: unknown, code: string): boolean {
  return error instanceof ApiError && error.code === code;
}
