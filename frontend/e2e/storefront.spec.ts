import { expect, test } from '@playwright/test';

import { choose, connectCustomer, createLink, logIn, setUpShop } from './helpers';

// The shopping side of order links and standard orders: data set up through the API, then a
// visitor (or a logged-in customer) in the browser.

test('an Instant Order Link with a passcode opens its catalog at the link’s terms', async ({
  page,
  request,
}) => {
  const shop = await setUpShop(request, 'Kumo Knit');
  const token = await createLink(shop, {
    kind: 'instant',
    name: 'SS26 for select shops',
    description: 'Our spring line, at 60 % of WSP.',
    catalog_ids: [shop.catalogs[0]?.id],
    passcode: 'spring-26',
    terms: {
      transaction_term_id: shop.wspId,
      condition: 60,
      billing_term: 'without_deposit',
      display_transaction_terms: true,
    },
  });

  await page.goto(`/l/${token}`);
  await expect(page.getByRole('heading', { name: 'Enter the passcode' })).toBeVisible();
  await expect(page.getByText('SS26 for select shops')).toBeVisible();
  await expect(page.getByText('kenji@example.com')).toBeVisible();
  await expect(page.getByText('Organic cotton tee')).toBeHidden();

  // A wrong passcode is refused next to the field.
  const passcode = page.getByRole('textbox', { name: 'Passcode' });
  await passcode.fill('autumn-26');
  await page.getByRole('button', { name: 'Open the link' }).click();
  await expect(page.getByText('The passcode is not correct.')).toBeVisible();

  // Pasted with a trailing space: it still opens.
  await passcode.fill('spring-26 ');
  await page.getByRole('button', { name: 'Open the link' }).click();
  await expect(page).toHaveURL(new RegExp(`/l/${token}/catalogs/${shop.catalogs[0]?.id}$`));
  await expect(page.getByRole('heading', { name: 'Spring/Summer 2026', level: 1 })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Transaction terms' })).toContainText('60% of WSP');
  await expect(page.getByText('Prices exclude tax')).toBeVisible();

  // WSP ¥4,800 at 60 % → ¥2,880, the RRP beside it.
  const products = page.getByRole('list', { name: 'Products' });
  const tee = products.getByRole('listitem', { name: 'Organic cotton tee' });
  await expect(tee).toContainText('TEE-01');
  await expect(tee.getByTestId('price')).toHaveText('¥2,880');
  await expect(tee.getByTestId('rrp')).toHaveText('RRP ¥9,600');
  await expect(products.getByRole('listitem', { name: 'Canvas tote' })).toContainText('¥1,200');
  // Ordering is open: every product can go to the cart (see e2e/ordering.spec.ts).
  await expect(tee.getByRole('button', { name: 'Add to cart' })).toBeVisible();

  // The product in full: SKUs with price, RRP and stock; the options listed.
  await tee.getByRole('button', { name: 'View details of Organic cotton tee' }).click();
  const dialog = page.getByRole('dialog', { name: 'Organic cotton tee' });
  await expect(dialog.getByText('Heavy jersey, garment dyed.')).toBeVisible();
  await expect(dialog.getByText('Gift box, Plain')).toBeVisible();
  const black = dialog.getByRole('row', { name: /Black/ });
  await expect(black).toContainText('TEE-01_BLK');
  await expect(black).toContainText('¥2,880');
  await expect(black).toContainText('¥9,600');
  await expect(black).toContainText('In stock (12)');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Search narrows the products, and says so when nothing matches.
  const search = page.getByRole('searchbox', { name: 'Search products' });
  await search.fill('tote');
  await expect(products.getByRole('listitem')).toHaveCount(1);
  await expect(products.getByRole('listitem', { name: 'Canvas tote' })).toBeVisible();
  await search.fill('cashmere');
  await expect(page.getByText('No products match')).toBeVisible();

  // The grant is kept for this tab: a reload does not ask again.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Spring/Summer 2026', level: 1 })).toBeVisible();
});

test('a Dynamic Brand Link shows the brand page with its catalogs', async ({ page, request }) => {
  const shop = await setUpShop(request, 'Hoshi Denim');
  const token = await createLink(shop, {
    kind: 'dynamic',
    name: 'All 2026 lines',
    catalog_ids: shop.catalogs.map((catalog) => catalog.id),
    terms: { transaction_term_id: shop.wspId, condition: 55 },
  });

  await page.goto(`/l/${token}`);
  await expect(page.getByRole('heading', { name: 'Hoshi Denim', level: 1 })).toBeVisible();
  await expect(page.getByText('Knitwear from Osaka.')).toBeVisible();
  const catalogs = page.getByRole('list', { name: 'Catalogs' });
  await expect(catalogs.getByRole('listitem')).toHaveCount(2);
  await expect(catalogs.getByRole('listitem', { name: 'Spring/Summer 2026' })).toBeVisible();
  await catalogs.getByRole('link', { name: 'Autumn/Winter 2026' }).click();
  await expect(page.getByRole('heading', { name: 'Autumn/Winter 2026', level: 1 })).toBeVisible();
  // WSP ¥4,800 at 55 % → ¥2,640.
  await expect(
    page.getByRole('listitem', { name: 'Organic cotton tee' }).getByTestId('price'),
  ).toHaveText('¥2,640');
  await page.getByRole('link', { name: 'Back to Hoshi Denim' }).click();
  await expect(page.getByRole('heading', { name: 'Hoshi Denim', level: 1 })).toBeVisible();
});

test('an expired link shows the "no longer available" page with its contacts', async ({
  page,
  request,
}) => {
  const shop = await setUpShop(request, 'Yuki Goods');
  const token = await createLink(shop, {
    kind: 'instant',
    name: 'Last winter',
    catalog_ids: [shop.catalogs[0]?.id],
    terms: { transaction_term_id: shop.wspId, condition: 60 },
    expires_at: new Date(Date.now() - 86_400_000).toISOString(),
  });

  await page.goto(`/l/${token}`);
  await expect(page.getByRole('heading', { name: 'No longer available' })).toBeVisible();
  const contacts = page.getByRole('region', { name: 'Contacts' });
  await expect(contacts).toContainText('Kenji Mori');
  await expect(contacts.getByRole('link', { name: 'kenji@example.com' })).toHaveAttribute(
    'href',
    'mailto:kenji@example.com',
  );
  await expect(page.getByText('Spring/Summer 2026')).toBeHidden();
  await expect(page.getByText('Organic cotton tee')).toBeHidden();
});

test('a Customer Order Link asks for a login and shows the customer’s own prices', async ({
  page,
  request,
}) => {
  const shop = await setUpShop(request, 'Sora Textiles');
  const customer = await connectCustomer(request, shop, 'Aoi Select Shop', 50);
  const token = await createLink(shop, {
    kind: 'customer',
    name: 'For our customers',
    catalog_ids: shop.catalogs.map((catalog) => catalog.id),
    languages: [],
    currencies: [],
  });

  await page.goto(`/l/${token}`);
  await expect(page.getByRole('heading', { name: 'Log in to order' })).toBeVisible();
  await expect(page.getByText('Spring/Summer 2026')).toBeHidden();
  await page.getByRole('link', { name: 'Log in', exact: true }).click();
  await expect(page).toHaveURL(/\/login\?/);
  await logIn(page, customer.email);

  // Back on the link: choose the organization to order for.
  await expect(page).toHaveURL(new RegExp(`/l/${token}$`));
  await choose(page, 'Buyer organization', 'Aoi Select Shop');
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page.getByRole('heading', { name: 'Sora Textiles', level: 1 })).toBeVisible();
  await expect(page.getByText('Ordering as Aoi Select Shop')).toBeVisible();
  await page.getByRole('link', { name: 'Spring/Summer 2026' }).click();
  // The customer's own terms: WSP ¥4,800 at 50 % → ¥2,400.
  const tee = page.getByRole('listitem', { name: 'Organic cotton tee' });
  await expect(tee.getByTestId('price')).toHaveText('¥2,400');
  await expect(tee.getByTestId('rrp')).toHaveText('RRP ¥9,600');

  // The standard route meets the same prices: Connected Brands → brand page → catalog.
  await page.goto(`/buyer/${customer.orgId}/brands`);
  await page.getByRole('link', { name: 'Sora Textiles' }).click();
  await expect(page.getByRole('heading', { name: 'Sora Textiles', level: 2 })).toBeVisible();
  await page
    .getByRole('list', { name: 'Catalogs' })
    .getByRole('link', { name: 'Autumn/Winter 2026' })
    .click();
  await expect(page.getByRole('heading', { name: 'Autumn/Winter 2026', level: 2 })).toBeVisible();
  await expect(
    page.getByRole('listitem', { name: 'Organic cotton tee' }).getByTestId('price'),
  ).toHaveText('¥2,400');
});
