import type { TFunction } from 'i18next';

import type { Schemas } from '../../../lib/api';
import { i18n } from '../../../lib/i18n';
import { formatPercent } from '../../../lib/money';
import { emailAddress, requiredText } from '../../../lib/validation';
import type { Customer, TransactionTerm } from '../data';
import { bodyFields } from '../shared/fields';
import { termsRequest, termsToForm, validateTerms, type TermsValues } from './termsForm';

export interface CustomerValues {
  code: string;
  buyer_type: Schemas['BuyerKind'];
  company_name: string;
  contact_name: string;
  country: string;
  email: string;
  phone: string;
  notes: string;
  terms: TermsValues;
  /** Whether the customer has a Customer Order Link login (only offline customers). */
  link_login_enabled: boolean;
  link_login: { email: string; password: string };
}

export const customerFields = bodyFields(
  ['code', 'buyer_type', 'company_name', 'contact_name', 'country', 'email', 'phone', 'notes'],
  ['terms', 'link_login'],
);

export interface TermsDefaults {
  language: string;
  currency: string;
  termId: string;
}

export function emptyCustomer(country: string, defaults: TermsDefaults): CustomerValues {
  return {
    code: '',
    buyer_type: 'organization',
    company_name: '',
    contact_name: '',
    country,
    email: '',
    phone: '',
    notes: '',
    terms: termsToForm(null, defaults),
    link_login_enabled: false,
    link_login: { email: '', password: '' },
  };
}

export function customerToForm(customer: Customer, defaults: TermsDefaults): CustomerValues {
  return {
    code: customer.code,
    buyer_type: customer.buyer_type,
    company_name: customer.company_name,
    contact_name: customer.contact_name,
    country: customer.country,
    email: customer.email,
    phone: customer.phone,
    notes: customer.notes,
    terms: termsToForm(customer.terms, defaults),
    link_login_enabled: customer.link_login_email !== null,
    link_login: { email: customer.link_login_email ?? '', password: '' },
  };
}

export function validateCustomer(
  values: CustomerValues,
  options: { passwordRequired: boolean },
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const field of ['contact_name', 'country', 'phone'] as const) {
    const error = requiredText(values[field]);
    if (error) errors[field] = error;
  }
  const email = emailAddress(values.email);
  if (email) errors.email = email;
  validateTerms(errors, values.terms, 'terms');
  if (values.link_login_enabled) {
    const loginEmail = emailAddress(values.link_login.email);
    if (loginEmail) errors['link_login.email'] = loginEmail;
    if (options.passwordRequired || values.link_login.password !== '') {
      // The API's rule for these logins: at least 8 characters.
      if (values.link_login.password.length < 8) {
        errors['link_login.password'] = i18n.t('validation.atLeast8');
      }
    }
  }
  return errors;
}

export function customerCreateRequest(values: CustomerValues): Schemas['CustomerCreate'] {
  return {
    code: values.code.trim() || null,
    buyer_type: values.buyer_type,
    company_name: values.company_name.trim(),
    contact_name: values.contact_name.trim(),
    country: values.country,
    email: values.email.trim(),
    phone: values.phone.trim(),
    notes: values.notes.trim(),
    terms: termsRequest(values.terms),
    link_login: values.link_login_enabled
      ? { email: values.link_login.email.trim(), password: values.link_login.password }
      : null,
  };
}

/**
 * The changes of the customer page. The login is sent only when it changed: a new password,
 * another e-mail, or removed (`null`).
 */
export function customerUpdateRequest(
  values: CustomerValues,
  customer: Customer,
): Schemas['CustomerUpdate'] {
  const body: Schemas['CustomerUpdate'] = {
    code: values.code.trim(),
    company_name: values.company_name.trim(),
    contact_name: values.contact_name.trim(),
    country: values.country,
    email: values.email.trim(),
    phone: values.phone.trim(),
    notes: values.notes.trim(),
    terms: termsRequest(values.terms),
  };
  if (!values.link_login_enabled && customer.link_login_email !== null) body.link_login = null;
  if (values.link_login_enabled && values.link_login.password !== '') {
    body.link_login = {
      email: values.link_login.email.trim(),
      password: values.link_login.password,
    };
  }
  return body;
}

/** A customer's terms in one line: "WSP 60% · JPY · With Deposit 30%". */
export function termsLine(
  t: TFunction,
  terms: Schemas['TermsRead'],
  transactionTerms: readonly TransactionTerm[],
  locale: string,
): string {
  const term = transactionTerms.find((each) => each.id === terms.transaction_term_id);
  const condition =
    term?.kind === 'discount'
      ? t('terms.discountOff', { percent: formatPercent(terms.condition, locale) })
      : formatPercent(terms.condition, locale);
  const billing =
    terms.billing_term === 'with_deposit'
      ? `${t('terms.withDeposit')} ${formatPercent(terms.deposit_percent ?? '0', locale)}`
      : t('terms.withoutDeposit');
  return [`${term?.code ?? '?'} ${condition}`, terms.currency, billing].join(' · ');
}
