import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { expect, test, type Browser, type Page } from '@playwright/test';

import {
  connectCustomer,
  logIn,
  placeOrderViaApi,
  setUpShop,
  shopProduct,
  type Shop,
} from './helpers';

// Integrations, as a brand owner sets them up: an API key (secret shown once, copied), a
// webhook endpoint on a real local HTTP server, an order whose signed `order.placed` the
// server receives, the delivery log with its answer and a replay, and the key revoked.

interface Received {
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A webhook receiver on 127.0.0.1, as an integrator's server would be. */
async function startReceiver(): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks) });
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/showroom-hooks`, received, server };
}

/** docs/integrating.md's check: HMAC-SHA256 of "<t>.<raw body>" with the endpoint's secret. */
function signatureValid(secret: string, header: string, body: Buffer): boolean {
  const fields = header.split(',').map((part) => part.trim().split('='));
  const timestamp = fields.find(([key]) => key === 't')?.[1] ?? '';
  const given = Buffer.from(fields.find(([key]) => key === 'v1')?.[1] ?? '', 'hex');
  const expected = createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function logInAt(browser: Browser, baseURL: string, email: string, to: string) {
  const context = await browser.newContext({
    baseURL,
    locale: 'en-US',
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  const page = await context.newPage();
  await page.goto(`/login?redirect=${encodeURIComponent(to)}`);
  await logIn(page, email);
  await expect(page).toHaveURL(new RegExp(`${to}$`));
  return page;
}

async function openSection(page: Page, name: string) {
  await page
    .getByRole('navigation', { name: 'Brand sections' })
    .getByRole('link', { name })
    .click();
  await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();
}

async function orderTee(
  request: Parameters<typeof placeOrderViaApi>[0],
  shop: Shop,
  buyer: { email: string; orgId: string },
) {
  const tee = await shopProduct(shop, 'TEE-01');
  const black = tee.skus.find((sku) => sku.values.COLOR === 'BLK');
  if (!black) throw new Error('no black SKU');
  return placeOrderViaApi(request, buyer, shop.catalogs[0].id, [
    {
      product_id: tee.id,
      skus: [
        { sku_id: black.id, quantity: 2, options: [{ values: { PACK: 'GIFT' }, quantity: 2 }] },
      ],
    },
  ]);
}

test('a brand owner connects an integration: API key, signed webhooks, delivery log, revoke', async ({
  browser,
  baseURL,
  request,
}) => {
  const receiver = await startReceiver();
  try {
    const shop = await setUpShop(request, 'Mori Integrations');
    const buyer = await connectCustomer(request, shop, 'Tanaka Select', 50);
    const page = await logInAt(
      browser,
      baseURL ?? '',
      shop.ownerEmail,
      `/brand/${shop.brandId}/profile`,
    );

    // API keys: an empty state, then a key for the ERP with orders and catalog access.
    await openSection(page, 'API keys');
    await expect(page.getByText('No API keys yet')).toBeVisible();
    await page.getByRole('button', { name: 'Create an API key' }).first().click();
    const create = page.getByRole('dialog', { name: 'Create an API key' });
    // The name field has the focus: the form is usable from the keyboard.
    await expect(create.getByRole('textbox', { name: /Name/ })).toBeFocused();
    await page.keyboard.type('ERP');
    await create
      .getByRole('radiogroup', { name: /Orders/ })
      .getByRole('radio', { name: 'Read and write' })
      .check();
    await create
      .getByRole('radiogroup', { name: /Catalog/ })
      .getByRole('radio', { name: 'Read', exact: true })
      .check();
    await create.getByRole('button', { name: 'Create key' }).click();

    const created = page.getByRole('dialog', { name: 'API key created' });
    await expect(created).toContainText('it is shown this once');
    const secret = (await created.locator('pre').innerText()).trim();
    expect(secret).toMatch(/^sk_/);
    await created.getByRole('button', { name: 'Copy' }).click();
    await expect(created.getByRole('button', { name: 'Copied' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    await created.getByRole('button', { name: 'Done' }).click();
    const keyRow = page.getByRole('row', { name: /ERP/ });
    await expect(keyRow).toContainText('Orders: Read and write');
    await expect(keyRow).toContainText('Catalog: Read');
    await expect(keyRow).toContainText('Never');
    await expect(page.getByText(secret)).toHaveCount(0);

    const asErp = { Authorization: `Bearer ${secret}` };
    const exportUrl = `/api/v1/brands/${shop.brandId}/orders/export`;
    const before = await request.get(exportUrl, { headers: asErp });
    expect(before.status()).toBe(200);
    expect(((await before.json()) as { items: unknown[] }).items).toEqual([]);

    // Webhooks: an endpoint on the local receiver for order.placed.
    await openSection(page, 'Webhooks');
    await expect(page.getByText('No webhook endpoints yet')).toBeVisible();
    await page.getByRole('button', { name: 'Add an endpoint' }).first().click();
    const add = page.getByRole('dialog', { name: 'Add a webhook endpoint' });
    await add.getByRole('textbox', { name: /URL/ }).fill(receiver.url);
    await expect(add.getByRole('checkbox', { name: /order\.placed/ })).toBeChecked();
    await add.getByRole('checkbox', { name: /order\.status_changed/ }).check();
    await add.getByRole('button', { name: 'Add endpoint' }).click();
    const added = page.getByRole('dialog', { name: 'Endpoint added' });
    const signingSecret = (await added.locator('pre').innerText()).trim();
    expect(signingSecret).toMatch(/^whsec_/);
    await added.getByRole('button', { name: 'Done' }).click();
    const endpointRow = page.getByRole('row', { name: new RegExp(receiver.url) });
    await expect(endpointRow).toContainText('order.placed');
    await expect(endpointRow).toContainText('On');

    // A buyer orders; the worker posts the signed event to the receiver.
    const order = await orderTee(request, shop, buyer);
    await expect
      .poll(() => receiver.received.length, { timeout: 20_000 })
      .toBeGreaterThanOrEqual(1);
    const [first] = receiver.received;
    expect(first.headers['showroom-event-type']).toBe('order.placed');
    expect(
      signatureValid(signingSecret, String(first.headers['showroom-signature']), first.body),
    ).toBe(true);
    const event = JSON.parse(first.body.toString()) as {
      id: string;
      data: { id: string; number: string };
    };
    expect(event.data.number).toBe(order.number);

    // The ERP pulls the order with its key and acknowledges it.
    const pulled = (await (await request.get(exportUrl, { headers: asErp })).json()) as {
      items: { id: string }[];
    };
    expect(pulled.items.map((item) => item.id)).toEqual([order.id]);
    const ack = await request.post(`/api/v1/brands/${shop.brandId}/orders/acknowledge`, {
      headers: asErp,
      data: { order_ids: [order.id] },
    });
    expect(ack.status()).toBe(200);

    // The delivery log: delivered, HTTP 200; Replay sends the same event again.
    await endpointRow.getByRole('button', { name: 'Delivery log' }).click();
    const log = page.getByRole('dialog', { name: /Delivery log/ });
    const delivered = log.getByRole('row', { name: /order\.placed/ });
    await expect(delivered).toContainText('Delivered');
    await expect(delivered).toContainText('HTTP 200');
    await delivered.getByRole('button', { name: 'Attempts: 1' }).click();
    await expect(log.getByText(/\d+ ms/)).toBeVisible();
    await delivered.getByRole('button', { name: /Replay order\.placed/ }).click();
    await expect(page.getByText('The event will be sent again.')).toBeVisible();
    await expect
      .poll(() => receiver.received.length, { timeout: 20_000 })
      .toBeGreaterThanOrEqual(2);
    const replayed = JSON.parse(receiver.received[1].body.toString()) as { id: string };
    expect(replayed.id).toBe(event.id);
    // The log follows the replay until it is delivered.
    const again = log.getByRole('row', { name: /Sent again \(replay\)/ });
    await expect(again).toContainText('Delivered', { timeout: 20_000 });
    await page.keyboard.press('Escape');
    await expect(log).toBeHidden();

    // Revoking the key, after confirming, shuts the ERP out at once.
    await openSection(page, 'API keys');
    await page.getByRole('button', { name: 'Revoke the API key ERP' }).click();
    const confirm = page.getByRole('dialog', { name: 'Revoke the API key “ERP”?' });
    await confirm.getByRole('button', { name: 'Revoke' }).click();
    await expect(page.getByRole('row', { name: /ERP/ })).toContainText('Revoked');
    const refused = await request.get(exportUrl, { headers: asErp });
    expect(refused.status()).toBe(401);
    expect(((await refused.json()) as { code: string }).code).toBe('api_key.invalid');
    await page.context().close();
  } finally {
    receiver.server.close();
  }
});
