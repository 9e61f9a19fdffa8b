import { expect, test, type APIRequestContext, type Page } from '@playwright/test';

import {
  apiToken,
  apiWithPatch,
  connectCustomer,
  fillLocalStripeCard,
  logIn,
  setUpShop,
  updateBrandSettings,
  waitForMail,
  type Shop,
} from './helpers';

// Card payments at checkout (DOMAIN.md §6 step 5): the brand takes cards on a catalog, a
// connected buyer with deposit terms pays the deposit by card in the "Place an order" modal.

interface CardShop {
  shop: Shop;
  catalogId: string;
  customer: { email: string; orgId: string };
  brandApi: ReturnType<typeof apiWithPatch>;
}

/** A shop taking cards (and offline) on its first catalog, and a customer with 30 % deposit. */
async function setUpCardShop(request: APIRequestContext, brandName: string): Promise<CardShop> {
  const shop = await setUpShop(request, brandName);
  const catalogId = shop.catalogs[0]?.id ?? '';
  await updateBrandSettings(request, shop, { card_payments_enabled: true });
  const brandApi = apiWithPatch(request, await apiToken(request, shop.ownerEmail));
  await brandApi.patch(`/api/v1/brands/${shop.brandId}/catalogs/${catalogId}`, {
    payment_methods: ['card', 'offline'],
  });
  const customer = await connectCustomer(request, shop, `${brandName} Buyer`, 100);
  const customers = await brandApi.get<{
    items: {
      id: string;
      buyer_organization_id: string | null;
      terms: Record<string, unknown>;
    }[];
  }>(`/api/v1/brands/${shop.brandId}/customers?limit=100`);
  const record = customers.items.find((each) => each.buyer_organization_id === customer.orgId);
  expect(record).toBeDefined();
  await brandApi.patch(`/api/v1/brands/${shop.brandId}/customers/${record?.id}`, {
    terms: { ...record?.terms, billing_term: 'with_deposit', deposit_percent: '30' },
  });
  return { shop, catalogId, customer, brandApi };
}

/** Logs the buyer in, puts 5 totes in the draft order list and opens "Place an order". */
async function openPlaceOrder(page: Page, setup: CardShop) {
  const { shop, catalogId, customer } = setup;
  await page.goto('/login');
  await logIn(page, customer.email);
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto(`/buyer/${customer.orgId}/brands/${shop.brandId}/catalogs/${catalogId}`);
  await page
    .getByRole('listitem', { name: 'Canvas tote' })
    .getByRole('button', { name: 'Add to draft order list' })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Add to draft order list: Canvas tote' });
  await dialog.getByRole('textbox', { name: /Order quantity for/ }).fill('5');
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('link', { name: 'Check your draft order list' }).click();
  await expect(page.getByTestId('cart-subtotal')).toHaveText('¥10,000');
  await page.getByRole('button', { name: 'Proceed to order' }).click();
  return page.getByRole('dialog', { name: 'Place an order' });
}

/** Chooses "Set a New Card" and registers a card through localstripe's field. */
async function setNewCard(page: Page, modal: ReturnType<Page['getByRole']>, number: string) {
  await modal.getByRole('radio', { name: 'Set a New Card' }).check();
  await fillLocalStripeCard(page, { number, expiry: '12/34', cvc: '123' });
  await modal.getByRole('button', { name: 'Register' }).click();
  const last4 = number.replace(/\s/g, '').slice(-4);
  await expect(modal.getByRole('radio', { name: `Visa •••• ${last4}` })).toBeChecked();
}

test('a deposit paid by a new card: authorized when placed, captured once confirmed', async ({
  page,
  request,
}) => {
  const setup = await setUpCardShop(request, 'Kasa Cards');
  const modal = await openPlaceOrder(page, setup);

  await modal.getByRole('textbox', { name: 'Comment' }).fill('Card order');
  await modal.getByRole('button', { name: 'Next' }).click();
  // A choice is required before Next.
  await expect(modal.getByRole('radio', { name: 'Not Use Credit Card' })).toBeVisible();
  await modal.getByRole('button', { name: 'Next' }).click();
  await expect(modal.getByText('Choose how to pay for this order.')).toBeVisible();

  await setNewCard(page, modal, '4242 4242 4242 4242');
  await modal.getByRole('button', { name: 'Next' }).click();
  await expect(modal.getByRole('heading', { name: 'Order Summary' })).toBeVisible();
  const deposit = await modal.getByTestId('summary-Deposit').innerText();
  expect(deposit).toMatch(/^¥[\d,]+$/);
  await expect(modal.getByTestId('card-charge')).toHaveText(
    `Charged to Visa •••• 4242: ${deposit} (deposit)`,
  );

  await modal.getByRole('button', { name: 'Place an order' }).click();
  await expect(modal.getByTestId('order-number')).toHaveText(/^ORD-\d{6}$/);
  const number = await modal.getByTestId('order-number').innerText();
  const href = await modal.getByRole('link', { name: `View order ${number}` }).getAttribute('href');
  const orderId = href?.split('/').pop() ?? '';
  await waitForMail(request, setup.customer.email, new RegExp(`Order ${number} sent to`));

  await page.goto(href ?? '');
  await expect(page.getByRole('heading', { name: `Order ${number}`, exact: true })).toBeVisible();
  await expect(page.getByTestId('order-payment')).toHaveText(
    `Card • Authorized • Visa •••• 4242 • ${deposit}`,
  );

  // The brand confirms: the deposit is captured.
  await setup.shop.api.post(`/api/v1/brands/${setup.shop.brandId}/orders/${orderId}/confirm`, {});
  await page.reload();
  await expect(page.getByTestId('order-payment')).toHaveText(
    `Card • Captured • Visa •••• 4242 • ${deposit}`,
  );
});

test('a declined card keeps the order form; "Not Use Credit Card" then places it', async ({
  page,
  request,
}) => {
  const setup = await setUpCardShop(request, 'Nagi Cards');
  const modal = await openPlaceOrder(page, setup);

  await modal.getByRole('textbox', { name: 'Comment' }).fill('Declined first');
  await modal.getByRole('button', { name: 'Next' }).click();
  // Saved fine, declined when charged.
  await setNewCard(page, modal, '4000 0000 0000 0341');
  await modal.getByRole('button', { name: 'Next' }).click();
  await expect(modal.getByTestId('card-charge')).toContainText('Visa •••• 0341');
  await modal.getByRole('button', { name: 'Place an order' }).click();
  await expect(modal.getByRole('alert')).toContainText('Your card was declined');
  // Nothing is lost: the preview, the comment, the chosen card.
  await expect(modal.getByRole('heading', { name: 'Order Summary' })).toBeVisible();
  await expect(modal.getByText('Declined first')).toBeVisible();
  await expect(modal.getByTestId('order-number')).toHaveCount(0);

  await modal.getByRole('button', { name: 'Back' }).click();
  await expect(modal.getByRole('radio', { name: 'Visa •••• 0341' })).toBeChecked();
  await modal.getByRole('button', { name: 'Back' }).click();
  await expect(modal.getByRole('textbox', { name: 'Comment' })).toHaveValue('Declined first');
  await modal.getByRole('button', { name: 'Next' }).click();
  await modal.getByRole('radio', { name: 'Not Use Credit Card' }).check();
  await modal.getByRole('button', { name: 'Next' }).click();
  await expect(modal.getByTestId('card-charge')).toHaveCount(0);
  await modal.getByRole('button', { name: 'Place an order' }).click();
  await expect(modal.getByTestId('order-number')).toHaveText(/^ORD-\d{6}$/);
});
