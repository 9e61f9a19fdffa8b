import { expect, test, type Page } from '@playwright/test';

import {
  choose,
  connectCustomer,
  createCatalog,
  createLink,
  createScarceProduct,
  logIn,
  orderViaApi,
  PASSWORD,
  productIds,
  setUpShop,
  uniqueEmail,
  updateBrandSettings,
  waitForMail,
} from './helpers';

// Ordering (DOMAIN.md §6): add to cart, the cart, checkout on a link, the "Place an order"
// modal of standard orders, and the refusals. Data is set up through the API.

function isoDaysAhead(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

async function createAddress(page: Page, kind: 'Billing' | 'Delivery', recipient: string) {
  await page.getByRole('button', { name: `Create a New ${kind} Address` }).click();
  const dialog = page.getByRole('dialog', { name: `Create a New ${kind} Address` });
  await dialog
    .getByRole('textbox', { name: kind === 'Billing' ? 'Bill to' : 'Delivery to' })
    .fill(recipient);
  await dialog.getByRole('textbox', { name: 'Postal Code' }).fill('150-0001');
  await dialog.getByRole('textbox', { name: 'State/Province' }).fill('Tokyo');
  await dialog.getByRole('textbox', { name: 'City' }).fill('Shibuya-ku');
  await dialog.getByRole('textbox', { name: 'Address Line 1' }).fill('1-2-3 Jingumae');
  await dialog.getByRole('textbox', { name: 'Phone Number' }).fill('03-1234-5678');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toBeHidden();
}

test('a guest orders through a passcode link; the brand confirms; the buyer follows it', async ({
  page,
  request,
  browser,
  baseURL,
}) => {
  const shop = await setUpShop(request, 'Kumo Ordering');
  await updateBrandSettings(request, shop, { delivery_date_allowed: true });
  const token = await createLink(shop, {
    kind: 'instant',
    name: 'SS26 for select shops',
    catalog_ids: [shop.catalogs[0]?.id],
    passcode: 'spring-26',
    terms: { transaction_term_id: shop.wspId, condition: 60, billing_term: 'without_deposit' },
  });

  await page.goto(`/l/${token}`);
  await page.getByRole('textbox', { name: 'Passcode' }).fill('spring-26');
  await page.getByRole('button', { name: 'Open the link' }).click();
  await expect(page.getByRole('heading', { name: 'Spring/Summer 2026', level: 1 })).toBeVisible();
  const products = page.getByRole('list', { name: 'Products' });

  // The tee: 3 black split over two option rows, a delivery date, a note and a message.
  await products
    .getByRole('listitem', { name: 'Organic cotton tee' })
    .getByRole('button', { name: 'Add to cart' })
    .click();
  let dialog = page.getByRole('dialog', { name: 'Add to cart: Organic cotton tee' });
  await dialog.getByRole('textbox', { name: 'Order quantity for Black' }).fill('3');
  await choose(page, 'Packaging for Black, option 1', 'Gift box');
  await expect(dialog.getByText('Options: 3 of 3')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Quantity for Black, option 1' }).fill('2');
  await expect(dialog.getByText('Options: 2 of 3')).toBeVisible();
  await dialog.getByRole('button', { name: 'Add an option for Black' }).click();
  await choose(page, 'Packaging for Black, option 2', 'Plain');
  await expect(dialog.getByRole('textbox', { name: 'Quantity for Black, option 2' })).toHaveValue(
    '1',
  );
  await expect(dialog.getByText('Options: 3 of 3')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Desired Delivery Date' }).fill(isoDaysAhead(30));
  await dialog.getByRole('textbox', { name: 'Note to share with buyer company' }).fill('Ginza');
  await dialog.getByRole('textbox', { name: 'Message to share with brand' }).fill('Gift wrap');
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(dialog).toBeHidden();

  // The tote: no options, 2 of them.
  await products
    .getByRole('listitem', { name: 'Canvas tote' })
    .getByRole('button', { name: 'Add to cart' })
    .click();
  dialog = page.getByRole('dialog', { name: 'Add to cart: Canvas tote' });
  await dialog.getByRole('textbox', { name: /Order quantity for/ }).fill('2');
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(dialog).toBeHidden();

  // Both are in the cart; the header counts them.
  await expect(page.getByRole('link', { name: 'Cart (2 items)' })).toBeVisible();
  await page.getByRole('link', { name: 'Check your cart' }).click();
  await expect(page.getByRole('heading', { name: 'Cart', level: 1 })).toBeVisible();
  const items = page.getByRole('list', { name: 'Cart items' });
  const teeItem = items.getByRole('listitem', { name: 'Organic cotton tee' });
  await expect(teeItem).toContainText('Gift box × 2');
  await expect(teeItem).toContainText('Plain × 1');
  await expect(teeItem).toContainText('Ginza');
  await expect(teeItem).toContainText('Gift wrap');
  await expect(page.getByTestId('cart-total-quantity')).toHaveText('5');

  // Edit the tee: one white as well.
  await teeItem.getByRole('button', { name: 'Edit cart item' }).click();
  dialog = page.getByRole('dialog', { name: 'Edit cart item: Organic cotton tee' });
  await expect(dialog.getByRole('textbox', { name: 'Order quantity for Black' })).toHaveValue('3');
  await dialog.getByRole('textbox', { name: 'Order quantity for White' }).fill('1');
  await choose(page, 'Packaging for White, option 1', 'Plain');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('cart-total-quantity')).toHaveText('6');
  // 6 × ¥2,880 (tee) … tee 4 × 2,880 = 11,520; tote 2 × 1,200 = 2,400.
  await expect(page.getByTestId('cart-subtotal')).toHaveText('¥13,920');

  // Checkout: sign up right there, no code.
  await page.getByRole('link', { name: 'Proceed to order' }).click();
  await expect(page.getByRole('heading', { name: 'Checkout', level: 1 })).toBeVisible();
  const email = uniqueEmail('guest-buyer');
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByRole('textbox', { name: 'Display name' }).fill('Hana Sato');
  await choose(page, 'Country', 'Japan');
  await page.getByRole('textbox', { name: 'Phone Number' }).fill('03-1234-5678');
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
  await page.getByRole('textbox', { name: 'Password (again)' }).fill(PASSWORD);
  await page.getByRole('checkbox', { name: 'I accept the terms of service' }).check();
  await page.getByRole('button', { name: 'Sign up and continue' }).click();

  // Create the buyer organization inline, then use it to check out.
  await expect(page.getByText('Buyer Organization To Use Checkout')).toBeVisible();
  await page.getByRole('button', { name: 'Create a New Buyer Organization' }).click();
  const modal = page.getByRole('dialog', { name: 'Create a New Buyer Organization' });
  await modal.getByRole('checkbox', { name: 'English' }).check();
  await modal.getByRole('button', { name: 'Next' }).click();
  await modal.getByRole('textbox', { name: 'Buyer Company/Organization Name' }).fill('Hana Select');
  await modal.getByRole('textbox', { name: 'Name of Representative' }).fill('Hana Sato');
  await modal.getByRole('button', { name: 'Next' }).click();
  await modal.getByRole('button', { name: 'Create' }).click();
  await modal.getByRole('button', { name: 'Close' }).last().click();
  await expect(page.getByRole('radio', { name: 'Hana Select' })).toBeChecked();
  await page.getByRole('button', { name: 'Continue' }).click();

  // The order form: comment → Next → addresses, shipping → Next → preview.
  await page.getByRole('textbox', { name: 'Comment' }).fill('Please ship together.');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText('Not Use Credit Card')).toBeVisible();
  await createAddress(page, 'Billing', 'Hana Trading K.K.');
  await createAddress(page, 'Delivery', 'Hana Select Shibuya');
  await expect(page.getByRole('combobox', { name: 'Billing Address' })).toHaveValue(
    /Hana Trading K\.K\./,
  );
  await expect(page.getByRole('combobox', { name: 'Delivery Address' })).toHaveValue(
    /Hana Select Shibuya/,
  );
  await expect(page.getByTestId('shipping-fee')).toHaveText('¥0');
  await page.getByRole('button', { name: 'Next' }).click();

  await expect(page.getByRole('heading', { name: 'Order Summary' })).toBeVisible();
  await expect(page.getByTestId('summary-Total quantity')).toHaveText('6');
  await expect(page.getByTestId('summary-Subtotal')).toHaveText('¥13,920');
  await expect(page.getByText('Hana Trading K.K.')).toBeVisible();
  await expect(page.getByText('Please ship together.')).toBeVisible();
  await expect(page.getByText('Gift wrap').first()).toBeVisible();

  // Back keeps everything; then place the order.
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByRole('combobox', { name: 'Delivery Address' })).toHaveValue(
    /Hana Select Shibuya/,
  );
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Place an order' }).click();
  await expect(page.getByText('Your order was placed')).toBeVisible();
  await expect(page.getByTestId('order-number')).toHaveText(/^ORD-\d{6}$/);
  const number = await page.getByTestId('order-number').innerText();

  // The buyer finds it under Orders, internal note included.
  await page.getByRole('link', { name: /View order ORD-/ }).click();
  await expect(page.getByRole('heading', { name: `Order ${number}`, exact: true })).toBeVisible();
  await expect(page.getByText('Ginza').first()).toBeVisible();
  await waitForMail(request, email, new RegExp(`Order ${number} sent to`));

  // The brand sees it without the internal note and confirms it.
  const brand = await browser.newContext({ baseURL, locale: 'en-US' });
  const brandPage = await brand.newPage();
  await brandPage.goto(`/login?redirect=${encodeURIComponent(`/brand/${shop.brandId}/orders`)}`);
  await logIn(brandPage, shop.ownerEmail);
  const row = brandPage
    .getByRole('table', { name: 'Orders' })
    .getByRole('row', { name: new RegExp(number) });
  await row.getByRole('link', { name: number }).click();
  await expect(brandPage.getByText('Gift wrap').first()).toBeVisible();
  expect(await brandPage.content()).not.toContain('Ginza');
  await brandPage
    .getByRole('group', { name: 'Order actions' })
    .getByRole('button', { name: 'Confirm' })
    .click();
  await expect(brandPage.getByText(`Order ${number} is confirmed.`)).toBeVisible();
  await brand.close();

  // The buyer sees it confirmed and got the e-mail.
  await page.reload();
  await expect(page.getByText('Confirmed').first()).toBeVisible();
  await waitForMail(request, email, new RegExp(`Order ${number}: confirmed`));
});

