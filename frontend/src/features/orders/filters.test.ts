import {
  brandOrdersQuery,
  buyerOrdersQuery,
  filtersFromSearch,
  hasFilters,
  isDay,
  NO_FILTERS,
  parseOrdersSearch,
  searchFromFilters,
} from './filters';

const BRAND = '0b6a2f8e-3c1d-4e5f-8a9b-0c1d2e3f4a5b';
const BUYER = '1c7b3f9f-4d2e-4f60-9bac-1d2e3f4a5b6c';

describe('parseOrdersSearch', () => {
  it('keeps the filters in use and drops the empty ones', () => {
    expect(parseOrdersSearch({ status: 'placed', from: '', brand: BRAND })).toEqual({
      status: 'placed',
      brand: BRAND,
    });
    expect(parseOrdersSearch({})).toEqual({});
  });

  it('keeps known statuses only, once each, in lifecycle order', () => {
    expect(parseOrdersSearch({ status: 'shipped,bogus,placed,placed' })).toEqual({
      status: 'placed,shipped',
    });
    expect(parseOrdersSearch({ status: ['rejected', 'confirmed'] })).toEqual({
      status: 'confirmed,rejected',
    });
    expect(parseOrdersSearch({ status: 42 })).toEqual({});
  });

  it('refuses malformed ids and dates instead of sending them to the API', () => {
    expect(
      parseOrdersSearch({
        brand: 'not-an-id',
        buyer: 12,
        catalog: `${BRAND}x`,
        from: '2026-02-30',
        to: '26-01-01',
      }),
    ).toEqual({});
  });

  it('lower-cases ids', () => {
    expect(parseOrdersSearch({ link: BUYER.toUpperCase() })).toEqual({ link: BUYER });
  });
});

describe('filters ↔ URL search', () => {
  it('round-trips every filter', () => {
    const filters = {
      statuses: ['placed', 'confirmed'] as const,
      from: '2026-04-01',
      to: '2026-04-30',
      brand: BRAND,
      buyer: BUYER,
      catalog: BRAND,
      link: BUYER,
    };
    const search = searchFromFilters({ ...filters, statuses: [...filters.statuses] });
    expect(search).toEqual({
      status: 'placed,confirmed',
      from: '2026-04-01',
      to: '2026-04-30',
      brand: BRAND,
      buyer: BUYER,
      catalog: BRAND,
      link: BUYER,
    });
    expect(filtersFromSearch(search)).toEqual({ ...filters, statuses: ['placed', 'confirmed'] });
  });

  it('maps no filters to an empty search, and back', () => {
    expect(searchFromFilters(NO_FILTERS)).toEqual({});
    expect(filtersFromSearch({})).toEqual(NO_FILTERS);
    expect(hasFilters({})).toBe(false);
    expect(hasFilters({ status: 'placed' })).toBe(true);
  });
});

describe('API queries', () => {
  it('sends the buyer filters as the buyer list takes them', () => {
    expect(buyerOrdersQuery({ status: 'placed,shipped', brand: BRAND })).toEqual({
      status: ['placed', 'shipped'],
      brand_id: BRAND,
    });
    expect(buyerOrdersQuery({})).toEqual({});
  });

  it('sends the brand filters as the brand list and CSV take them', () => {
    expect(brandOrdersQuery({ buyer: BUYER, catalog: BRAND, link: BUYER, brand: BRAND })).toEqual({
      buyer_organization_id: BUYER,
      catalog_id: BRAND,
      link_id: BUYER,
    });
  });

  it('turns the day range into instants: from the first day’s start to the last day’s end', () => {
    const query = brandOrdersQuery({ from: '2026-04-01', to: '2026-04-30' });
    expect(query.placed_from).toBe(new Date(2026, 3, 1).toISOString());
    // "Placed before" the next local midnight: the whole last day is included.
    expect(query.placed_to).toBe(new Date(2026, 4, 1).toISOString());
    expect(brandOrdersQuery({ to: '2026-12-31' }).placed_to).toBe(
      new Date(2027, 0, 1).toISOString(),
    );
  });
});

describe('isDay', () => {
  it('accepts real days only', () => {
    expect(isDay('2028-02-29')).toBe(true);
    expect(isDay('2026-02-29')).toBe(false);
    expect(isDay('2026-13-01')).toBe(false);
    expect(isDay('yesterday')).toBe(false);
  });
});
