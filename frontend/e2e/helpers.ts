import { expect, type APIRequestContext, type Browser, type Page } from '@playwright/test';

export const PASSWORD = 'showroom2025';

/** A fresh address per run: the database is new each time, but reruns must not collide. */
export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
}

/** Picks an option of a Mantine Select (a combobox with a listbox of options). */
export async function choose(page: Page, label: string | RegExp, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/**
 * Reads the 6-digit sign-up code the way a newcomer would: in the SPA's development mailbox,
 * reloading until the outbox worker has delivered the e-mail.
 */
export async function readSignupCode(browser: Browser, baseURL: string, email: string) {
  const context = await browser.newContext({ baseURL, locale: 'en-US' });
  const mailbox = await context.newPage();
  await mailbox.goto(`/dev/mailbox?to=${encodeURIComponent(email)}`);
  const mail = mailbox.getByRole('listitem').filter({ hasText: 'Verify your e-mail' });
  await expect(async () => {
    await mailbox.getByRole('button', { name: 'Reload' }).click();
    await expect(mail).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  const body = await mail.locator('pre').innerText();
  await context.close();
  const code = /\b(\d{6})\b/.exec(body)?.[1];
  if (!code) throw new Error(`No 6-digit code in the mail: ${body}`);
  return code;
}

export async function logIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

/** The newest development-mailbox e-mail to an address whose subject matches, once delivered. */
export async function waitForMail(
  request: APIRequestContext,
  to: string,
  subject: RegExp,
): Promise<{ subject: string; text_body: string }> {
  let found: { subject: string; text_body: string } | undefined;
  await expect(async () => {
    const answer = await request.get(`/api/v1/dev/mailbox?to=${encodeURIComponent(to)}`);
    expect(answer.ok()).toBe(true);
    const mails = (await answer.json()) as { subject: string; text_body: string }[];
    found = mails.find((mail) => subject.test(mail.subject));
    expect(found).toBeDefined();
  }).toPass({ timeout: 20_000 });
  if (!found) throw new Error(`No mail to ${to}`);
  return found;
}

/** Signs a user up through the API (code from the development mailbox); returns nothing. */
export async function signUpViaApi(
  request: APIRequestContext,
  email: string,
  displayName: string,
): Promise<void> {
  const sent = await request.post('/api/v1/auth/signup/code', { data: { email, language: 'en' } });
  expect(sent.ok()).toBe(true);
  const mail = await waitForMail(request, email, /Verify your e-mail/);
  const code = /\b(\d{6})\b/.exec(mail.text_body)?.[1];
  if (!code) throw new Error(`No 6-digit code in the mail: ${mail.text_body}`);
  const created = await request.post('/api/v1/auth/signup', {
    data: {
      email,
      display_name: displayName,
      country: 'JP',
      phone: '03-1234-5678',
      language: 'en',
      password: PASSWORD,
      password_confirm: PASSWORD,
      accept_terms: true,
      verification_code: code,
    },
  });
  expect(created.ok(), await created.text()).toBe(true);
}

/** An access token for API set-up steps (the UI logs in on its own). */
export async function apiToken(request: APIRequestContext, email: string): Promise<string> {
  const answer = await request.post('/api/v1/auth/token', {
    form: { username: email, password: PASSWORD },
  });
  expect(answer.ok(), await answer.text()).toBe(true);
  return ((await answer.json()) as { access_token: string }).access_token;
}

// ---------------------------------------------------------------------------------------------
// Storefront set-up through the API (e2e/storefront.spec.ts): a brand with terms, products,
// catalogs, order links and a connected customer.
// ---------------------------------------------------------------------------------------------

/** An API caller acting with a user's access token; every answer must be a success. */
export function apiAs(request: APIRequestContext, token: string) {
  const headers = { Authorization: `Bearer ${token}` };
  async function call<T>(method: 'get' | 'post', path: string, data?: unknown): Promise<T> {
    const answer =
      method === 'get'
        ? await request.get(path, { headers })
        : await request.post(path, { headers, data });
    expect(answer.ok(), `${method.toUpperCase()} ${path}: ${await answer.text()}`).toBe(true);
    return (await answer.json()) as T;
  }
  return {
    get: <T>(path: string) => call<T>('get', path),
    post: <T>(path: string, data: unknown) => call<T>('post', path, data),
  };
}

export interface Shop {
  ownerEmail: string;
  brandId: string;
  brandName: string;
  wspId: string;
  catalogs: { id: string; name: string }[];
  api: ReturnType<typeof apiAs>;
}

/**
 * A brand (English, Japan) with WSP and RRP terms, a tee (2 colours, WSP ¥4,800, RRP ¥9,600,
 * 12 in stock per SKU) and a tote (WSP ¥2,000), in two open catalogs.
 */
export async function setUpShop(request: APIRequestContext, brandName: string): Promise<Shop> {
  const ownerEmail = uniqueEmail('shop-owner');
  await signUpViaApi(request, ownerEmail, 'Kenji Mori');
  const api = apiAs(request, await apiToken(request, ownerEmail));
  const brand = await api.post<{ id: string }>('/api/v1/brands', {
    name: { en: brandName },
    description: { en: 'Knitwear from Osaka.' },
    languages: ['en'],
    default_language: 'en',
    country: 'JP',
  });
  const base = `/api/v1/brands/${brand.id}`;
  const wsp = await api.post<{ id: string }>(`${base}/transaction-terms`, {
    code: 'WSP',
    name: { en: 'Wholesale price' },
    kind: 'rate',
  });
  const rrp = await api.post<{ id: string }>(`${base}/transaction-terms`, {
    code: 'RRP',
    name: { en: 'Retail price' },
    kind: 'rate',
    position: 1,
  });
  const value = (code: string, name: string) => ({ code, name: { en: name } });
  const tee = await api.post<{ id: string }>(`${base}/products`, {
    model_number: 'TEE-01',
    name: { en: 'Organic cotton tee' },
    description: { en: 'Heavy jersey, garment dyed.' },
    sku_properties: [
      {
        code: 'COLOR',
        name: { en: 'Colour' },
        values: [value('BLK', 'Black'), value('WHT', 'White')],
      },
    ],
    option_groups: [
      {
        code: 'PACK',
        name: { en: 'Packaging' },
        values: [value('GIFT', 'Gift box'), value('PLAIN', 'Plain')],
      },
    ],
    prices: [
      { term_id: wsp.id, currency: 'JPY', amount: 4800 },
      { term_id: rrp.id, currency: 'JPY', amount: 9600 },
    ],
    stock: { track_stock: true, stock_quantity: 12 },
  });
  const tote = await api.post<{ id: string }>(`${base}/products`, {
    model_number: 'TOTE-01',
    name: { en: 'Canvas tote' },
    prices: [{ term_id: wsp.id, currency: 'JPY', amount: 2000 }],
  });
  const catalogs = [];
  for (const [code, name] of [
    ['SS26', 'Spring/Summer 2026'],
    ['AW26', 'Autumn/Winter 2026'],
  ]) {
    const catalog = await api.post<{ id: string }>(`${base}/catalogs`, {
      code,
      name: { en: name },
      status: 'open',
      product_ids: [tee.id, tote.id],
    });
    catalogs.push({ id: catalog.id, name });
  }
  return { ownerEmail, brandId: brand.id, brandName, wspId: wsp.id, catalogs, api };
}

/** Creates an order link; returns its token. */
export async function createLink(shop: Shop, link: Record<string, unknown>): Promise<string> {
  const created = await shop.api.post<{ token: string }>(`/api/v1/brands/${shop.brandId}/links`, {
    languages: ['en'],
    currencies: ['JPY'],
    contacts: [{ name: 'Kenji Mori', email: 'kenji@example.com', phone: '+81 6-1234-5678' }],
    ...link,
  });
  return created.token;
}

/**
 * A buyer (account + organization) connected to the shop as a customer on its own terms (WSP
 * at `condition` %): the brand invites, the buyer accepts from the organization's list.
 */
export async function connectCustomer(
  request: APIRequestContext,
  shop: Shop,
  orgName: string,
  condition: number,
): Promise<{ email: string; orgId: string }> {
  const email = uniqueEmail('customer');
  await shop.api.post(`/api/v1/brands/${shop.brandId}/invitations`, {
    email,
    terms: { language: 'en', currency: 'JPY', transaction_term_id: shop.wspId, condition },
  });
  await signUpViaApi(request, email, 'Aoi Tanaka');
  const buyer = apiAs(request, await apiToken(request, email));
  const org = await buyer.post<{ id: string }>('/api/v1/buyer-organizations', {
    kind: 'organization',
    languages: ['en'],
    default_language: 'en',
    name: { en: orgName },
    representative: { en: 'Aoi Tanaka' },
    emails: [email],
    recipients: [email],
    country: 'JP',
    phone: '03-1234-5678',
    contact_email: email,
  });
  const invitations = await buyer.get<{ id: string; brand_id: string }[]>(
    `/api/v1/buyer-organizations/${org.id}/invitations`,
  );
  const invitation = invitations.find((each) => each.brand_id === shop.brandId);
  expect(invitation).toBeDefined();
  await buyer.post(
    `/api/v1/buyer-organizations/${org.id}/invitations/${invitation?.id}/accept`,
    {},
  );
  return { email, orgId: org.id };
}

// ---------------------------------------------------------------------------------------------
// Card payments (e2e/cards.spec.ts): a buyer with an organization, and localstripe's card field.
// ---------------------------------------------------------------------------------------------

/** A buyer account and its organization (English, Japan), set up through the API. */
export async function setUpBuyer(
  request: APIRequestContext,
  orgName: string,
): Promise<{ email: string; orgId: string }> {
  const email = uniqueEmail('card-buyer');
  await signUpViaApi(request, email, 'Aoi Tanaka');
  const buyer = apiAs(request, await apiToken(request, email));
  const org = await buyer.post<{ id: string }>('/api/v1/buyer-organizations', {
    kind: 'organization',
    languages: ['en'],
    default_language: 'en',
    name: { en: orgName },
    representative: { en: 'Aoi Tanaka' },
    emails: [email],
    recipients: [email],
    country: 'JP',
    phone: '03-1234-5678',
    contact_email: email,
  });
  return { email, orgId: org.id };
}

/**
 * Types a card into the Stripe card field labelled `label`. localstripe's Stripe.js (what
 * e2e/serve.sh runs) renders it as plain text inputs named by their placeholders: number,
 * exp_month, exp_year (2 digits), cvc, postal_code.
 */
export async function fillLocalStripeCard(
  page: Page,
  card: { number: string; expiry: string; cvc: string },
  label = 'Card',
): Promise<void> {
  const field = page.getByRole('group', { name: label, exact: true });
  const [month = '', year = ''] = card.expiry.split('/');
  await field.getByPlaceholder('number', { exact: true }).fill(card.number.replace(/\s/g, ''));
  await field.getByPlaceholder('exp_month', { exact: true }).fill(month);
  await field.getByPlaceholder('exp_year', { exact: true }).fill(year);
  await field.getByPlaceholder('cvc', { exact: true }).fill(card.cvc);
}

// ---------------------------------------------------------------------------------------------
// Ordering set-up through the API (e2e/ordering.spec.ts): brand settings, catalogs with a
// deadline, products with little stock, and another buyer's order that takes stock.
// ---------------------------------------------------------------------------------------------

/** Like {@link apiAs}, with PATCH too; every answer must be a success. */
export function apiWithPatch(request: APIRequestContext, token: string) {
  const headers = { Authorization: `Bearer ${token}` };
  return {
    ...apiAs(request, token),
    patch: async <T>(path: string, data: unknown): Promise<T> => {
      const answer = await request.patch(path, { headers, data });
      expect(answer.ok(), `PATCH ${path}: ${await answer.text()}`).toBe(true);
      return (await answer.json()) as T;
    },
  };
}

/** Changes the shop's brand settings (e.g. `{ delivery_date_allowed: true }`). */
export async function updateBrandSettings(
  request: APIRequestContext,
  shop: Shop,
  settings: Record<string, unknown>,
): Promise<void> {
  const api = apiWithPatch(request, await apiToken(request, shop.ownerEmail));
  await api.patch(`/api/v1/brands/${shop.brandId}/settings`, settings);
}

/** The ids of the shop's products by model number. */
export async function productIds(shop: Shop): Promise<Record<string, string>> {
  const page = await shop.api.get<{ items: { id: string; model_number: string }[] }>(
    `/api/v1/brands/${shop.brandId}/products?limit=100`,
  );
  return Object.fromEntries(page.items.map((product) => [product.model_number, product.id]));
}

/** A product with one SKU (no properties, no options) and `stock` units tracked, no backorder. */
export async function createScarceProduct(
  shop: Shop,
  modelNumber: string,
  name: string,
  stock: number,
): Promise<string> {
  const product = await shop.api.post<{ id: string }>(`/api/v1/brands/${shop.brandId}/products`, {
    model_number: modelNumber,
    name: { en: name },
    prices: [{ term_id: shop.wspId, currency: 'JPY', amount: 3000 }],
    stock: { track_stock: true, stock_quantity: stock },
  });
  return product.id;
}

/** An open catalog of the shop (optionally with an order deadline). */
export async function createCatalog(
  shop: Shop,
  code: string,
  name: string,
  productIdList: string[],
  orderDeadline: string | null = null,
): Promise<string> {
  const catalog = await shop.api.post<{ id: string }>(`/api/v1/brands/${shop.brandId}/catalogs`, {
    code,
    name: { en: name },
    status: 'open',
    product_ids: productIdList,
    order_deadline: orderDeadline,
  });
  return catalog.id;
}

/** A connected buyer orders `quantity` of every SKU of a product on the standard route. */
export async function orderViaApi(
  request: APIRequestContext,
  buyer: { email: string; orgId: string },
  catalogId: string,
  productId: string,
  quantity: number,
): Promise<string> {
  const api = apiAs(request, await apiToken(request, buyer.email));
  const cart = await api.post<{ id: string }>('/api/v1/carts', {
    catalog_id: catalogId,
    buyer_organization_id: buyer.orgId,
  });
  const products = await api.get<{ items: { id: string; skus: { id: string }[] }[] }>(
    `/api/v1/catalogs/${catalogId}/products?buyer_organization_id=${buyer.orgId}&limit=100`,
  );
  const product = products.items.find((each) => each.id === productId);
  expect(product).toBeDefined();
  await api.post(`/api/v1/carts/${cart.id}/items`, {
    product_id: productId,
    skus: (product?.skus ?? []).map((sku) => ({ sku_id: sku.id, quantity })),
  });
  const headers = {
    Authorization: `Bearer ${await apiToken(request, buyer.email)}`,
    'Idempotency-Key': `e2e-${Date.now()}-${Math.random()}`,
  };
  const placed = await request.post(`/api/v1/carts/${cart.id}/orders`, { headers, data: {} });
  expect(placed.ok(), await placed.text()).toBe(true);
  return ((await placed.json()) as { number: string }).number;
}

// ---------------------------------------------------------------------------------------------
// Orders through the API (e2e/orders.spec.ts): a product's SKUs as the brand sees them, and an
// order placed the way the buyer's cart and checkout place it.
// ---------------------------------------------------------------------------------------------

export interface ShopSku {
  id: string;
  code: string;
  values: Record<string, string>;
  stock_quantity: number;
}

/** A product of the shop by model number, with its SKUs and their stock. */
export async function shopProduct(
  shop: Shop,
  modelNumber: string,
): Promise<{ id: string; skus: ShopSku[] }> {
  const base = `/api/v1/brands/${shop.brandId}/products`;
  const page = await shop.api.get<{ items: { id: string; model_number: string }[] }>(
    `${base}?limit=100`,
  );
  const summary = page.items.find((item) => item.model_number === modelNumber);
  expect(summary, `no product ${modelNumber}`).toBeDefined();
  return shop.api.get<{ id: string; skus: ShopSku[] }>(`${base}/${summary?.id}`);
}

export interface CartItemInput {
  product_id: string;
  skus: {
    sku_id: string;
    quantity: number;
    options?: { values: Record<string, string>; quantity: number }[];
  }[];
  note_to_buyer_company?: string;
  message_to_brand?: string;
}

export interface PlacedOrder {
  id: string;
  number: string;
  status: string;
  amounts: { total: number; currency: string };
}

/**
 * Places an order on the standard route as a buyer would: opens the cart for the catalog, adds
 * the items, previews the order form and places it (with an Idempotency-Key).
 */
export async function placeOrderViaApi(
  request: APIRequestContext,
  buyer: { email: string; orgId: string },
  catalogId: string,
  items: CartItemInput[],
  form: { comment?: string; payment_method?: 'offline' | 'card' } = {},
): Promise<PlacedOrder> {
  const token = await apiToken(request, buyer.email);
  const api = apiAs(request, token);
  const cart = await api.post<{ id: string }>('/api/v1/carts', {
    buyer_organization_id: buyer.orgId,
    catalog_id: catalogId,
  });
  for (const item of items) await api.post(`/api/v1/carts/${cart.id}/items`, item);
  const body = { payment_method: 'offline', ...form };
  await api.post(`/api/v1/carts/${cart.id}/preview`, body);
  const placed = await request.post(`/api/v1/carts/${cart.id}/orders`, {
    headers: { Authorization: `Bearer ${token}`, 'Idempotency-Key': crypto.randomUUID() },
    data: body,
  });
  expect(placed.status(), await placed.text()).toBe(201);
  return (await placed.json()) as PlacedOrder;
}
