import { readFile } from 'node:fs/promises';

import { expect, test, type Browser, type Page } from '@playwright/test';

import {
  connectCustomer,
  createLink,
  logIn,
  placeOrderViaApi,
  setUpShop,
  shopProduct,
  waitForMail,
  type Shop,
} from './helpers';

// After the order (DOMAIN.md §7): orders placed through the API as a buyer's checkout places
// them, then the brand's order inbox and the buyer's Orders page in the browser.

const INTERNAL_NOTE = 'Budget line 42: keep for the Ginza shop only';
const MESSAGE = 'Please pack the gift boxes separately.';

/** The shop, an order link, a connected buyer and the tee's Black SKU (12 in stock). */
async function setUp(request: Parameters<typeof setUpShop>[0], brandName: string) {
  const shop = await setUpShop(request, brandName);
  const catalog = shop.catalogs[0];
  await createLink(shop, {
    kind: 'instant',
    name: 'SS26 select shops',
    catalog_ids: [catalog.id],
    terms: { transaction_term_id: shop.wspId, condition: 60 },
  });
  const buyer = await connectCustomer(request, shop, 'Tanaka Select', 50);
  const tee = await shopProduct(shop, 'TEE-01');
  const black = tee.skus.find((sku) => sku.values.COLOR === 'BLK');
  if (!black) throw new Error('no black SKU');
  return { shop, catalog, buyer, tee, black };
}

