import type { TFunction } from 'i18next';

import type { Schemas } from '../../../lib/api';
import { formatMoney, minorToInput } from '../../../lib/money';
import { requiredText } from '../../../lib/validation';
import type { ShippingGroup } from '../data';
import type { RateCondition } from '../shared/labels';
import { checkDefaultText, textsRequest, textsToForm, type Texts } from '../shared/localizedForm';
import { readAmount } from '../shared/money';

export interface RateRow {
  /** A client-side key, so rows keep their identity while they are reordered. */
  key: string;
  amount: string;
  condition: RateCondition;
  threshold: string;
  min_quantity: string;
  max_quantity: string;
}

export interface ShippingValues {
  code: string;
  name: Texts;
  description: string;
  currency: string;
  /** "" = all countries. */
  country: string;
  /** "" = untaxed. */
  tax_rate_id: string;
  rates: RateRow[];
}

let nextKey = 0;
export function newRateKey(): string {
  nextKey += 1;
  return `rate-${nextKey}`;
}

export function emptyRate(): RateRow {
  return {
    key: newRateKey(),
    amount: '',
    condition: 'always',
    threshold: '',
    min_quantity: '',
    max_quantity: '',
  };
}

export function shippingToForm(
  group: ShippingGroup | null,
  languages: readonly string[],
  currency: string,
): ShippingValues {
  const groupCurrency = group?.currency ?? currency;
  return {
    code: group?.code ?? '',
    name: textsToForm(group?.name, languages),
    description: group?.description ?? '',
    currency: groupCurrency,
    country: group?.country ?? '',
    tax_rate_id: group?.tax_rate_id ?? '',
    rates: (group?.rates ?? [])
      .slice()
      .sort((a, b) => a.position - b.position)
      .map((rate) => ({
        key: newRateKey(),
        amount: minorToInput(rate.amount, groupCurrency),
        condition: rate.condition,
        threshold: minorToInput(rate.threshold, groupCurrency),
        min_quantity: rate.min_quantity === null ? '' : String(rate.min_quantity),
        max_quantity: rate.max_quantity === null ? '' : String(rate.max_quantity),
      })),
  };
}

const WHOLE = /^\d{1,9}$/;

export function validateShipping(
  values: ShippingValues,
  defaultLanguage: string,
  messages: { whole: string; quantityOrder: string; addOne: string },
): Record<string, string> {
  const errors: Record<string, string> = {};
  const code = requiredText(values.code);
  if (code) errors.code = code;
  checkDefaultText(errors, values.name, defaultLanguage, 'name');
  if (!values.currency) errors.currency = requiredText('') ?? '';
  values.rates.forEach((rate, index) => {
    const amount = readAmount(rate.amount, values.currency, true);
    if (amount.error) errors[`rates.${index}.amount`] = amount.error;
    if (rate.condition === 'subtotal_at_least' || rate.condition === 'subtotal_below') {
      const threshold = readAmount(rate.threshold, values.currency, true);
      if (threshold.error) errors[`rates.${index}.threshold`] = threshold.error;
    }
    if (rate.condition === 'quantity_between') {
      const min = rate.min_quantity.trim();
      const max = rate.max_quantity.trim();
      if (min !== '' && !WHOLE.test(min)) errors[`rates.${index}.min_quantity`] = messages.whole;
      if (max !== '' && !WHOLE.test(max)) errors[`rates.${index}.max_quantity`] = messages.whole;
      if (min === '' && max === '') errors[`rates.${index}.min_quantity`] = messages.whole;
      if (WHOLE.test(min) && WHOLE.test(max) && Number(min) > Number(max)) {
        errors[`rates.${index}.max_quantity`] = messages.quantityOrder;
      }
    }
  });
  return errors;
}

export function ratesRequest(values: ShippingValues): Schemas['ShippingRateIn'][] {
  return values.rates.map((rate) => {
    const subtotal = rate.condition === 'subtotal_at_least' || rate.condition === 'subtotal_below';
    const quantity = rate.condition === 'quantity_between';
    return {
      amount: readAmount(rate.amount, values.currency, true).minor ?? 0,
      condition: rate.condition,
      threshold: subtotal ? readAmount(rate.threshold, values.currency, true).minor : null,
      min_quantity: quantity && rate.min_quantity.trim() ? Number(rate.min_quantity) : null,
      max_quantity: quantity && rate.max_quantity.trim() ? Number(rate.max_quantity) : null,
    };
  });
}

export function shippingRequest(values: ShippingValues, languages: readonly string[]) {
  return {
    code: values.code.trim(),
    name: textsRequest(values.name, languages),
    description: values.description.trim(),
    country: values.country || null,
    tax_rate_id: values.tax_rate_id || null,
    rates: ratesRequest(values),
  };
}

/** One rate in words: "¥800 — Always", "¥0 — Subtotal at least ¥30,000". */
export function describeRate(
  t: TFunction,
  rate: Schemas['ShippingRateRead'],
  currency: string,
  locale: string,
): string {
  const money = (minor: number | null) =>
    minor === null ? '—' : formatMoney(minor, currency, locale);
  switch (rate.condition) {
    case 'always':
      return t('settings.shipping.describe.always', { amount: money(rate.amount) });
    case 'subtotal_at_least':
      return t('settings.shipping.describe.subtotal_at_least', {
        amount: money(rate.amount),
        threshold: money(rate.threshold),
      });
    case 'subtotal_below':
      return t('settings.shipping.describe.subtotal_below', {
        amount: money(rate.amount),
        threshold: money(rate.threshold),
      });
    case 'quantity_between':
      return t('settings.shipping.describe.quantity_between', {
        amount: money(rate.amount),
        min: rate.min_quantity ?? 0,
        max: rate.max_quantity ?? '∞',
      });
  }
}
