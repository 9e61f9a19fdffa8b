import { i18n } from '../../../lib/i18n';
import { parseMoney } from '../../../lib/money';

/** The minor units of a typed amount, or the message a money input shows. */
export function readAmount(
  text: string,
  currency: string,
  required: boolean,
): { minor: number | null; error: string | null } {
  const parsed = parseMoney(text, currency);
  if (!parsed.ok) {
    const error =
      parsed.error === 'tooManyDecimals'
        ? parsed.digits === 0
          ? i18n.t('money.noDecimals', { currency })
          : i18n.t('money.tooManyDecimals', { currency, digits: parsed.digits })
        : parsed.error === 'tooLarge'
          ? i18n.t('money.tooLarge')
          : i18n.t('money.invalid');
    return { minor: null, error };
  }
  if (parsed.minor === null && required) {
    return { minor: null, error: i18n.t('validation.required') };
  }
  return { minor: parsed.minor, error: null };
}
