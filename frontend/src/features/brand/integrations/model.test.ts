import { accessOf, NO_ACCESS, scopesOf, sortedEvents } from './model';

describe('API key scopes', () => {
  it('asks for one scope per area given access', () => {
    expect(scopesOf(NO_ACCESS)).toEqual([]);
    expect(scopesOf({ ...NO_ACCESS, orders: 'write', catalog: 'read' })).toEqual([
      'catalog:read',
      'orders:write',
    ]);
  });

  it('reads the access back, write winning over read', () => {
    expect(accessOf(['orders:read', 'orders:write', 'links:read'])).toEqual({
      ...NO_ACCESS,
      orders: 'write',
      links: 'read',
    });
    expect(accessOf(scopesOf({ ...NO_ACCESS, customers: 'read' }))).toEqual({
      ...NO_ACCESS,
      customers: 'read',
    });
  });
});

describe('webhook events', () => {
  it('come in the catalog order and drop unknown ones', () => {
    expect(sortedEvents(['stock.changed', 'order.placed', 'order.exploded'])).toEqual([
      'order.placed',
      'stock.changed',
    ]);
  });
});