test('a standard order from Connected Brands through the "Place an order" modal', async ({
  page,
  request,
}) => {
  const shop = await setUpShop(request, 'Sora Orders');
  const customer = await connectCustomer(request, shop, 'Aoi Select Shop', 50);

  await page.goto('/login');
  await logIn(page, customer.email);
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto(`/buyer/${customer.orgId}/brands`);
  await page.getByRole('link', { name: 'Sora Orders' }).click();
  await page
    .getByRole('list', { name: 'Catalogs' })
    .getByRole('link', { name: 'Spring/Summer 2026' })
    .click();
  await expect(page.getByRole('heading', { name: 'Spring/Summer 2026', level: 2 })).toBeVisible();

  await page
    .getByRole('listitem', { name: 'Canvas tote' })
    .getByRole('button', { name: 'Add to draft order list' })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Add to draft order list: Canvas tote' });
  await dialog.getByRole('textbox', { name: /Order quantity for/ }).fill('4');
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page
      .getByRole('listitem', { name: 'Canvas tote' })
      .getByRole('button', { name: 'Edit draft order list item' }),
  ).toBeVisible();

  // The organization's draft order lists show it, and open it.
  await page
    .getByRole('navigation', { name: 'Buyer organization sections' })
    .getByRole('link', { name: 'Draft order lists' })
    .click();
  const drafts = page.getByRole('table', { name: 'Draft order lists' });
  const row = drafts.getByRole('row', { name: /Spring\/Summer 2026/ });
  await expect(row.getByRole('cell', { name: 'Sora Orders' })).toBeVisible();
  await expect(row.getByRole('cell').nth(2)).toHaveText('4');
  await row.getByRole('link', { name: 'Spring/Summer 2026' }).click();
  await expect(page.getByRole('heading', { name: 'Draft order list', level: 2 })).toBeVisible();
  // WSP ¥2,000 at 50 % → ¥1,000 × 4.
  await expect(page.getByTestId('cart-subtotal')).toHaveText('¥4,000');

  await page.getByRole('button', { name: 'Proceed to order' }).click();
  const modal = page.getByRole('dialog', { name: 'Place an order' });
  await modal.getByRole('textbox', { name: 'Comment' }).fill('Standard order');
  await modal.getByRole('button', { name: 'Next' }).click();
  await expect(modal.getByText('Not Use Credit Card')).toBeVisible();
  await modal.getByRole('button', { name: 'Next' }).click();
  await expect(modal.getByRole('heading', { name: 'Order Summary' })).toBeVisible();
  await expect(modal.getByTestId('summary-Subtotal')).toHaveText('¥4,000');
  await expect(modal.getByText('Aoi Select Shop').first()).toBeVisible();
  await modal.getByRole('button', { name: 'Place an order' }).click();
  await expect(modal.getByTestId('order-number')).toHaveText(/^ORD-\d{6}$/);
  await modal.getByRole('button', { name: 'Close' }).last().click();
  await expect(page.getByText('Your draft order list is empty')).toBeVisible();
  await page
    .getByRole('navigation', { name: 'Buyer organization sections' })
    .getByRole('link', { name: 'Draft order lists' })
    .click();
  await expect(page.getByText('No draft order lists yet')).toBeVisible();
});

