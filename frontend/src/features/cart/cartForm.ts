import type { Schemas } from '../../lib/api';

/** One SKU as the add-to-cart form needs it (from a catalog product or from a cart item). */
export interface OrderableSku {
  id: string;
  label: string;
  code: string;
  display_price: number | null;
  /** The most that can be ordered now; null: no limit (untracked or backorder). */
  available_quantity: number | null;
  /** null: the SKU is no longer offered. */
  stock_state: Schemas['StoreSku']['stock_state'] | null;
}

export type OptionGroup = Schemas['ChoiceGroup'];

/** A product as the add-to-cart form needs it. */
export interface OrderableProduct {
  id: string;
  name: string;
  model_number: string;
  currency: string;
  option_groups: OptionGroup[];
  skus: OrderableSku[];
}

export interface OptionRowValues {
  /** Option group code → value code ('' while not chosen). */
  values: Record<string, string>;
  quantity: number;
}

export interface SkuRowValues {
  sku_id: string;
  quantity: number;
  options: OptionRowValues[];
}

export interface CartItemFormValues {
  skus: SkuRowValues[];
  /** YYYY-MM-DD, or '' for none. */
  desired_delivery_date: string;
  note_to_buyer_company: string;
  message_to_brand: string;
}

export type CartItem = Schemas['CartItemRead'];
export type CartItemCreate = Schemas['CartItemCreate'];

export function productFromStore(product: Schemas['StoreProduct']): OrderableProduct {
  return {
    id: product.id,
    name: product.name,
    model_number: product.model_number,
    currency: product.currency,
    option_groups: product.option_groups,
    skus: product.skus.map((sku) => ({
      id: sku.id,
      label: sku.label,
      code: sku.code,
      display_price: sku.display_price,
      available_quantity: sku.available_quantity,
      stock_state: sku.stock_state,
    })),
  };
}

export function productFromItem(item: CartItem, currency: string): OrderableProduct {
  return {
    id: item.product_id,
    name: item.name,
    model_number: item.model_number,
    currency,
    option_groups: item.option_groups,
    skus: item.skus.map((sku) => ({
      id: sku.sku_id,
      label: sku.label,
      code: sku.code,
      display_price: sku.display_price,
      available_quantity: sku.available_quantity,
      stock_state: sku.stock_state,
    })),
  };
}

/** The most a buyer may enter for a SKU, or null when there is no cap. */
export function quantityCap(sku: Pick<OrderableSku, 'available_quantity' | 'stock_state'>) {
  if (sku.stock_state === 'sold_out') return 0;
  return sku.available_quantity === null ? null : Math.max(0, sku.available_quantity);
}

/** A typed quantity as a whole number between 0 and the cap. */
export function clampQuantity(value: number | string, cap: number | null): number {
  const number = typeof value === 'number' ? value : Number(value.trim() || '0');
  const whole = Number.isFinite(number) ? Math.max(0, Math.floor(number)) : 0;
  return cap === null ? whole : Math.min(whole, cap);
}

export function emptyOptionRow(groups: readonly OptionGroup[], quantity = 0): OptionRowValues {
  return { values: Object.fromEntries(groups.map((group) => [group.code, ''])), quantity };
}

export function optionsSum(rows: readonly OptionRowValues[]): number {
  return rows.reduce((sum, row) => sum + (Number.isFinite(row.quantity) ? row.quantity : 0), 0);
}

/** Whether a SKU's option rows need to add up (the product has options, a quantity is set). */
export function needsOptions(groups: readonly OptionGroup[], row: SkuRowValues): boolean {
  return groups.length > 0 && (row.quantity > 0 || row.options.some((o) => o.quantity > 0));
}

/** The form for a product: from the item already in the cart, or every SKU at 0. */
export function initialItemValues(product: OrderableProduct, item?: CartItem): CartItemFormValues {
  const groups = product.option_groups;
  const existing = new Map(item?.skus.map((sku) => [sku.sku_id, sku]));
  return {
    skus: product.skus.map((sku) => {
      const found = existing.get(sku.id);
      const options = (found?.options ?? []).map((row) => ({
        values: { ...emptyOptionRow(groups).values, ...row.values },
        quantity: row.quantity,
      }));
      return {
        sku_id: sku.id,
        quantity: found?.quantity ?? 0,
        options: groups.length > 0 && options.length === 0 ? [emptyOptionRow(groups)] : options,
      };
    }),
    desired_delivery_date: item?.desired_delivery_date ?? '',
    note_to_buyer_company: item?.note_to_buyer_company ?? '',
    message_to_brand: item?.message_to_brand ?? '',
  };
}

/**
 * A SKU quantity changed: the single option row follows it (one choice of options is the
 * common case); with several rows the buyer splits the quantity.
 */
export function withSkuQuantity(row: SkuRowValues, quantity: number): SkuRowValues {
  const [only, ...rest] = row.options;
  if (only && rest.length === 0) return { ...row, quantity, options: [{ ...only, quantity }] };
  return { ...row, quantity };
}

