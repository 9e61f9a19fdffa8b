import { Box } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { Schemas } from '../lib/api';
import { formatPercent } from '../lib/money';

/**
 * The terms a brand offers a buyer, in the manual's words: Transaction Term, Transaction
 * Condition (a rate for WSP/RRP, a discount otherwise), currency, Billing Term.
 */
export function TermsSummary({
  terms,
  caption,
}: {
  terms: Schemas['TermsSummary'];
  caption?: string;
}) {
  const { t, i18n } = useTranslation();
  const percent = (value: string) => formatPercent(value, i18n.language);
  const condition =
    terms.transaction_term_kind === 'discount'
      ? t('terms.discountOff', { percent: percent(terms.condition) })
      : t('terms.rateOf', { percent: percent(terms.condition), term: terms.transaction_term });
  const billing =
    terms.billing_term === 'with_deposit'
      ? `${t('terms.withDeposit')} (${t('terms.depositCondition')}: ${percent(terms.deposit_percent ?? '0')})`
      : t('terms.withoutDeposit');
  const rows: [string, string][] = [
    [t('terms.transactionTerm'), terms.transaction_term],
    [t('terms.transactionCondition'), condition],
    [t('terms.currency'), terms.currency],
    [t('terms.billingTerm'), billing],
  ];
  // A plain table: Mantine's Table brings its scroll container (ScrollArea, floating-ui) into
  // every order link's first download (QUALITY.md, "SPA budgets").
  const cell = { padding: '4px var(--mantine-spacing-xs)', textAlign: 'start' } as const;
  return (
    <Box component="table" fz="sm" maw={560} w="100%" style={{ borderCollapse: 'collapse' }}>
      {caption ? (
        <caption style={{ ...cell, captionSide: 'top', color: 'var(--mantine-color-dimmed)' }}>
          {caption}
        </caption>
      ) : null}
      <tbody>
        {rows.map(([label, value]) => (
          <tr key={label}>
            <th scope="row" style={{ ...cell, width: '45%', fontWeight: 500 }}>
              {label}
            </th>
            <td style={cell}>{value}</td>
          </tr>
        ))}
      </tbody>
    </Box>
  );
}
