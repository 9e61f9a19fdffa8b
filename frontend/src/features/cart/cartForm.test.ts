import {
  AttemptKey,
  buildItemPayload,
  clampQuantity,
  emptyOptionRow,
  initialItemValues,
  lineErrors,
  needsOptions,
  optionsSum,
  problemsBySku,
  quantityCap,
  todayIso,
  validateItem,
  withSkuQuantity,
  type CartItem,
  type OrderableProduct,
} from './cartForm';

const groups = [
  {
    code: 'PACK',
    name: 'Packaging',
    values: [
      { code: 'GIFT', name: 'Gift box' },
      { code: 'PLAIN', name: 'Plain' },
    ],
  },
];

const tee: OrderableProduct = {
  id: 'p1',
  name: 'Organic cotton tee',
  model_number: 'TEE-01',
  currency: 'JPY',
  option_groups: groups,
  skus: [
    {
      id: 's1',
      label: 'Black',
      code: 'TEE-01_BLK',
      display_price: 2880,
      available_quantity: 3,
      stock_state: 'in_stock',
    },
    {
      id: 's2',
      label: 'White',
      code: 'TEE-01_WHT',
      display_price: 2880,
      available_quantity: null,
      stock_state: 'backorder',
    },
  ],
};

const tote: OrderableProduct = { ...tee, id: 'p2', option_groups: [], skus: tee.skus.slice(1) };

describe('quantity caps', () => {
  it('caps tracked SKUs at what is available, sold out at 0, backorder not at all', () => {
    expect(quantityCap({ available_quantity: 3, stock_state: 'in_stock' })).toBe(3);
    expect(quantityCap({ available_quantity: 0, stock_state: 'sold_out' })).toBe(0);
    expect(quantityCap({ available_quantity: null, stock_state: 'sold_out' })).toBe(0);
    expect(quantityCap({ available_quantity: null, stock_state: 'backorder' })).toBeNull();
    expect(quantityCap({ available_quantity: null, stock_state: 'unlimited' })).toBeNull();
  });

  it('clamps typed quantities to whole numbers between 0 and the cap', () => {
    expect(clampQuantity(4, 3)).toBe(3);
    expect(clampQuantity('2', 3)).toBe(2);
    expect(clampQuantity('', 3)).toBe(0);
    expect(clampQuantity(-1, null)).toBe(0);
    expect(clampQuantity(2.7, null)).toBe(2);
    expect(clampQuantity('abc', null)).toBe(0);
    expect(clampQuantity(1000, null)).toBe(1000);
  });
});

describe('option rows', () => {
  it('adds up the rows', () => {
    expect(optionsSum([])).toBe(0);
    expect(optionsSum([emptyOptionRow(groups, 2), emptyOptionRow(groups, 1)])).toBe(3);
  });

  it('are needed only for products with options and a quantity', () => {
    const row = { sku_id: 's1', quantity: 2, options: [] };
    expect(needsOptions(groups, row)).toBe(true);
    expect(needsOptions([], row)).toBe(false);
    expect(needsOptions(groups, { ...row, quantity: 0 })).toBe(false);
  });

  it('a single row follows the SKU quantity; several rows are left to the buyer', () => {
    const one = { sku_id: 's1', quantity: 1, options: [emptyOptionRow(groups, 1)] };
    expect(withSkuQuantity(one, 3).options[0]?.quantity).toBe(3);
    const two = { ...one, options: [emptyOptionRow(groups, 1), emptyOptionRow(groups, 0)] };
    const changed = withSkuQuantity(two, 3);
    expect(changed.quantity).toBe(3);
    expect(changed.options.map((row) => row.quantity)).toEqual([1, 0]);
  });

  it('are checked live: every option chosen, rows adding up to the SKU quantity', () => {
    const values = initialItemValues(tee);
    values.skus[0] = {
      sku_id: 's1',
      quantity: 3,
      options: [
        { values: { PACK: 'GIFT' }, quantity: 1 },
        { values: { PACK: '' }, quantity: 1 },
      ],
    };
    expect(validateItem(tee, values, '2026-01-01')).toEqual({
      'skus.0.options.1.values.PACK': { kind: 'optionMissing' },
      'skus.0.options': { kind: 'optionsMismatch', sum: 2, quantity: 3 },
    });
    values.skus[0].options[1] = { values: { PACK: 'PLAIN' }, quantity: 2 };
    expect(validateItem(tee, values, '2026-01-01')).toEqual({});
  });

  it('refuses more than the stock and a date in the past', () => {
    const values = initialItemValues(tee);
    values.skus[0] = {
      sku_id: 's1',
      quantity: 4,
      options: [{ values: { PACK: 'GIFT' }, quantity: 4 }],
    };
    values.desired_delivery_date = '2025-12-31';
    expect(validateItem(tee, values, '2026-01-01')).toEqual({
      'skus.0.quantity': { kind: 'aboveStock', cap: 3 },
      desired_delivery_date: { kind: 'datePast' },
    });
  });
});