/** The request body of an item: every SKU (0 keeps a placeholder), rows only with options. */
export function buildItemPayload(
  product: OrderableProduct,
  values: CartItemFormValues,
  deliveryDateAllowed: boolean,
): CartItemCreate {
  const hasOptions = product.option_groups.length > 0;
  return {
    product_id: product.id,
    skus: values.skus.map((row) => ({
      sku_id: row.sku_id,
      quantity: row.quantity,
      options:
        hasOptions && needsOptions(product.option_groups, row)
          ? row.options
              .filter((option) => option.quantity > 0)
              .map((option) => ({ values: { ...option.values }, quantity: option.quantity }))
          : [],
    })),
    desired_delivery_date:
      deliveryDateAllowed && values.desired_delivery_date ? values.desired_delivery_date : null,
    note_to_buyer_company: values.note_to_buyer_company,
    message_to_brand: values.message_to_brand,
  };
}

/** Today in this browser as YYYY-MM-DD (the earliest desired delivery date). */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export type ItemProblem =
  | { kind: 'optionMissing' }
  | { kind: 'optionsMismatch'; sum: number; quantity: number }
  | { kind: 'aboveStock'; cap: number }
  | { kind: 'datePast' };

/**
 * What the form refuses before sending, per form field path (`skus.0.options`,
 * `skus.1.options.0.values.COLOR`, `desired_delivery_date`). The server checks again.
 */
export function validateItem(
  product: OrderableProduct,
  values: CartItemFormValues,
  today: string,
): Record<string, ItemProblem> {
  const problems: Record<string, ItemProblem> = {};
  values.skus.forEach((row, i) => {
    const sku = product.skus.find((each) => each.id === row.sku_id);
    const cap = sku ? quantityCap(sku) : null;
    if (cap !== null && row.quantity > cap) {
      problems[`skus.${i}.quantity`] = { kind: 'aboveStock', cap };
    }
    if (!needsOptions(product.option_groups, row)) return;
    row.options.forEach((option, j) => {
      if (option.quantity === 0) return;
      for (const group of product.option_groups) {
        if (!option.values[group.code]) {
          problems[`skus.${i}.options.${j}.values.${group.code}`] = { kind: 'optionMissing' };
        }
      }
    });
    const sum = optionsSum(row.options);
    if (sum !== row.quantity) {
      problems[`skus.${i}.options`] = { kind: 'optionsMismatch', sum, quantity: row.quantity };
    }
  });
  if (values.desired_delivery_date && values.desired_delivery_date < today) {
    problems.desired_delivery_date = { kind: 'datePast' };
  }
  return problems;
}

/** Cart-level problems of an item located at a SKU row (`['skus', 0, …]`), else the item. */
export function problemsBySku(problems: readonly Schemas['CartProblem'][]): {
  bySku: Map<number, Schemas['CartProblem'][]>;
  general: Schemas['CartProblem'][];
} {
  const bySku = new Map<number, Schemas['CartProblem'][]>();
  const general: Schemas['CartProblem'][] = [];
  for (const problem of problems) {
    const [head, index] = problem.loc;
    if (head === 'skus' && typeof index === 'number') {
      bySku.set(index, [...(bySku.get(index) ?? []), problem]);
    } else general.push(problem);
  }
  return { bySku, general };
}

/**
 * Errors of a refused checkout that point into the cart (`['items', itemId, 'skus', i, …]`),
 * as "item id → SKU index → message codes". The rest stays with the form.
 */
export interface LineError {
  itemId: string;
  skuIndex: number | null;
  code: string;
  message: string;
}

export function lineErrors(
  errors: readonly { loc: readonly (string | number)[]; type: string; msg: string }[],
): LineError[] {
  const found: LineError[] = [];
  for (const error of errors) {
    const loc = error.loc[0] === 'body' ? error.loc.slice(1) : error.loc;
    const [head, itemId, what, index] = loc;
    if (head !== 'items' || typeof itemId !== 'string') continue;
    found.push({
      itemId,
      skuIndex: what === 'skus' && typeof index === 'number' ? index : null,
      code: error.type,
      message: error.msg,
    });
  }
  return found;
}

/**
 * One Idempotency-Key per "Place an order" attempt: the same key while the same attempt is
 * retried (a network error, a double click), a new one once the form changes or the attempt
 * got an answer that ends it.
 */
export class AttemptKey {
  private key: string | null = null;
  private fingerprint: string | null = null;
  private readonly make: () => string;

  constructor(make: () => string = () => crypto.randomUUID()) {
    this.make = make;
  }

  /** The key for placing this form (same form, unfinished attempt: same key). */
  for(form: unknown): string {
    const fingerprint = JSON.stringify(form);
    if (this.key === null || this.fingerprint !== fingerprint) {
      this.key = this.make();
      this.fingerprint = fingerprint;
    }
    return this.key;
  }

  /** The attempt is over (placed, or refused for good): the next one gets a new key. */
  finish(): void {
    this.key = null;
    this.fingerprint = null;
  }
}
