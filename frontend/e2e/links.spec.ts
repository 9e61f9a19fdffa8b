import { expect, test, type APIRequestContext, type Page } from '@playwright/test';

import { apiToken, choose, logIn, signUpViaApi, uniqueEmail } from './helpers';

interface StoredLink {
  id: string;
  kind: string;
  name: string;
  url: string;
  token: string;
  status: string;
  passcode_enabled: boolean;
  catalogs: { id: string; code: string }[];
  languages: string[];
  currencies: string[];
  target_buyer_type: string;
  contacts: { name: string; email: string }[];
  terms: {
    transaction_term_id: string;
    condition: string;
    billing_term: string;
    deposit_percent: string | null;
    apply_tax_to_price: boolean;
    display_transaction_terms: boolean;
  } | null;
}

/** A brand with a rate Transaction Term (WSP) and two catalogs, set up through the API. */
async function brandWithCatalogs(request: APIRequestContext, email: string) {
  await signUpViaApi(request, email, 'Kenji Mori');
  const headers = { Authorization: `Bearer ${await apiToken(request, email)}` };
  const post = async (path: string, data: unknown) => {
    const answer = await request.post(path, { headers, data });
    expect(answer.ok(), await answer.text()).toBe(true);
    return (await answer.json()) as { id: string };
  };
  const brand = await post('/api/v1/brands', {
    languages: ['en'],
    default_language: 'en',
    name: { en: 'Kumo Knit' },
    country: 'JP',
  });
  const base = `/api/v1/brands/${brand.id}`;
  const wsp = await post(`${base}/transaction-terms`, {
    code: 'WSP',
    name: { en: 'Wholesale price' },
    kind: 'rate',
  });
  const ss26 = await post(`${base}/catalogs`, {
    code: 'SS26',
    name: { en: 'Spring/Summer 2026' },
    status: 'open',
  });
  const aw26 = await post(`${base}/catalogs`, {
    code: 'AW26',
    name: { en: 'Autumn/Winter 2026' },
    status: 'open',
  });
  const links = async (): Promise<StoredLink[]> => {
    const answer = await request.get(`${base}/links`, { headers });
    expect(answer.ok(), await answer.text()).toBe(true);
    return ((await answer.json()) as { items: StoredLink[] }).items;
  };
  return { brandId: brand.id, base, headers, wsp, ss26, aw26, links };
}

function linkRow(page: Page, name: string) {
  return page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
}

async function linkAction(page: Page, name: string, action: string) {
  await page.getByRole('button', { name: `Actions for ${name}` }).click();
  await page.getByRole('menuitem', { name: action, exact: true }).click();
}

