import { TextInput, type TextInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { currencySymbol, fractionDigits } from '../../../lib/money';

/**
 * An amount typed in the currency's major units ("12.34", "1200"); the form keeps the text and
 * converts it with `parseMoney` when it submits.
 */
export function MoneyInput({
  currency,
  ...props
}: Omit<TextInputProps, 'type' | 'inputMode'> & { currency: string }) {
  const { i18n } = useTranslation();
  const digits = fractionDigits(currency);
  return (
    <TextInput
      inputMode={digits > 0 ? 'decimal' : 'numeric'}
      autoComplete="off"
      leftSection={<span aria-hidden>{currencySymbol(currency, i18n.language)}</span>}
      leftSectionWidth={44}
      placeholder={digits > 0 ? `0.${'0'.repeat(digits)}` : '0'}
      {...props}
    />
  );
}
