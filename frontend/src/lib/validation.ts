import { i18n } from './i18n';

// Client-side checks only spare a round trip; the API validates everything again and its
// 422 answers are mapped onto the same fields.

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function requiredText(value: string): string | null {
  return value.trim() ? null : i18n.t('validation.required');
}

export function emailAddress(value: string): string | null {
  if (!value.trim()) return i18n.t('validation.required');
  return EMAIL.test(value.trim()) ? null : i18n.t('validation.email');
}

/** The API's rule: at least 8 characters with both letters and digits. */
export function newPassword(value: string): string | null {
  const strong = value.length >= 8 && /\p{L}/u.test(value) && /\d/.test(value);
  return strong ? null : i18n.t('validation.password');
}

export function samePassword(value: string, password: string): string | null {
  return value === password ? null : i18n.t('validation.passwordMismatch');
}
