import type { TFunction } from 'i18next';

import { formatMoney } from '../../lib/money';
import type { StoreProduct, StoreSku } from './storeApi';

export type StockTone = 'green' | 'blue' | 'orange' | 'gray';

/** A SKU's stock for buyers: "In stock (12)", "In stock", "Backorder", "Sold out". */
export function stockLabel(
  t: TFunction,
  sku: Pick<StoreSku, 'stock_state' | 'available_quantity'>,
) {
  switch (sku.stock_state) {
    case 'unlimited':
      return t('store.stock.available');
    case 'in_stock':
      return sku.available_quantity === null
        ? t('store.stock.inStock')
        : t('store.stock.inStockCount', { count: sku.available_quantity });
    case 'backorder':
      return t('store.stock.backorder');
    case 'sold_out':
      return t('store.stock.soldOut');
  }
}

export function stockTone(sku: Pick<StoreSku, 'stock_state'>): StockTone {
  switch (sku.stock_state) {
    case 'unlimited':
    case 'in_stock':
      return 'green';
    case 'backorder':
      return 'orange';
    case 'sold_out':
      return 'gray';
  }
}

/** An amount, or "—" when the SKU has no price for these terms. */
export function priceText(amount: number | null, currency: string, locale: string): string | null {
  return amount === null ? null : formatMoney(amount, currency, locale);
}

/**
 * A product's price on its card: "¥2,880", or "from ¥2,880" when its SKUs differ, or null when
 * none has a price for these terms.
 */
export function productPrice(
  t: TFunction,
  product: Pick<StoreProduct, 'price_from' | 'skus' | 'currency'>,
  locale: string,
): string | null {
  if (product.price_from === null) return null;
  const amount = formatMoney(product.price_from, product.currency, locale);
  const prices = new Set(product.skus.map((sku) => sku.display_price).filter((p) => p !== null));
  return prices.size > 1 ? t('store.price.from', { amount }) : amount;
}

/** The RRP beside a product's price: "RRP ¥9,600" (or "RRP from …"), or null. */
export function productRrp(
  t: TFunction,
  product: Pick<StoreProduct, 'rrp_from' | 'skus' | 'currency'>,
  locale: string,
): string | null {
  if (product.rrp_from === null) return null;
  const amount = formatMoney(product.rrp_from, product.currency, locale);
  const rrps = new Set(product.skus.map((sku) => sku.rrp).filter((p) => p !== null));
  return rrps.size > 1 ? t('store.price.rrpFrom', { amount }) : t('store.price.rrp', { amount });
}