async function logInAt(browser: Browser, baseURL: string, email: string, to: string) {
  const context = await browser.newContext({ baseURL, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(`/login?redirect=${encodeURIComponent(to)}`);
  await logIn(page, email);
  await expect(page).toHaveURL(new RegExp(`${to}$`));
  return page;
}

async function openInbox(page: Page) {
  await page
    .getByRole('navigation', { name: 'Brand sections' })
    .getByRole('link', { name: 'Orders' })
    .click();
  await expect(page.getByRole('heading', { name: 'Orders', level: 2 })).toBeVisible();
}

async function stockOf(shop: Shop, sku: string): Promise<number> {
  const tee = await shopProduct(shop, 'TEE-01');
  return tee.skus.find((each) => each.id === sku)?.stock_quantity ?? Number.NaN;
}

test('the brand confirms an order from its inbox; the buyer follows it on the Orders page', async ({
  browser,
  baseURL,
  request,
}) => {
  const { shop, catalog, buyer, tee, black } = await setUp(request, 'Mori Knit');
  const order = await placeOrderViaApi(
    request,
    buyer,
    catalog.id,
    [
      {
        product_id: tee.id,
        skus: [
          { sku_id: black.id, quantity: 3, options: [{ values: { PACK: 'GIFT' }, quantity: 3 }] },
        ],
        note_to_buyer_company: INTERNAL_NOTE,
        message_to_brand: MESSAGE,
      },
    ],
    { comment: 'First order of the season.' },
  );
  expect(order.status).toBe('placed');
  await waitForMail(request, buyer.email, new RegExp(`Order ${order.number} sent to Mori Knit`));

  // The brand: Orders in the navigation, the order in the list.
  const brandPage = await logInAt(
    browser,
    baseURL ?? '',
    shop.ownerEmail,
    `/brand/${shop.brandId}/profile`,
  );
  await openInbox(brandPage);
  const orders = brandPage.getByRole('table', { name: 'Orders' });
  const row = orders.getByRole('row', { name: new RegExp(order.number) });
  await expect(row).toContainText('Tanaka Select');
  await expect(row).toContainText('Spring/Summer 2026');
  await expect(row).toContainText('Placed');
  // WSP ¥4,800 at 50 % = ¥2,400 × 3.
  await expect(row).toContainText('¥7,200');

  // The order: the message to the brand, never the buyer's internal note.
  await row.getByRole('link', { name: order.number }).click();
  await expect(
    brandPage.getByRole('heading', { name: `Order ${order.number}`, exact: true }),
  ).toBeVisible();
  await expect(brandPage.getByText(MESSAGE)).toBeVisible();
  await expect(brandPage.getByText('First order of the season.')).toBeVisible();
  await expect(brandPage.getByRole('row', { name: /Organic cotton tee/ })).toContainText(
    'Gift box × 3',
  );
  await expect(brandPage.getByText(INTERNAL_NOTE)).toHaveCount(0);
  expect(await brandPage.content()).not.toContain('Budget line 42');

  // Placed: Confirm, Reject, Return to cart; nothing else.
  const actions = brandPage.getByRole('group', { name: 'Order actions' });
  await expect(actions.getByRole('button')).toHaveText(['Confirm', 'Reject', 'Return to cart']);
  await actions.getByRole('button', { name: 'Confirm' }).click();
  await expect(brandPage.getByText(`Order ${order.number} is confirmed.`)).toBeVisible();
  await expect(actions.getByRole('button')).toHaveText([
    'Mark shipped',
    'Reject',
    'Return to cart',
  ]);
  const history = brandPage.getByRole('region', { name: 'Status history' });
  await expect(history.getByRole('listitem')).toHaveCount(2);
  await expect(history.getByRole('listitem').nth(1)).toContainText('Confirmed');
  await expect(history.getByRole('listitem').nth(1)).toContainText('Kenji Mori (Brand)');
  expect(await brandPage.content()).not.toContain('Budget line 42');
  await waitForMail(request, buyer.email, new RegExp(`Order ${order.number}: confirmed`));
  await brandPage.context().close();

  // The buyer: Orders tab, the order confirmed, the internal note and the whole history.
  const buyerPage = await logInAt(
    browser,
    baseURL ?? '',
    buyer.email,
    `/buyer/${buyer.orgId}/brands`,
  );
  await buyerPage
    .getByRole('navigation', { name: 'Buyer organization sections' })
    .getByRole('link', { name: 'Orders' })
    .click();
  const buyerRow = buyerPage
    .getByRole('table', { name: 'Orders' })
    .getByRole('row', { name: new RegExp(order.number) });
  await expect(buyerRow).toContainText('Mori Knit');
  await expect(buyerRow).toContainText('Confirmed');
  await expect(buyerRow).toContainText('¥7,200');
  await buyerRow.getByRole('link', { name: order.number }).click();
  await expect(
    buyerPage.getByRole('heading', { name: `Order ${order.number}`, exact: true }),
  ).toBeVisible();
  await expect(buyerPage.getByRole('region', { name: 'Internal notes' })).toContainText(
    INTERNAL_NOTE,
  );
  await expect(buyerPage.getByRole('region', { name: 'Messages to the brand' })).toContainText(
    MESSAGE,
  );
  await expect(buyerPage.getByText('Not Use Credit Card')).toBeVisible();
  const events = buyerPage.getByRole('region', { name: 'Status history' }).getByRole('listitem');
  await expect(events).toHaveCount(2);
  await expect(events.nth(0)).toContainText('Placed');
  await expect(events.nth(0)).toContainText('Aoi Tanaka (Buyer)');
  await expect(events.nth(1)).toContainText('Confirmed');
  await expect(events.nth(1)).toContainText('Kenji Mori (Brand)');
  // The buyer cannot act on the order.
  await expect(buyerPage.getByRole('button', { name: 'Confirm' })).toHaveCount(0);

  // Filters live in the URL: another status shows no order.
  await buyerPage.getByRole('link', { name: 'Back to orders' }).click();
  await buyerPage.goto(`/buyer/${buyer.orgId}/orders?status=shipped`);
  await expect(buyerPage.getByText('No orders match these filters')).toBeVisible();
  await buyerPage.getByRole('button', { name: 'Clear filters' }).click();
  await expect(buyerPage).toHaveURL(new RegExp(`/buyer/${buyer.orgId}/orders$`));
  await expect(buyerPage.getByRole('row', { name: new RegExp(order.number) })).toBeVisible();
});

test('a rejected order gives its stock back; a stale action shows the conflict; CSV export', async ({
  browser,
  baseURL,
  request,
}) => {
  const { shop, catalog, buyer, tee, black } = await setUp(request, 'Kawa Knit');
  const item = (quantity: number) => ({
    product_id: tee.id,
    skus: [{ sku_id: black.id, quantity, options: [{ values: { PACK: 'PLAIN' }, quantity }] }],
    note_to_buyer_company: INTERNAL_NOTE,
    message_to_brand: MESSAGE,
  });
  const first = await placeOrderViaApi(request, buyer, catalog.id, [item(2)]);
  const second = await placeOrderViaApi(request, buyer, catalog.id, [item(5)]);
  expect(await stockOf(shop, black.id)).toBe(12 - 2 - 5);

  const page = await logInAt(
    browser,
    baseURL ?? '',
    shop.ownerEmail,
    `/brand/${shop.brandId}/profile`,
  );
  await openInbox(page);
  const orders = page.getByRole('table', { name: 'Orders' });
  await expect(orders.getByRole('row')).toHaveCount(3);

  // Reject the second order: the modal says what happens first.
  await orders.getByRole('link', { name: second.number }).click();
  await page
    .getByRole('group', { name: 'Order actions' })
    .getByRole('button', { name: 'Reject' })
    .click();
  const dialog = page.getByRole('dialog', { name: `Reject order ${second.number}?` });
  await expect(dialog).toContainText('The stock it took is returned');
  await dialog
    .getByRole('textbox', { name: 'Note to the buyer (optional)' })
    .fill('Sold out for the season.');
  await dialog.getByRole('button', { name: 'Reject' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Order ${second.number} is rejected.`)).toBeVisible();
  await expect(
    page.getByRole('heading', { name: `Order ${second.number}`, exact: true }),
  ).toBeVisible();
  await expect(
    page.getByText('This order is closed: no further action is possible.'),
  ).toBeVisible();
  await expect(page.getByRole('region', { name: 'Status history' })).toContainText(
    'Sold out for the season.',
  );
  expect(await stockOf(shop, black.id)).toBe(12 - 2);
  const rejected = await waitForMail(
    request,
    buyer.email,
    new RegExp(`Order ${second.number}: rejected`),
  );
  expect(rejected.text_body).toContain('Sold out for the season.');

  // Back in the list: Rejected.
  await page.getByRole('link', { name: 'Back to orders' }).click();
  await expect(orders.getByRole('row', { name: new RegExp(second.number) })).toContainText(
    'Rejected',
  );

  // Someone else confirms the first order while this page still offers Confirm: 409, shown.
  await orders.getByRole('link', { name: first.number }).click();
  const actions = page.getByRole('group', { name: 'Order actions' });
  await expect(actions.getByRole('button', { name: 'Confirm' })).toBeVisible();
  await shop.api.post(`/api/v1/brands/${shop.brandId}/orders/${first.id}/confirm`, {});
  await actions.getByRole('button', { name: 'Confirm' }).click();
  const conflict = page.getByRole('alert').filter({ hasText: 'This action is no longer possible' });
  await expect(conflict).toContainText('The order changed in the meantime: it is now “Confirmed”.');
  await expect(actions.getByRole('button')).toHaveText([
    'Mark shipped',
    'Reject',
    'Return to cart',
  ]);

  // The CSV export follows the filters: only the rejected order.
  await page.goto(`/brand/${shop.brandId}/orders?status=rejected`);
  await expect(orders.getByRole('row')).toHaveCount(2);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.csv$/);
  const csv = await readFile(await file.path(), 'utf8');
  expect(csv).toContain('order_number');
  expect(csv).toContain(second.number);
  expect(csv).not.toContain(first.number);
  expect(csv).toContain(MESSAGE);
  expect(csv).not.toContain('Budget line 42');
});
