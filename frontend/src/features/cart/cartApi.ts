import { queryOptions } from '@tanstack/react-query';

import { api, type Schemas } from '../../lib/api';
import { unwrap } from '../../lib/problem';
import { linkApi } from '../store/storeApi';

export type Cart = Schemas['CartRead'];
export type CartItem = Schemas['CartItemRead'];
export type Checkout = Schemas['CheckoutRead'];
export type OrderForm = Schemas['OrderForm'];
export type OrderPreview = Schemas['OrderPreview'];
export type PlacedOrder = Schemas['BuyerOrderRead'];

/**
 * Whose cart: a link visitor (a guest with the link grant, or once logged in and an
 * organization was chosen for this link, that organization's cart on the link), or a standard
 * order of a buyer organization.
 */
export type CartAccess =
  | {
      kind: 'link';
      token: string;
      grant: string;
      /** The organization the cart belongs to on this link; null: the guest cart. */
      orgId: string | null;
      /** A user session is there (its token goes along with the grant). */
      authenticated: boolean;
      currency?: string;
    }
  | { kind: 'organization'; orgId: string };

export const cartKeys = {
  all: ['cart'] as const,
};

function accessKey(access: CartAccess) {
  return access.kind === 'link'
    ? (['link', access.token, access.grant, access.orgId ?? '-', access.currency ?? ''] as const)
    : (['organization', access.orgId] as const);
}

/** The client for an access: link guests never send (nor refresh) a user session. */
function client(access: CartAccess) {
  return access.kind === 'link' && !access.authenticated ? linkApi : api;
}

function header(access: CartAccess): { 'X-Link-Grant'?: string } {
  return access.kind === 'link' ? { 'X-Link-Grant': access.grant } : {};
}

/** The active cart of a catalog (opened on first use: the API finds or creates it). */
export function catalogCartQuery(access: CartAccess, catalogId: string, locale: string) {
  return queryOptions({
    queryKey: [...cartKeys.all, ...accessKey(access), catalogId, locale] as const,
    queryFn: () =>
      unwrap(
        client(access).POST('/api/v1/carts', {
          params: { header: header(access), query: { locale } },
          body: {
            catalog_id: catalogId,
            buyer_organization_id: access.orgId ?? null,
            currency: access.kind === 'link' ? (access.currency ?? null) : null,
          },
        }),
      ),
  });
}

export function checkoutQuery(access: CartAccess, cartId: string, locale: string) {
  return queryOptions({
    queryKey: [...cartKeys.all, 'checkout', cartId, locale] as const,
    queryFn: () =>
      unwrap(
        client(access).GET('/api/v1/carts/{cart_id}/checkout', {
          params: { path: { cart_id: cartId }, header: header(access), query: { locale } },
        }),
      ),
  });
}

export function addItem(access: CartAccess, cartId: string, body: Schemas['CartItemCreate']) {
  return unwrap(
    client(access).POST('/api/v1/carts/{cart_id}/items', {
      params: { path: { cart_id: cartId }, header: header(access) },
      body,
    }),
  );
}

export function updateItem(
  access: CartAccess,
  cartId: string,
  itemId: string,
  body: Schemas['CartItemUpdate'],
) {
  return unwrap(
    client(access).PATCH('/api/v1/carts/{cart_id}/items/{item_id}', {
      params: { path: { cart_id: cartId, item_id: itemId }, header: header(access) },
      body,
    }),
  );
}

export function removeItem(access: CartAccess, cartId: string, itemId: string) {
  return unwrap(
    client(access).DELETE('/api/v1/carts/{cart_id}/items/{item_id}', {
      params: { path: { cart_id: cartId, item_id: itemId }, header: header(access) },
    }),
  );
}

export function claimCart(access: CartAccess, cartId: string, orgId: string | null) {
  return unwrap(
    api.POST('/api/v1/carts/{cart_id}/claim', {
      params: { path: { cart_id: cartId }, header: header(access) },
      body: { buyer_organization_id: orgId },
    }),
  );
}

export function previewOrder(access: CartAccess, cartId: string, form: OrderForm, locale: string) {
  return unwrap(
    client(access).POST('/api/v1/carts/{cart_id}/preview', {
      params: { path: { cart_id: cartId }, header: header(access), query: { locale } },
      body: form,
    }),
  );
}

/** One `POST /carts/{id}/orders`, answered as is (see the payments feature's `placeOrder`). */
export function sendOrder(
  access: CartAccess,
  cartId: string,
  form: OrderForm,
  idempotencyKey: string,
  locale: string,
) {
  return client(access).POST('/api/v1/carts/{cart_id}/orders', {
    params: {
      path: { cart_id: cartId },
      header: { ...header(access), 'Idempotency-Key': idempotencyKey },
      query: { locale },
    },
    body: form,
  });
}

export function placeOrder(
  access: CartAccess,
  cartId: string,
  form: OrderForm,
  idempotencyKey: string,
  locale: string,
) {
  return unwrap(sendOrder(access, cartId, form, idempotencyKey, locale));
}
