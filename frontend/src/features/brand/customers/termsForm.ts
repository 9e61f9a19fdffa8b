import type { Schemas } from '../../../lib/api';
import { parsePercent } from '../../../lib/money';
import { i18n } from '../../../lib/i18n';
import { requiredText } from '../../../lib/validation';

export type BillingTerm = Schemas['BillingTerm'];

export interface TermsValues {
  language: string;
  currency: string;
  transaction_term_id: string;
  /** Rate % (rate terms) or discount % (discount terms), as typed. */
  condition: string;
  billing_term: BillingTerm;
  deposit_percent: string;
  apply_tax_to_price: boolean;
}

export function termsToForm(
  terms: Schemas['TermsRead'] | null | undefined,
  defaults: { language: string; currency: string; termId: string },
): TermsValues {
  return {
    language: terms?.language ?? defaults.language,
    currency: terms?.currency ?? defaults.currency,
    transaction_term_id: terms?.transaction_term_id ?? defaults.termId,
    condition: terms?.condition ?? '',
    billing_term: terms?.billing_term ?? 'without_deposit',
    deposit_percent: terms?.deposit_percent ?? '',
    apply_tax_to_price: terms?.apply_tax_to_price ?? false,
  };
}

/** Adds the errors of a terms block to `errors`, its fields below `prefix` (e.g. "terms"). */
export function validateTerms(
  errors: Record<string, string>,
  terms: TermsValues,
  prefix: string,
): void {
  for (const field of ['language', 'currency', 'transaction_term_id'] as const) {
    const error = requiredText(terms[field]);
    if (error) errors[`${prefix}.${field}`] = error;
  }
  if (parsePercent(terms.condition) === null) {
    errors[`${prefix}.condition`] = i18n.t('validation.percent');
  }
  if (terms.billing_term === 'with_deposit' && parsePercent(terms.deposit_percent) === null) {
    errors[`${prefix}.deposit_percent`] = i18n.t('validation.percent');
  }
}

export function termsRequest(terms: TermsValues): Schemas['Terms'] {
  const withDeposit = terms.billing_term === 'with_deposit';
  return {
    language: terms.language,
    currency: terms.currency,
    transaction_term_id: terms.transaction_term_id,
    condition: parsePercent(terms.condition) ?? terms.condition,
    billing_term: terms.billing_term,
    deposit_percent: withDeposit
      ? (parsePercent(terms.deposit_percent) ?? terms.deposit_percent)
      : null,
    apply_tax_to_price: terms.apply_tax_to_price,
  };
}
