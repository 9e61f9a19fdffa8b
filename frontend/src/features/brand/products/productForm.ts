import type { Schemas } from '../../../lib/api';
import type { FieldResolver } from '../../../lib/problem';
import { minorToInput } from '../../../lib/money';
import { requiredText } from '../../../lib/validation';
import type { Product, TransactionTerm } from '../data';
import { checkDefaultText, textsRequest, textsToForm, type Texts } from '../shared/localizedForm';
import { readAmount } from '../shared/money';

/** A value of a SKU property or of an option group while it is edited. */
export interface ValueDraft {
  key: string;
  code: string;
  name: Texts;
}

/** A SKU property (Colour, Size) or an option group (Packaging) while it is edited. */
export interface GroupDraft {
  key: string;
  code: string;
  name: Texts;
  values: ValueDraft[];
}

export interface ImageDraft {
  media_id: string;
  thumbnail_url: string;
}

/** Typed amounts in major units per `${termId}:${currency}`; "" = no price. */
export type PriceTexts = Record<string, string>;

export interface ProductValues {
  model_number: string;
  name: Texts;
  description: Texts;
  category_id: string;
  tax_rate_id: string;
  sku_properties: GroupDraft[];
  option_groups: GroupDraft[];
  prices: PriceTexts;
  stock: { track_stock: boolean; stock_quantity: number; allow_backorder: boolean };
  images: ImageDraft[];
}

export const MAX_PROPERTIES = 3;
export const MAX_OPTION_GROUPS = 5;

let counter = 0;
export function draftKey(): string {
  counter += 1;
  return `draft-${counter}`;
}

export function priceKey(termId: string, currency: string): string {
  return `${termId}:${currency}`;
}

export function emptyGroup(languages: readonly string[]): GroupDraft {
  return { key: draftKey(), code: '', name: textsToForm({}, languages), values: [] };
}

export function emptyValue(languages: readonly string[]): ValueDraft {
  return { key: draftKey(), code: '', name: textsToForm({}, languages) };
}

function groupsToForm(
  groups: readonly Schemas['Property'][],
  languages: readonly string[],
): GroupDraft[] {
  return groups.map((group) => ({
    key: draftKey(),
    code: group.code,
    name: textsToForm(group.name, languages),
    values: group.values.map((value) => ({
      key: draftKey(),
      code: value.code,
      name: textsToForm(value.name, languages),
    })),
  }));
}

export function pricesToForm(prices: readonly Schemas['PriceRead'][]): PriceTexts {
  return Object.fromEntries(
    prices.map((price) => [
      priceKey(price.term_id, price.currency),
      minorToInput(price.amount, price.currency),
    ]),
  );
}

/** A new product starts with the brand's default tax (it can be cleared: no tax). */
export function emptyProduct(languages: readonly string[], defaultTaxId = ''): ProductValues {
  return {
    model_number: '',
    name: textsToForm({}, languages),
    description: textsToForm({}, languages),
    category_id: '',
    tax_rate_id: defaultTaxId,
    sku_properties: [],
    option_groups: [],
    prices: {},
    stock: { track_stock: false, stock_quantity: 0, allow_backorder: false },
    images: [],
  };
}

export function productToForm(product: Product, languages: readonly string[]): ProductValues {
  return {
    model_number: product.model_number,
    name: textsToForm(product.name, languages),
    description: textsToForm(product.description, languages),
    category_id: product.category_id ?? '',
    tax_rate_id: product.tax_rate_id ?? '',
    sku_properties: groupsToForm(product.sku_properties, languages),
    option_groups: groupsToForm(product.option_groups, languages),
    prices: pricesToForm(product.prices),
    stock: { track_stock: false, stock_quantity: 0, allow_backorder: false },
    images: product.images.map((image) => ({
      media_id: image.media_id,
      thumbnail_url: image.thumbnail_url,
    })),
  };
}

export interface SkuPreview {
  code: string;
  values: { property: string; value: string; valueName: Texts }[];
}

/**
 * The SKUs the API will generate: one per combination of property values, in template order
 * (the first property varies slowest), coded `<model>_<value1>_<value2>…`. Properties without
 * a coded value are left out, as they cannot be saved yet.
 */
export function previewSkus(modelNumber: string, properties: readonly GroupDraft[]): SkuPreview[] {
  const model = modelNumber.trim();
  const axes = properties
    .map((property) => ({
      code: property.code.trim(),
      values: property.values.filter((value) => value.code.trim() !== ''),
    }))
    .filter((axis) => axis.code !== '' && axis.values.length > 0);
  let combos: SkuPreview['values'][] = [[]];
  for (const axis of axes) {
    combos = combos.flatMap((combo) =>
      axis.values.map((value) => [
        ...combo,
        { property: axis.code, value: value.code.trim(), valueName: value.name },
      ]),
    );
  }
  return combos.map((values) => ({
    code: [model, ...values.map((each) => each.value)].join('_'),
    values,
  }));
}

