import { Table } from '@mantine/core';
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
  return (
    <Table verticalSpacing={4} fz="sm" captionSide="top" withRowBorders={false} maw={560}>
      {caption ? <Table.Caption style={{ textAlign: 'start' }}>{caption}</Table.Caption> : null}
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th scope="row" w="45%" fw={500}>
              {label}
            </Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
