import { ORDER_STATUSES, type OrderStatus } from './status';

/**
 * The orders lists' filters as they stand in the URL: plain strings, so links are readable
 * (`?status=placed,confirmed&from=2026-04-01&to=2026-04-30&buyer=…`). Anything unknown or
 * malformed is dropped rather than sent to the API.
 */
export interface OrdersSearch {
  /** Statuses, comma-separated. */
  status?: string;
  /** First day placed (YYYY-MM-DD, this browser's calendar). */
  from?: string;
  /** Last day placed, inclusive. */
  to?: string;
  /** Buyer side: a brand id. */
  brand?: string;
  /** Brand side: a buyer organization id. */
  buyer?: string;
  catalog?: string;
  link?: string;
}

/** The same filters as the form edits them. */
export interface OrderFilters {
  statuses: OrderStatus[];
  from: string;
  to: string;
  brand: string;
  buyer: string;
  catalog: string;
  link: string;
}

export const NO_FILTERS: OrderFilters = {
  statuses: [],
  from: '',
  to: '',
  brand: '',
  buyer: '',
  catalog: '',
  link: '',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function id(value: unknown): string | undefined {
  return typeof value === 'string' && UUID.test(value) ? value.toLowerCase() : undefined;
}

/** A real calendar day written YYYY-MM-DD. */
export function isDay(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1;
}

function day(value: unknown): string | undefined {
  return isDay(value) ? value : undefined;
}

function statuses(value: unknown): OrderStatus[] {
  const parts = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : [];
  // In the lifecycle order, each once, whatever order the URL had.
  return ORDER_STATUSES.filter((status) => parts.includes(status));
}

/** Drops the empty values, so the URL only carries the filters in use. */
function compact(search: OrdersSearch): OrdersSearch {
  return Object.fromEntries(
    Object.entries(search).filter(([, value]) => value !== undefined && value !== ''),
  );
}

/** Reads the URL search of an orders list (the route's `validateSearch`). */
export function parseOrdersSearch(search: Record<string, unknown>): OrdersSearch {
  return compact({
    status: statuses(search.status).join(','),
    from: day(search.from),
    to: day(search.to),
    brand: id(search.brand),
    buyer: id(search.buyer),
    catalog: id(search.catalog),
    link: id(search.link),
  });
}

export function filtersFromSearch(search: OrdersSearch): OrderFilters {
  return {
    statuses: statuses(search.status),
    from: day(search.from) ?? '',
    to: day(search.to) ?? '',
    brand: id(search.brand) ?? '',
    buyer: id(search.buyer) ?? '',
    catalog: id(search.catalog) ?? '',
    link: id(search.link) ?? '',
  };
}

export function searchFromFilters(filters: OrderFilters): OrdersSearch {
  return parseOrdersSearch({
    status: filters.statuses.join(','),
    from: filters.from,
    to: filters.to,
    brand: filters.brand,
    buyer: filters.buyer,
    catalog: filters.catalog,
    link: filters.link,
  });
}

export function hasFilters(search: OrdersSearch): boolean {
  return Object.keys(compact(search)).length > 0;
}

/** Local midnight of a day as an instant; `plusDays` moves along the calendar. */
function startOfDay(value: string, plusDays = 0): string {
  const [year, month, date] = value.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, date + plusDays).toISOString();
}

/** The date range as the API takes it: placed at or after `from`'s start, before `to`'s end. */
export function placedRange(search: OrdersSearch): { placed_from?: string; placed_to?: string } {
  const from = day(search.from);
  const to = day(search.to);
  return {
    ...(from ? { placed_from: startOfDay(from) } : {}),
    ...(to ? { placed_to: startOfDay(to, 1) } : {}),
  };
}

/** Query parameters of `GET /buyer-organizations/{org_id}/orders`. */
export function buyerOrdersQuery(search: OrdersSearch) {
  const filters = filtersFromSearch(search);
  return {
    ...(filters.statuses.length > 0 ? { status: filters.statuses } : {}),
    ...(filters.brand ? { brand_id: filters.brand } : {}),
    ...placedRange(search),
  };
}

/** Query parameters of `GET /brands/{brand_id}/orders` (and of its CSV export). */
export function brandOrdersQuery(search: OrdersSearch) {
  const filters = filtersFromSearch(search);
  return {
    ...(filters.statuses.length > 0 ? { status: filters.statuses } : {}),
    ...(filters.buyer ? { buyer_organization_id: filters.buyer } : {}),
    ...(filters.catalog ? { catalog_id: filters.catalog } : {}),
    ...(filters.link ? { link_id: filters.link } : {}),
    ...placedRange(search),
  };
}