test('a brand creates order links, voids, reopens, shares and deletes them', async ({
  page,
  context,
  request,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const email = uniqueEmail('links');
  const setup = await brandWithCatalogs(request, email);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });

  await page.goto('/login');
  await logIn(page, email);
  await expect(page.getByRole('heading', { name: 'Select a buyer organization' })).toBeVisible();
  await page.goto(`/brand/${setup.brandId}/profile`);
  await page
    .getByRole('navigation', { name: 'Brand sections' })
    .getByRole('link', { name: 'Links' })
    .click();

  // Instant Order Links: empty at first.
  await expect(page.getByRole('tab', { name: 'Instant Order Links' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(page.getByText('No Instant Order Link yet')).toBeVisible();
  await page.getByRole('link', { name: 'Create a New Link' }).click();
  await expect(
    page.getByRole('heading', { name: 'Create a New Instant Order Link' }),
  ).toBeVisible();

  // Submitting the empty form shows what is missing, next to the fields.
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'Link name' })).toHaveAccessibleDescription(
    /Enter a value\./,
  );
  await expect(page.getByText('Choose the season.')).toBeVisible();

  // ① … ㉒ as in the manual: one season, a passcode, the link's own terms, a contact.
  await page.getByRole('textbox', { name: 'Link name' }).fill('SS26 for shops');
  await page.getByRole('radio', { name: /Organization/ }).check();
  await page.getByRole('textbox', { name: 'Description' }).fill('Our spring line, for shops.');
  await choose(page, 'Season', 'SS26 · Spring/Summer 2026');
  await page.getByRole('switch', { name: 'Passcode' }).check();
  await page.getByRole('textbox', { name: 'Passcode to enter' }).fill('abc');
  await expect(page.getByRole('combobox', { name: 'Transaction Term' })).toHaveValue(
    'WSP · Wholesale price',
  );
  await page.getByRole('textbox', { name: 'Transaction Condition' }).fill('60');
  await page.getByRole('radio', { name: 'With Deposit', exact: true }).check();
  await page.getByRole('textbox', { name: 'Deposit Condition' }).fill('30');
  await page.getByRole('switch', { name: 'Apply Tax To Price' }).check();
  await page.getByRole('switch', { name: 'Display transaction terms' }).check();
  await page.getByRole('button', { name: 'Add a contact' }).click();
  await page.getByRole('textbox', { name: 'Name (contact 1)' }).fill('Kenji Mori');
  await page.getByRole('textbox', { name: 'E-mail (contact 1)' }).fill('kenji@example.com');
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  // The passcode is too short: the form says so before sending.
  const passcode = page.getByRole('textbox', { name: 'Passcode to enter' });
  await expect(passcode).toHaveAccessibleDescription(/at least 4 characters/);
  await passcode.fill('kumo-2026');
  await page.getByRole('button', { name: 'Create', exact: true }).click();

  await expect(page).toHaveURL(/\/links\?tab=instant$/);
  await expect(page.getByText('The link SS26 for shops was created.')).toBeVisible();
  const instantRow = linkRow(page, 'SS26 for shops');
  await expect(instantRow).toContainText('SS26');
  await expect(instantRow).toContainText('On');
  await expect(instantRow).toContainText('Open');

  // Dynamic Brand Links: two seasons; the tab is in the URL.
  await page.getByRole('tab', { name: 'Dynamic Brand Links' }).click();
  await expect(page).toHaveURL(/tab=dynamic/);
  await page.reload();
  await expect(page.getByRole('tab', { name: 'Dynamic Brand Links' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await page.getByRole('link', { name: 'Create a New Link' }).click();
  await expect(
    page.getByRole('heading', { name: 'Create a New Dynamic Brand Link' }),
  ).toBeVisible();
  await expect(page.getByRole('switch', { name: 'Use as catalog' })).toHaveCount(0);
  await page.getByRole('textbox', { name: 'Link name' }).fill('All seasons');
  await page.getByRole('combobox', { name: 'Selectable seasons' }).click();
  await page.getByRole('option', { name: 'SS26 · Spring/Summer 2026' }).click();
  await page.getByRole('option', { name: 'AW26 · Autumn/Winter 2026' }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('textbox', { name: 'Transaction Condition' }).fill('55');
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(page).toHaveURL(/\/links\?tab=dynamic$/);
  const dynamicRow = linkRow(page, 'All seasons');
  await expect(dynamicRow).toContainText('SS26, AW26');
  await expect(dynamicRow).toContainText('Off');

  // What the API stored.
  const stored = await setup.links();
  const instant = stored.find((link) => link.name === 'SS26 for shops');
  const dynamic = stored.find((link) => link.name === 'All seasons');
  expect(instant).toMatchObject({
    kind: 'instant',
    status: 'open',
    passcode_enabled: true,
    catalogs: [{ id: setup.ss26.id, code: 'SS26' }],
    languages: ['en'],
    currencies: ['JPY'],
    target_buyer_type: 'organization',
    contacts: [{ name: 'Kenji Mori', email: 'kenji@example.com' }],
    terms: {
      transaction_term_id: setup.wsp.id,
      billing_term: 'with_deposit',
      apply_tax_to_price: true,
      display_transaction_terms: true,
    },
  });
  expect(Number(instant?.terms?.condition)).toBe(60);
  expect(Number(instant?.terms?.deposit_percent)).toBe(30);
  expect(dynamic).toMatchObject({
    kind: 'dynamic',
    passcode_enabled: false,
    catalogs: [
      { id: setup.ss26.id, code: 'SS26' },
      { id: setup.aw26.id, code: 'AW26' },
    ],
    terms: { transaction_term_id: setup.wsp.id, billing_term: 'without_deposit' },
  });
  expect(Number(dynamic?.terms?.condition)).toBe(55);
  if (!instant || !dynamic) throw new Error('Both links should be stored');

  // The passcode the brand typed opens the instant link.
  const access = await request.post(`/api/v1/order-links/${instant.token}/access`, {
    data: { passcode: ' kumo-2026 ' },
  });
  expect(access.ok(), await access.text()).toBe(true);

  // Void, then reopen.
  await linkAction(page, 'All seasons', 'Void');
  await expect(dynamicRow.getByText('Void', { exact: true })).toBeVisible();
  await linkAction(page, 'All seasons', 'Reopen');
  await expect(dynamicRow.getByText('Open', { exact: true })).toBeVisible();

  // Copy URL: the URL is shown and lands on the clipboard.
  await expect(dynamicRow.getByRole('link', { name: dynamic.url })).toBeVisible();
  await dynamicRow.getByRole('button', { name: 'Copy URL of All seasons' }).click();
  await expect(dynamicRow.getByRole('button', { name: 'Copy URL of All seasons' })).toHaveText(
    'Copied',
  );
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(dynamic.url);

  // The QR code of the URL, to download.
  await dynamicRow.getByRole('button', { name: 'QR code of All seasons' }).click();
  const qr = page.getByRole('dialog', { name: 'QR code: All seasons' });
  await expect(qr.getByRole('img', { name: `QR code of ${dynamic.url}` })).toBeVisible();
  await expect(qr.getByRole('link', { name: 'Download the QR code' })).toHaveAttribute(
    'download',
    'all-seasons-qr.png',
  );
  await qr.getByRole('button', { name: 'Close' }).click();
  await expect(qr).toBeHidden();

  // Delete, after confirming: gone from the list, and the API answers 404.
  await linkAction(page, 'All seasons', 'Delete');
  const confirm = page.getByRole('dialog', { name: 'Delete this link?' });
  await expect(confirm).toContainText('All seasons will stop working for good.');
  await confirm.getByRole('button', { name: 'Delete the link' }).click();
  await expect(page.getByText('No Dynamic Brand Link yet')).toBeVisible();
  const gone = await request.get(`${setup.base}/links/${dynamic.id}`, { headers: setup.headers });
  expect(gone.status()).toBe(404);

  // Editing the instant link: its passcode is on; a new one is generated and shown once.
  await page.getByRole('tab', { name: 'Instant Order Links' }).click();
  await page.getByRole('link', { name: 'SS26 for shops', exact: true }).click();
  await expect(page.getByText('Passcode: on')).toBeVisible();
  await page.getByRole('button', { name: 'Generate a new passcode' }).click();
  await page
    .getByRole('dialog', { name: 'Generate a new passcode?' })
    .getByRole('button', { name: 'Generate a new passcode' })
    .click();
  const generated = page.getByLabel('New passcode', { exact: true });
  await expect(generated).toBeVisible();
  const newPasscode = (await generated.innerText()).trim();
  expect(newPasscode.length).toBeGreaterThanOrEqual(4);
  const oldRefused = await request.post(`/api/v1/order-links/${instant.token}/access`, {
    data: { passcode: 'kumo-2026' },
  });
  expect(oldRefused.ok()).toBe(false);
  const newAccepted = await request.post(`/api/v1/order-links/${instant.token}/access`, {
    data: { passcode: newPasscode },
  });
  expect(newAccepted.ok(), await newAccepted.text()).toBe(true);
});
