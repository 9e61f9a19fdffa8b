import { DATE, DATE_TIME, dateTimeFormat } from './intl';

/** An instant (RFC 3339) for people, in the UI language and this browser's time zone. */
export function formatDateTime(instant: string, locale: string): string {
  return dateTimeFormat(locale, DATE_TIME).format(new Date(instant));
}

/** A date (no time) for people. */
export function formatDate(instant: string, locale: string): string {
  return dateTimeFormat(locale, DATE).format(new Date(instant));
}
