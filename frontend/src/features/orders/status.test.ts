import {
  actionResult,
  allowedActions,
  isOpen,
  needsConfirmation,
  ORDER_STATUSES,
  type OrderAction,
} from './status';

describe('allowedActions', () => {
  it('offers confirm, reject and return to cart on a placed order', () => {
    expect(allowedActions('placed')).toEqual(['confirm', 'reject', 'return-to-cart']);
  });

  it('offers ship, reject and return to cart on a confirmed order', () => {
    expect(allowedActions('confirmed')).toEqual(['ship', 'reject', 'return-to-cart']);
  });

  it('offers only complete on a shipped order', () => {
    expect(allowedActions('shipped')).toEqual(['complete']);
  });

  it.each(['completed', 'rejected', 'returned_to_cart'] as const)(
    'offers nothing on a %s order (final)',
    (status) => {
      expect(allowedActions(status)).toEqual([]);
      expect(isOpen(status)).toBe(false);
    },
  );

  it('only leads forward: every action moves to a status listed after the current one', () => {
    for (const status of ORDER_STATUSES) {
      for (const action of allowedActions(status)) {
        expect(ORDER_STATUSES.indexOf(actionResult(action))).toBeGreaterThan(
          ORDER_STATUSES.indexOf(status),
        );
      }
    }
  });
});

describe('needsConfirmation', () => {
  it('asks before rejecting or returning to the cart, not before the forward steps', () => {
    const asked = (['confirm', 'ship', 'complete', 'reject', 'return-to-cart'] as OrderAction[])
      .filter(needsConfirmation)
      .sort();
    expect(asked).toEqual(['reject', 'return-to-cart']);
  });
});
