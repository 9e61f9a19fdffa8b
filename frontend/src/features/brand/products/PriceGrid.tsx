import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { LocalizedText } from '../../../lib/localized';
import { MoneyInput } from '../shared/MoneyInput';
import { priceKey, type PriceTexts } from './productForm';

export interface GridTerm {
  id: string;
  code: string;
  name: LocalizedText;
}

/**
 * The price grid: one row per Transaction Term, one column per enabled currency; amounts are
 * typed in major units ("12.34" dollars, "1200" yen).
 */
export function PriceGrid({
  terms,
  currencies,
  values,
  errors = {},
  onChange,
  termName,
  disabled = false,
  caption,
}: {
  terms: readonly GridTerm[];
  currencies: readonly string[];
  values: PriceTexts;
  /** Messages per `${termId}:${currency}`. */
  errors?: Record<string, string | undefined>;
  onChange: (key: string, text: string) => void;
  termName: (term: GridTerm) => string;
  disabled?: boolean;
  caption: string;
}) {
  const { t } = useTranslation();
  if (terms.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('products.prices.noTerms')}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={160 + currencies.length * 170}>
      <Table verticalSpacing="xs" captionSide="top">
        <Table.Caption style={{ textAlign: 'start' }}>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('products.prices.term')}</Table.Th>
            {currencies.map((currency) => (
              <Table.Th key={currency} scope="col">
                {currency}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {terms.map((term) => (
            <Table.Tr key={term.id}>
              <Table.Th scope="row">
                <Text fw={600} size="sm">
                  {term.code}
                </Text>
                <Text size="xs" c="dimmed">
                  {termName(term)}
                </Text>
              </Table.Th>
              {currencies.map((currency) => {
                const key = priceKey(term.id, currency);
                return (
                  <Table.Td key={currency}>
                    <MoneyInput
                      currency={currency}
                      aria-label={t('products.prices.cell', { term: term.code, currency })}
                      value={values[key] ?? ''}
                      error={errors[key]}
                      disabled={disabled}
                      onChange={(event) => onChange(key, event.currentTarget.value)}
                    />
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
