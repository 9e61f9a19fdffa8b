import type { TFunction } from 'i18next';

import type { OrderAction, OrderStatus } from './status';

export function statusLabel(t: TFunction, status: OrderStatus): string {
  return t(`orders.status.${status}`);
}

/** `offline` is the manual's “Not Use Credit Card”; anything new shows as the API sends it. */
export function paymentMethodLabel(t: TFunction, method: string): string {
  if (method === 'offline') return t('orders.payment.offline');
  if (method === 'card') return t('orders.payment.card');
  return method;
}

export function actorSideLabel(t: TFunction, side: string): string {
  if (side === 'buyer') return t('orders.side.buyer');
  if (side === 'brand') return t('orders.side.brand');
  return t('orders.side.system');
}

export function actionLabel(t: TFunction, action: OrderAction): string {
  return t(`orders.actions.${action}`);
}

/** A calendar day from the API (YYYY-MM-DD) for people, without any time-zone shift. */
export function formatDay(day: string, locale: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(
    new Date(year, month - 1, date),
  );
}
