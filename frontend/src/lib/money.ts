/**
 * Money in the UI. The API carries every amount as an integer in the currency's minor unit
 * (JPY 1200 = ¥1,200; USD 1234 = $12.34). People type and read major units. The conversion is
 * done on decimal strings, never with floating-point arithmetic.
 */
import { cached } from './memo';

/** The largest amount the API accepts (minor units). */
export const MAX_AMOUNT = 10 ** 13;

const digitsCache = new Map<string, number>();
const formats = new Map<string, Intl.NumberFormat>();

/** One formatter per locale and options: a catalog page formats hundreds of prices, and
 * building an `Intl.NumberFormat` costs far more than using one. */
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  return cached(formats, key, () => new Intl.NumberFormat(locale, options));
}

/** How many decimals a currency has (JPY 0, USD 2), as `Intl.NumberFormat` knows it. */
export function fractionDigits(currency: string, locale = 'en'): number {
  return cached(
    digitsCache,
    `${locale}|${currency}`,
    () =>
      new Intl.NumberFormat(locale, { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2,
  );
}

/** Minor units as a plain decimal string in major units: (1234, USD) → "12.34", (-5, USD) → "-0.05". */
export function minorToDecimal(minor: number, currency: string): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`Not a whole amount: ${minor}`);
  const digits = fractionDigits(currency);
  const sign = minor < 0 ? '-' : '';
  const text = String(Math.abs(minor));
  if (digits === 0) return sign + text;
  const padded = text.padStart(digits + 1, '0');
  return `${sign}${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}

/** The value an amount input shows for minor units: "12.34", "1200" (no grouping). */
export function minorToInput(minor: number | null | undefined, currency: string): string {
  return minor === null || minor === undefined ? '' : minorToDecimal(minor, currency);
}

export type MoneyParseError = 'invalid' | 'tooManyDecimals' | 'tooLarge';

export type MoneyParseResult =
  { ok: true; minor: number | null } | { ok: false; error: MoneyParseError; digits: number };

/**
 * Reads an amount typed in major units into minor units. Accepts grouping commas, spaces and
 * full-width digits ("１，２００"); an empty input is `null` (no amount). Refuses negative
 * amounts, letters and more decimals than the currency has ("12.5" yen).
 */
export function parseMoney(input: string, currency: string): MoneyParseResult {
  const digits = fractionDigits(currency);
  const text = input.normalize('NFKC').replace(/[\s,]/g, '');
  if (text === '') return { ok: true, minor: null };
  const match = /^(\d*)(?:\.(\d*))?$/.exec(text);
  const whole = match?.[1] ?? '';
  const decimals = (match?.[2] ?? '').replace(/0+$/, '');
  if (!match || (whole === '' && (match[2] ?? '') === '')) {
    return { ok: false, error: 'invalid', digits };
  }
  if (decimals.length > digits) return { ok: false, error: 'tooManyDecimals', digits };
  const minorText = `${whole}${decimals.padEnd(digits, '0')}`.replace(/^0+(?=\d)/, '');
  const minor = Number(minorText || '0');
  if (!Number.isSafeInteger(minor) || minor > MAX_AMOUNT) {
    return { ok: false, error: 'tooLarge', digits };
  }
  return { ok: true, minor };
}

/** An amount in minor units for people: formatMoney(1234, 'USD', 'en') → "$12.34". */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const decimal = minorToDecimal(minor, currency) as `${number}`;
  return numberFormat(locale, { style: 'currency', currency }).format(decimal);
}

/** The symbol or code a locale writes for a currency ("¥", "$", "US$"). */
export function currencySymbol(currency: string, locale: string): string {
  const part = numberFormat(locale, { style: 'currency', currency })
    .formatToParts(0)
    .find((each) => each.type === 'currency');
  return part?.value ?? currency;
}

/** A percentage the API sends as a decimal string ("55", "62.5") for people: "62.5%". */
export function formatPercent(value: string | number, locale: string): string {
  const decimal = String(value) as `${number}`;
  return `${numberFormat(locale, { maximumFractionDigits: 4 }).format(decimal)}%`;
}

/** A percentage typed by a person ("10", "８.５") as the decimal string the API takes, or null. */
export function parsePercent(input: string): string | null {
  const text = input.normalize('NFKC').replace(/[\s%]/g, '');
  if (!/^\d{1,3}(\.\d{1,4})?$/.test(text)) return null;
  const [whole = '0', decimals = ''] = text.split('.');
  if (Number(whole) > 100 || (Number(whole) === 100 && /[1-9]/.test(decimals))) return null;
  return text;
}
