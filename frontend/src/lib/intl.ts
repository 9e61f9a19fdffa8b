// Intl objects, built once per locale and options: building one costs far more than using it,
// and the first one built for a language costs most (tens of milliseconds on a phone: the
// browser loads that language's data). The entry builds those of the first page ahead, while
// the app's code is still downloading (see warmUpIntl).
import { cached } from './memo';
import { formatMoney } from './money';

const languageNamesCache = new Map<string, Intl.DisplayNames>();
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** Language names in `locale` ("Japanese", "日语"). */
export function languageNames(locale: string): Intl.DisplayNames {
  return cached(
    languageNamesCache,
    locale,
    () => new Intl.DisplayNames([locale], { type: 'language' }),
  );
}

export const DATE_TIME: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
export const DATE: Intl.DateTimeFormatOptions = { dateStyle: 'medium' };

/** A date format in `locale`; pass one of the option objects above (they key the cache). */
export function dateTimeFormat(
  locale: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  return cached(dateTimeFormats, key, () => new Intl.DateTimeFormat(locale, options));
}

/**
 * Builds what an order link's first page formats with (the language switcher's names, the
 * order deadline, the prices), in a task of its own once the browser is idle enough to take it.
 */
export function warmUpIntl(locale: string, currency?: string): void {
  setTimeout(() => {
    languageNames(locale);
    dateTimeFormat(locale, DATE_TIME);
    if (currency) formatMoney(0, currency, locale);
  }, 0);
}
