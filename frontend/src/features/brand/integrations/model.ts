import type { Schemas } from '../../../lib/api';
import { queryKeys } from '../../../lib/queries';

export type ApiKey = Schemas['ApiKeyRead'];
export type ApiScope = Schemas['ApiScope'];
export type WebhookEndpoint = Schemas['WebhookEndpointRead'];
export type WebhookDelivery = Schemas['WebhookDeliveryRead'];
export type EventType = Schemas['EventType'];
export type DeliveryStatus = Schemas['DeliveryStatus'];

/** The areas an API key is granted over, each read or write (write also reads). */
export const AREAS = ['catalog', 'customers', 'links', 'orders'] as const;
export type Area = (typeof AREAS)[number];
export const ACCESS_LEVELS = ['none', 'read', 'write'] as const;
export type Access = (typeof ACCESS_LEVELS)[number];
export type AccessByArea = Record<Area, Access>;

export const NO_ACCESS: AccessByArea = {
  catalog: 'none',
  customers: 'none',
  links: 'none',
  orders: 'none',
};

/** The scopes to ask for: one per area given access, `write` standing for both. */
export function scopesOf(access: AccessByArea): ApiScope[] {
  return AREAS.flatMap((area) => {
    const level = access[area];
    return level === 'none' ? [] : [`${area}:${level}` as const];
  });
}

/** What a key may do per area, read back from its scopes. */
export function accessOf(scopes: readonly ApiScope[]): AccessByArea {
  const access = { ...NO_ACCESS };
  for (const scope of scopes) {
    const [area, level] = scope.split(':') as [Area, 'read' | 'write'];
    if (level === 'write' || access[area] === 'none') access[area] = level;
  }
  return access;
}

export const EVENT_TYPES: readonly EventType[] = [
  'order.placed',
  'order.updated',
  'order.status_changed',
  'customer.connected',
  'link.updated',
  'product.updated',
  'stock.changed',
];

/** The event types in the catalog's order, whatever order they were given in. */
export function sortedEvents(events: readonly string[]): EventType[] {
  return EVENT_TYPES.filter((event) => events.includes(event));
}

export function deliveryStatusColor(status: DeliveryStatus): string {
  return { pending: 'yellow', succeeded: 'green', failed: 'red' }[status];
}

export const integrationKeys = {
  apiKeys: (brandId: string) => [...queryKeys.brand(brandId), 'api-keys'] as const,
  endpoints: (brandId: string) => [...queryKeys.brand(brandId), 'webhook-endpoints'] as const,
  deliveries: (brandId: string, endpointId: string) =>
    [...queryKeys.brand(brandId), 'webhook-endpoints', endpointId, 'deliveries'] as const,
};
