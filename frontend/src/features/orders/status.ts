import type { Schemas } from '../../lib/api';

export type OrderStatus = Schemas['OrderStatus'];

/** Every status, in the order an order moves through them (the closed ones last). */
export const ORDER_STATUSES: readonly OrderStatus[] = [
  'placed',
  'confirmed',
  'shipped',
  'completed',
  'rejected',
  'returned_to_cart',
];

/** What a brand can do to an order; each is a `POST …/orders/{id}/<path>`. */
export type OrderAction = 'confirm' | 'ship' | 'complete' | 'reject' | 'return-to-cart';

/**
 * The actions allowed from a status (DOMAIN.md §7), in the order the page shows them:
 * placed → confirm, reject, return to cart; confirmed → ship, reject, return to cart;
 * shipped → complete; completed, rejected and returned to cart are final.
 */
export function allowedActions(status: OrderStatus): OrderAction[] {
  switch (status) {
    case 'placed':
      return ['confirm', 'reject', 'return-to-cart'];
    case 'confirmed':
      return ['ship', 'reject', 'return-to-cart'];
    case 'shipped':
      return ['complete'];
    default:
      return [];
  }
}

/** Actions that cannot be undone and change what the buyer has: asked in a modal first. */
export function needsConfirmation(action: OrderAction): boolean {
  return action === 'reject' || action === 'return-to-cart';
}

/** The status an action leads to. */
export function actionResult(action: OrderAction): OrderStatus {
  const results: Record<OrderAction, OrderStatus> = {
    confirm: 'confirmed',
    ship: 'shipped',
    complete: 'completed',
    reject: 'rejected',
    'return-to-cart': 'returned_to_cart',
  };
  return results[action];
}

/** Whether an order is still open (the brand may still act on it). */
export function isOpen(status: OrderStatus): boolean {
  return allowedActions(status).length > 0;
}

/** The badge colour of a status. */
export function statusColor(status: OrderStatus): string {
  const colors: Record<OrderStatus, string> = {
    placed: 'blue',
    confirmed: 'teal',
    shipped: 'indigo',
    completed: 'green',
    rejected: 'red',
    returned_to_cart: 'orange',
  };
  return colors[status];
}