/** The price list of a grid: every filled cell, terms × currencies in grid order. */
export function pricesRequest(
  prices: PriceTexts,
  terms: readonly Pick<TransactionTerm, 'id'>[],
  currencies: readonly string[],
): { prices: Schemas['PriceIn'][]; keys: string[] } {
  const result: Schemas['PriceIn'][] = [];
  const keys: string[] = [];
  for (const term of terms) {
    for (const currency of currencies) {
      const key = priceKey(term.id, currency);
      const minor = readAmount(prices[key] ?? '', currency, false).minor;
      if (minor !== null) {
        result.push({ term_id: term.id, currency, amount: minor });
        keys.push(key);
      }
    }
  }
  return { prices: result, keys };
}

/** Field errors of a price grid, keyed `${termId}:${currency}`. */
export function validatePrices(
  prices: PriceTexts,
  terms: readonly Pick<TransactionTerm, 'id'>[],
  currencies: readonly string[],
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const term of terms) {
    for (const currency of currencies) {
      const key = priceKey(term.id, currency);
      const { error } = readAmount(prices[key] ?? '', currency, false);
      if (error) errors[key] = error;
    }
  }
  return errors;
}

const CODE = /^[^\s/_]+$/;

function validateGroups(
  errors: Record<string, string>,
  groups: readonly GroupDraft[],
  field: string,
  defaultLanguage: string,
  messages: { code: string; addValue: string; duplicate: string },
): void {
  const groupCodes = new Set<string>();
  groups.forEach((group, index) => {
    const path = `${field}.${index}`;
    const code = group.code.trim();
    if (!code) errors[`${path}.code`] = requiredText('') ?? '';
    else if (!CODE.test(code)) errors[`${path}.code`] = messages.code;
    else if (groupCodes.has(code)) errors[`${path}.code`] = messages.duplicate;
    groupCodes.add(code);
    checkDefaultText(errors, group.name, defaultLanguage, `${path}.name`);
    if (group.values.length === 0) errors[`${path}.values`] = messages.addValue;
    const valueCodes = new Set<string>();
    group.values.forEach((value, valueIndex) => {
      const valuePath = `${path}.values.${valueIndex}.code`;
      const valueCode = value.code.trim();
      if (!valueCode) errors[valuePath] = requiredText('') ?? '';
      else if (!CODE.test(valueCode)) errors[valuePath] = messages.code;
      else if (valueCodes.has(valueCode)) errors[valuePath] = messages.duplicate;
      valueCodes.add(valueCode);
    });
  });
}

export function validateProduct(
  values: ProductValues,
  defaultLanguage: string,
  terms: readonly Pick<TransactionTerm, 'id'>[],
  currencies: readonly string[],
  messages: { model: string; code: string; addValue: string; duplicate: string },
): Record<string, string> {
  const errors: Record<string, string> = {};
  const model = values.model_number.trim();
  if (!model) errors.model_number = requiredText('') ?? '';
  else if (!/^[^\s/]+$/.test(model)) errors.model_number = messages.model;
  checkDefaultText(errors, values.name, defaultLanguage, 'name');
  validateGroups(errors, values.sku_properties, 'sku_properties', defaultLanguage, messages);
  validateGroups(errors, values.option_groups, 'option_groups', defaultLanguage, messages);
  for (const [key, error] of Object.entries(validatePrices(values.prices, terms, currencies))) {
    errors[`prices.${key}`] = error;
  }
  return errors;
}

function groupsRequest(
  groups: readonly GroupDraft[],
  languages: readonly string[],
  defaultLanguage: string,
): Schemas['Property'][] {
  return groups.map((group) => ({
    code: group.code.trim(),
    name: textsRequest(group.name, languages),
    values: group.values.map((value) => {
      const name = textsRequest(value.name, languages);
      // A value without a name is called by its code.
      if (!name[defaultLanguage]) name[defaultLanguage] = value.code.trim();
      return { code: value.code.trim(), name };
    }),
  }));
}

export function productRequest(
  values: ProductValues,
  languages: readonly string[],
  defaultLanguage: string,
  terms: readonly Pick<TransactionTerm, 'id'>[],
  currencies: readonly string[],
) {
  const { prices, keys } = pricesRequest(values.prices, terms, currencies);
  const body = {
    model_number: values.model_number.trim(),
    name: textsRequest(values.name, languages),
    description: textsRequest(values.description, languages),
    category_id: values.category_id || null,
    tax_rate_id: values.tax_rate_id || null,
    sku_properties: groupsRequest(values.sku_properties, languages, defaultLanguage),
    option_groups: groupsRequest(values.option_groups, languages, defaultLanguage),
    prices,
    image_ids: values.images.map((image) => image.media_id),
  };
  return { body, priceKeys: keys };
}

/** Where the product form shows an API error; `prices.N` goes to the grid cell it came from. */
export function productFields(priceKeys: readonly string[]): FieldResolver {
  const direct = ['model_number', 'category_id', 'tax_rate_id', 'image_ids'];
  const nested = ['name', 'description', 'sku_properties', 'option_groups'];
  return (path) => {
    if (direct.includes(path)) return path;
    if (nested.some((prefix) => path.startsWith(`${prefix}.`))) return path;
    const price = /^prices\.(\d+)(?:\.\w+)?$/.exec(path);
    if (price) {
      const key = priceKeys[Number(price[1])];
      return key ? `prices.${key}` : null;
    }
    if (path.startsWith('image_ids.')) return 'image_ids';
    return null;
  };
}