test('a catalog past its order deadline shows its products but takes no order', async ({
  page,
  request,
}) => {
  const shop = await setUpShop(request, 'Late Knit');
  const ids = await productIds(shop);
  const catalogId = await createCatalog(
    shop,
    'OLD25',
    'Winter 2025',
    Object.values(ids),
    new Date(Date.now() - 86_400_000).toISOString(),
  );
  const token = await createLink(shop, {
    kind: 'instant',
    name: 'Last winter',
    catalog_ids: [catalogId],
    terms: { transaction_term_id: shop.wspId, condition: 60 },
  });

  await page.goto(`/l/${token}`);
  await expect(page.getByRole('heading', { name: 'Winter 2025', level: 1 })).toBeVisible();
  const tee = page.getByRole('listitem', { name: 'Organic cotton tee' });
  await expect(tee).toBeVisible();
  await expect(tee.getByRole('button', { name: 'Add to cart' })).toHaveCount(0);
  await expect(tee.getByTestId('cart-reason')).toHaveText(
    'Ordering closed: the order deadline has passed.',
  );
  await expect(page.getByText(/Ordering is closed/)).toBeVisible();

  // The cart page says so too, and offers no way to order.
  await page.goto(`/l/${token}/catalogs/${catalogId}/cart`);
  await expect(page.getByRole('heading', { name: 'Cart', level: 1 })).toBeVisible();
  await expect(page.getByText('Your cart is empty')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Proceed to order' })).toHaveCount(0);
});

test('3 in stock: the input stops at 3, and a sale in between is refused next to the line', async ({
  page,
  request,
}) => {
  const shop = await setUpShop(request, 'Few Left');
  const productId = await createScarceProduct(shop, 'VASE-01', 'Glazed vase', 3);
  const catalogId = await createCatalog(shop, 'RARE', 'Rare pieces', [productId]);
  const customer = await connectCustomer(request, shop, 'Mori Interiors', 100);
  const rival = await connectCustomer(request, shop, 'Rival Store', 100);

  await page.goto('/login');
  await logIn(page, customer.email);
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto(`/buyer/${customer.orgId}/brands/${shop.brandId}/catalogs/${catalogId}`);
  const vase = page.getByRole('listitem', { name: 'Glazed vase' });
  await vase.getByRole('button', { name: 'Add to draft order list' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add to draft order list: Glazed vase' });
  await expect(dialog.getByText('Only 3 available')).toBeVisible();
  const quantity = dialog.getByRole('textbox', { name: /Order quantity for/ });
  await quantity.fill('4');
  await expect(quantity).toHaveValue('3');
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('link', { name: 'Check your draft order list' }).click();
  await expect(page.getByTestId('sku-quantity')).toHaveText('3');
  await page.getByRole('button', { name: 'Proceed to order' }).click();
  const modal = page.getByRole('dialog', { name: 'Place an order' });
  await modal.getByRole('button', { name: 'Next' }).click();
  await modal.getByRole('button', { name: 'Next' }).click();
  await expect(modal.getByRole('heading', { name: 'Order Summary' })).toBeVisible();

  // Meanwhile another buyer takes the stock.
  await orderViaApi(request, rival, catalogId, productId, 2);

  await modal.getByRole('button', { name: 'Place an order' }).click();
  await expect(
    modal
      .getByRole('alert')
      .filter({ hasText: /Not enough stock left/ })
      .first(),
  ).toBeVisible();
  await expect(modal.getByTestId('line-problem')).toContainText('Not enough stock left');
  await expect(modal.getByTestId('order-number')).toHaveCount(0);

  // Nothing lost: the cart is as it was, the line says why.
  await modal.getByRole('button', { name: 'Back' }).click();
  await modal.getByRole('button', { name: 'Back' }).click();
  await modal.getByRole('button', { name: 'Cancel' }).click();
  await expect(modal).toBeHidden();
  const line = page.getByRole('listitem', { name: 'Glazed vase' });
  await expect(line.getByTestId('sku-quantity')).toHaveText('3');
  await expect(line.getByTestId('line-problem').first()).toBeVisible();
});
