import {
  emptyGroup,
  previewSkus,
  pricesRequest,
  productFields,
  validatePrices,
  type GroupDraft,
} from './productForm';

function group(code: string, values: string[], names: Record<string, string> = {}): GroupDraft {
  return {
    ...emptyGroup(['en']),
    code,
    values: values.map((value) => ({
      key: value,
      code: value,
      name: { en: names[value] ?? '' },
    })),
  };
}

describe('previewSkus', () => {
  it('makes one SKU per combination, the first property varying slowest', () => {
    const skus = previewSkus('TEE-01', [
      group('COLOR', ['BLK', 'WHT'], { BLK: 'Black' }),
      group('SIZE', ['S', 'M', 'L']),
    ]);
    expect(skus.map((sku) => sku.code)).toEqual([
      'TEE-01_BLK_S',
      'TEE-01_BLK_M',
      'TEE-01_BLK_L',
      'TEE-01_WHT_S',
      'TEE-01_WHT_M',
      'TEE-01_WHT_L',
    ]);
    expect(skus[0]?.values).toEqual([
      { property: 'COLOR', value: 'BLK', valueName: { en: 'Black' } },
      { property: 'SIZE', value: 'S', valueName: { en: '' } },
    ]);
  });

  it('makes a single SKU coded as the model without properties', () => {
    expect(previewSkus(' BAG-9 ', [])).toEqual([{ code: 'BAG-9', values: [] }]);
  });

  it('leaves out properties and values that have no code yet', () => {
    const skus = previewSkus('CAP', [
      group('COLOR', ['RED', ' ', '']),
      group('', ['X']),
      group('SIZE', []),
    ]);
    expect(skus.map((sku) => sku.code)).toEqual(['CAP_RED']);
  });

  it('handles three properties', () => {
    const skus = previewSkus('M', [
      group('A', ['1', '2']),
      group('B', ['x', 'y']),
      group('C', ['p', 'q']),
    ]);
    expect(skus).toHaveLength(8);
    expect(skus[7]?.code).toBe('M_2_y_q');
  });
});

describe('price grid values', () => {
  const terms = [{ id: 'wsp' }, { id: 'rrp' }];
  const currencies = ['JPY', 'USD'];

  it('sends every filled cell in minor units, terms × currencies in grid order', () => {
    const result = pricesRequest(
      { 'wsp:JPY': '5,800', 'wsp:USD': '38.50', 'rrp:USD': '', 'rrp:JPY': '12000' },
      terms,
      currencies,
    );
    expect(result.prices).toEqual([
      { term_id: 'wsp', currency: 'JPY', amount: 5800 },
      { term_id: 'wsp', currency: 'USD', amount: 3850 },
      { term_id: 'rrp', currency: 'JPY', amount: 12000 },
    ]);
    expect(result.keys).toEqual(['wsp:JPY', 'wsp:USD', 'rrp:JPY']);
  });

  it('reports cells with too many decimals for their currency', () => {
    expect(validatePrices({ 'wsp:JPY': '5800.5', 'wsp:USD': '1.999' }, terms, currencies)).toEqual({
      'wsp:JPY': 'JPY amounts have no decimals.',
      'wsp:USD': 'USD amounts have at most 2 decimals.',
    });
  });

  it('puts an API error on a price back on the cell it came from', () => {
    const resolve = productFields(['wsp:JPY', 'rrp:USD']);
    expect(resolve('prices.1.amount')).toBe('prices.rrp:USD');
    expect(resolve('prices.5.amount')).toBeNull();
    expect(resolve('sku_properties.0.values.1.code')).toBe('sku_properties.0.values.1.code');
    expect(resolve('model_number')).toBe('model_number');
  });
});