describe('the item payload', () => {
  it('sends every SKU (0 is a placeholder) with its option rows', () => {
    const values = initialItemValues(tee);
    values.skus[0] = {
      sku_id: 's1',
      quantity: 3,
      options: [
        { values: { PACK: 'GIFT' }, quantity: 2 },
        { values: { PACK: 'PLAIN' }, quantity: 1 },
        { values: { PACK: '' }, quantity: 0 },
      ],
    };
    values.desired_delivery_date = '2026-05-01';
    values.note_to_buyer_company = 'For the Ginza shop';
    values.message_to_brand = 'Please wrap';
    expect(buildItemPayload(tee, values, true)).toEqual({
      product_id: 'p1',
      skus: [
        {
          sku_id: 's1',
          quantity: 3,
          options: [
            { values: { PACK: 'GIFT' }, quantity: 2 },
            { values: { PACK: 'PLAIN' }, quantity: 1 },
          ],
        },
        { sku_id: 's2', quantity: 0, options: [] },
      ],
      desired_delivery_date: '2026-05-01',
      note_to_buyer_company: 'For the Ginza shop',
      message_to_brand: 'Please wrap',
    });
  });

  it('leaves the date out when the brand does not take one, and rows out without options', () => {
    const values = initialItemValues(tote);
    values.skus = values.skus.map((row) => ({ ...row, quantity: 5 }));
    values.desired_delivery_date = '2026-05-01';
    expect(buildItemPayload(tote, values, false)).toEqual({
      product_id: 'p2',
      skus: [{ sku_id: 's2', quantity: 5, options: [] }],
      desired_delivery_date: null,
      note_to_buyer_company: '',
      message_to_brand: '',
    });
  });

  it('starts from the item already in the cart', () => {
    const item = {
      id: 'i1',
      product_id: 'p1',
      skus: [
        {
          sku_id: 's2',
          quantity: 2,
          options: [{ values: { PACK: 'PLAIN' }, labels: ['Plain'], quantity: 2 }],
        },
      ],
      desired_delivery_date: '2026-06-01',
      note_to_buyer_company: 'n',
      message_to_brand: 'm',
    } as unknown as CartItem;
    const values = initialItemValues(tee, item);
    expect(values.skus).toEqual([
      { sku_id: 's1', quantity: 0, options: [{ values: { PACK: '' }, quantity: 0 }] },
      { sku_id: 's2', quantity: 2, options: [{ values: { PACK: 'PLAIN' }, quantity: 2 }] },
    ]);
    expect(values.desired_delivery_date).toBe('2026-06-01');
  });
});

describe('problems next to lines', () => {
  it('sorts cart problems by SKU row', () => {
    const stock = { code: 'cart.stock_short', message: 'Only 3', loc: ['skus', 1, 'quantity'] };
    const closed = { code: 'cart.ordering_closed', message: 'Closed', loc: [] };
    const { bySku, general } = problemsBySku([stock, closed]);
    expect(bySku.get(1)).toEqual([stock]);
    expect(general).toEqual([closed]);
  });

  it('reads the lines a refused placement points at', () => {
    expect(
      lineErrors([
        {
          loc: ['items', 'i1', 'skus', 0, 'quantity'],
          type: 'stock.insufficient',
          msg: 'Not enough stock left.',
        },
        { loc: ['body', 'delivery_address_id'], type: 'order.address_required', msg: 'x' },
        { loc: ['body', 'items', 'i2'], type: 'cart.empty', msg: 'y' },
      ]),
    ).toEqual([
      { itemId: 'i1', skuIndex: 0, code: 'stock.insufficient', message: 'Not enough stock left.' },
      { itemId: 'i2', skuIndex: null, code: 'cart.empty', message: 'y' },
    ]);
  });
});

describe('the Idempotency-Key of "Place an order"', () => {
  it('is reused while the same attempt is retried, renewed after an answer or a change', () => {
    let n = 0;
    const key = new AttemptKey(() => `key-${++n}`);
    const form = { comment: '', payment_method: 'offline' };
    expect(key.for(form)).toBe('key-1');
    expect(key.for({ ...form })).toBe('key-1');
    expect(key.for({ ...form, comment: 'Rush' })).toBe('key-2');
    key.finish();
    expect(key.for({ ...form, comment: 'Rush' })).toBe('key-3');
  });

  it('uses random UUIDs by default', () => {
    const key = new AttemptKey();
    expect(key.for({})).toMatch(/^[0-9a-f-]{36}$/);
  });
});

it('writes today as YYYY-MM-DD in local time', () => {
  expect(todayIso(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
});
