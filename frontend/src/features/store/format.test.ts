import { i18n } from '../../lib/i18n';
import { productPrice, productRrp, stockLabel, stockTone } from './format';
import type { StoreSku } from './storeApi';

const t = i18n.getFixedT('en');

function sku(overrides: Partial<StoreSku>): StoreSku {
  return {
    id: 's',
    code: 'TEE-01_BLK_S',
    label: 'Black / S',
    values: {},
    unit_price: 2880,
    display_price: 2880,
    rrp: 9600,
    stock_state: 'unlimited',
    available_quantity: null,
    ...overrides,
  };
}

describe('stockLabel', () => {
  it('says how much is in stock, or why not', () => {
    expect(stockLabel(t, sku({ stock_state: 'in_stock', available_quantity: 12 }))).toBe(
      'In stock (12)',
    );
    expect(stockLabel(t, sku({ stock_state: 'in_stock', available_quantity: 1 }))).toBe(
      'In stock (1)',
    );
    expect(stockLabel(t, sku({ stock_state: 'in_stock', available_quantity: null }))).toBe(
      'In stock',
    );
    expect(stockLabel(t, sku({ stock_state: 'backorder' }))).toBe('Backorder');
    expect(stockLabel(t, sku({ stock_state: 'sold_out', available_quantity: 0 }))).toBe('Sold out');
    expect(stockLabel(t, sku({ stock_state: 'unlimited' }))).toBe('Available');
  });

  it('colours sold-out SKUs grey and backorders orange', () => {
    expect(stockTone(sku({ stock_state: 'sold_out' }))).toBe('gray');
    expect(stockTone(sku({ stock_state: 'backorder' }))).toBe('orange');
    expect(stockTone(sku({ stock_state: 'in_stock' }))).toBe('green');
  });
});

describe('product prices', () => {
  it('shows one price plainly and several as "from" the lowest', () => {
    const one = { currency: 'JPY', price_from: 2880, rrp_from: 9600, skus: [sku({}), sku({})] };
    expect(productPrice(t, one, 'en')).toBe('¥2,880');
    expect(productRrp(t, one, 'en')).toBe('RRP ¥9,600');

    const several = {
      currency: 'JPY',
      price_from: 2880,
      rrp_from: 9600,
      skus: [sku({}), sku({ display_price: 3180, rrp: 10600 })],
    };
    expect(productPrice(t, several, 'en')).toBe('from ¥2,880');
    expect(productRrp(t, several, 'en')).toBe('RRP from ¥9,600');
  });

  it('uses the minor unit of the currency', () => {
    const usd = { currency: 'USD', price_from: 1234, rrp_from: null, skus: [sku({})] };
    expect(productPrice(t, usd, 'en')).toBe('$12.34');
    expect(productRrp(t, usd, 'en')).toBeNull();
  });

  it('has no price when no SKU is priced for these terms', () => {
    const none = { currency: 'JPY', price_from: null, rrp_from: null, skus: [] };
    expect(productPrice(t, none, 'en')).toBeNull();
  });
});
