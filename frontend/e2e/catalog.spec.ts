import ExcelJS from 'exceljs';
import dayjs from 'dayjs';
import { expect, test, type Page } from '@playwright/test';

import { apiToken, choose, logIn, PASSWORD, signUpViaApi, uniqueEmail } from './helpers';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A 50-row product import: 25 models × 2 colours; `badRow` (a spreadsheet row) gets a bad price. */
async function importFile(badRow: number | null): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Products');
  sheet.addRow([
    'model_number',
    'name:en',
    'property1',
    'value1',
    'price:WSP:JPY',
    'stock_quantity',
  ]);
  for (let model = 1; model <= 25; model += 1) {
    for (const colour of ['NVY', 'GRY']) {
      const row = sheet.rowCount + 1;
      const code = `IMP-${String(model).padStart(3, '0')}`;
      sheet.addRow([
        code,
        colour === 'NVY' ? `Imported sweater ${model}` : '',
        'COLOR',
        colour,
        row === badRow ? '4800.5' : String(4000 + model * 10),
        '12',
      ]);
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function openSettingsTab(page: Page, tab: string) {
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('tab', { name: tab }).click();
}

test('a brand sets up its catalog and a buyer it invites sees it under Connected Brands', async ({
  page,
  browser,
  request,
  baseURL,
}) => {
  test.setTimeout(300_000);
  const brandEmail = uniqueEmail('brand');
  const buyerEmail = uniqueEmail('shop');

  // The brand owner signs up (through the API) and logs in.
  await signUpViaApi(request, brandEmail, 'Kenji Mori');
  await page.goto('/login');
  await logIn(page, brandEmail);
  await expect(page.getByRole('heading', { name: 'Select a buyer organization' })).toBeVisible();

  // Create a brand.
  await page.goto('/brands/new');
  await page.getByRole('checkbox', { name: 'English' }).check();
  await page.getByRole('textbox', { name: 'Brand name' }).fill('Kumo Knit');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { name: 'Kumo Knit', level: 1 })).toBeVisible();

  // Settings → Transaction Terms: WSP, a rate term.
  await openSettingsTab(page, 'Transaction Terms');
  await page.getByRole('button', { name: 'Add a Transaction Term' }).click();
  const termDialog = page.getByRole('dialog', { name: 'Add a Transaction Term' });
  await termDialog.getByRole('textbox', { name: 'Code' }).fill('WSP');
  await termDialog.getByRole('textbox', { name: 'Name' }).fill('Wholesale price');
  await expect(termDialog.getByRole('radio', { name: /Rate \(WSP, RRP\)/ })).toBeChecked();
  await termDialog.getByRole('button', { name: 'Create' }).click();
  await expect(termDialog).toBeHidden();
  await expect(page.getByRole('row', { name: /WSP Wholesale price/ })).toBeVisible();

  // Tax rates: 10 % in Japan, the default.
  await page.getByRole('tab', { name: 'Tax rates' }).click();
  await page.getByRole('button', { name: 'Add a tax rate' }).click();
  const taxDialog = page.getByRole('dialog', { name: 'Add a tax rate' });
  await taxDialog.getByRole('textbox', { name: 'Name' }).fill('Consumption tax');
  await taxDialog.getByRole('textbox', { name: 'Rate' }).fill('10');
  await expect(taxDialog.getByRole('combobox', { name: 'Country' })).toHaveValue('Japan');
  await taxDialog.getByRole('checkbox', { name: 'Default tax for new products' }).check();
  await taxDialog.getByRole('button', { name: 'Create' }).click();
  await expect(taxDialog).toBeHidden();
  await expect(page.getByRole('row', { name: /Consumption tax/ })).toContainText('10%');

  // Shipping: a JPY group for Japan with two ordered rates.
  await page.getByRole('tab', { name: 'Shipping' }).click();
  await page.getByRole('button', { name: 'Add a shipping group' }).click();
  const shipDialog = page.getByRole('dialog', { name: 'Add a shipping group' });
  await shipDialog.getByRole('textbox', { name: 'Code' }).fill('JP-STD');
  await shipDialog.getByRole('textbox', { name: 'Name' }).fill('Standard shipping');
  await choose(page, 'Country', 'Japan');
  await choose(page, 'Tax on shipping', 'Consumption tax');
  await shipDialog.getByRole('button', { name: 'Add a rate' }).click();
  await shipDialog.getByRole('textbox', { name: 'Shipping fee (rate 1)' }).fill('800');
  await shipDialog.getByRole('button', { name: 'Add a rate' }).click();
  await choose(page, 'Condition (rate 2)', 'Subtotal at least');
  await shipDialog.getByRole('textbox', { name: 'Subtotal (rate 2)' }).fill('30,000');
  await shipDialog.getByRole('textbox', { name: 'Shipping fee (rate 2)' }).fill('0');
  // Free shipping must be checked first: move it up.
  await shipDialog.getByRole('button', { name: 'Move rate 2 up' }).click();
  await expect(shipDialog.getByRole('textbox', { name: 'Subtotal (rate 1)' })).toHaveValue(
    '30,000',
  );
  await shipDialog.getByRole('button', { name: 'Create' }).click();
  await expect(shipDialog).toBeHidden();
  const group = page.getByRole('listitem', { name: 'JP-STD' });
  await expect(group.getByRole('listitem').first()).toHaveText(
    '¥0 when the subtotal is at least ¥30,000',
  );
  await expect(group.getByRole('listitem').nth(1)).toHaveText('¥800 on every order');

  // Products → Create a product: 2 colours × 3 sizes, WSP in JPY, a Packaging option.
  await page.getByRole('link', { name: 'Products' }).click();
  await expect(page.getByText('No product yet')).toBeVisible();
  await page.getByRole('link', { name: 'Create a product' }).click();
  await page.getByRole('textbox', { name: 'Model number' }).fill('TEE-01');
  await page.getByRole('textbox', { name: 'Product name' }).fill('Organic cotton tee');
  await expect(page.getByRole('combobox', { name: 'Tax' })).toHaveValue(/Consumption tax/);
  const addValues = async (group: string, values: [string, string][]) => {
    for (const [index, [code, name]] of values.entries()) {
      await page.getByRole('button', { name: `Add a value to ${group}` }).click();
      const value = `Value ${index + 1} of ${group}`;
      await page.getByRole('textbox', { name: `Code (${value})` }).fill(code);
      await page.getByRole('textbox', { name: `Name (${value})` }).fill(name);
    }
  };
  await page.getByRole('button', { name: 'Add a property' }).click();
  await page.getByRole('textbox', { name: 'Code of Property 1' }).fill('COLOR');
  await page.getByRole('textbox', { name: 'Name of Property 1' }).fill('Colour');
  await addValues('Property 1', [
    ['BLK', 'Black'],
    ['WHT', 'White'],
  ]);
  await page.getByRole('button', { name: 'Add a property' }).click();
  await page.getByRole('textbox', { name: 'Code of Property 2' }).fill('SIZE');
  await page.getByRole('textbox', { name: 'Name of Property 2' }).fill('Size');
  await addValues('Property 2', [
    ['S', 'S'],
    ['M', 'M'],
    ['L', 'L'],
  ]);
  await expect(page.getByRole('heading', { name: 'SKUs to be made (6)' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'TEE-01_WHT_L' })).toBeVisible();
  await page.getByRole('button', { name: 'Add an option group' }).click();
  await page.getByRole('textbox', { name: 'Code of Option group 1' }).fill('PACK');
  await page.getByRole('textbox', { name: 'Name of Option group 1' }).fill('Packaging');
  await addValues('Option group 1', [
    ['GIFT', 'Gift box'],
    ['PLAIN', 'Plain'],
  ]);
  await page.getByRole('textbox', { name: 'WSP price in JPY' }).fill('5800');
  await page.getByRole('button', { name: 'Create the product' }).click();

  // After creation: the SKU grid with the 6 generated SKUs.
  await expect(page.getByRole('heading', { name: 'SKUs', exact: true })).toBeVisible();
  await expect(page.getByText('6 SKUs', { exact: true })).toBeVisible();
  const skuGrid = page.getByRole('table', { name: 'SKUs', exact: true });
  await expect(skuGrid.getByRole('row')).toHaveCount(7);
  await expect(skuGrid.getByRole('textbox', { name: 'SKU code of TEE-01_BLK_S' })).toHaveValue(
    'TEE-01_BLK_S',
  );
  await expect(skuGrid.getByRole('row', { name: 'TEE-01_WHT_M' })).toContainText('White / M');

  // Catalogs → Create a catalog with an order deadline, then add the product.
  await page.getByRole('link', { name: 'Catalogs' }).click();
  await page.getByRole('link', { name: 'Create a catalog' }).click();
  await page.getByRole('textbox', { name: 'Code' }).fill('SS26');
  await page.getByRole('textbox', { name: 'Catalog name' }).fill('Spring/Summer 2026');
  await page.getByText('Open', { exact: true }).click();
  const deadline = dayjs().add(1, 'month').date(15);
  await page.getByRole('button', { name: 'Order deadline' }).click();
  await page.getByRole('button', { name: 'Next month' }).click();
  await page.getByRole('button', { name: deadline.format('D MMMM YYYY') }).click();
  await page.getByRole('button', { name: 'Use this date and time' }).click();
  await expect(page.getByRole('button', { name: 'Order deadline' })).toContainText(
    deadline.format('YYYY-MM-DD'),
  );
  await page.getByRole('button', { name: 'Create the catalog' }).click();
  await expect(page.getByText('The catalog was created. Now add its products.')).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search products to add' }).fill('tee');
  await page.getByRole('button', { name: 'Add TEE-01' }).click();
  await expect(page.getByRole('list', { name: /1 products/ }).getByRole('listitem')).toHaveCount(1);
  await page.getByRole('button', { name: 'Save the products' }).click();
  await expect(page.getByText("The catalog's products were saved.")).toBeVisible();

  // Import 50 rows: the dry run finds the bad row, the fixed file goes in.
  await page.getByRole('link', { name: 'Products' }).click();
  await page.getByRole('link', { name: 'Import products' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  const fileInput = page.locator('input[type="file"]');
  await fileInput.setInputFiles({
    name: 'products.xlsx',
    mimeType: XLSX,
    buffer: await importFile(27),
  });
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The file has problems' })).toBeVisible();
  const report = page.getByRole('table', { name: /problems?$/ });
  await expect(report.getByRole('row', { name: /27 price:WSP:JPY/ })).toContainText('decimal');
  await page.getByRole('button', { name: 'Upload a fixed file' }).click();
  await fileInput.setInputFiles({
    name: 'products-fixed.xlsx',
    mimeType: XLSX,
    buffer: await importFile(null),
  });
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByText('Ready to import')).toBeVisible();
  await expect(page.getByText('products-fixed.xlsx: 50 rows, 25 products.')).toBeVisible();
  await page.getByRole('button', { name: 'Apply the import' }).click();
  await expect(page.getByRole('progressbar')).toBeVisible();
  await expect(page.getByText('Import finished')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
  await page.getByRole('link', { name: 'Go to Products' }).click();
  await expect(page.getByRole('link', { name: 'IMP-025' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'TEE-01' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search' }).fill('IMP-007');
  await expect(page.getByRole('row', { name: /IMP-007/ })).toContainText('Imported sweater 7');
  await expect(page.getByRole('link', { name: 'TEE-01' })).toBeHidden();

  // Customers → Invite a buyer on WSP at 60 %.
  await page.getByRole('link', { name: 'Customers' }).click();
  await page.getByRole('button', { name: 'Invite a buyer' }).click();
  const inviteDialog = page.getByRole('dialog', { name: 'Invite a buyer' });
  await inviteDialog.getByRole('textbox', { name: "Buyer's e-mail" }).fill(buyerEmail);
  await inviteDialog.getByRole('textbox', { name: 'Message' }).fill('Our SS26 line is out.');
  await expect(inviteDialog.getByRole('combobox', { name: 'Transaction Term' })).toHaveValue(
    'WSP · Wholesale price',
  );
  await inviteDialog.getByRole('textbox', { name: 'Transaction Condition' }).fill('60');
  await inviteDialog.getByRole('button', { name: 'Send the invitation' }).click();
  await expect(inviteDialog).toBeHidden();
  const sent = page.getByRole('table', { name: 'Sent invitations' });
  await expect(sent.getByRole('row', { name: new RegExp(buyerEmail) })).toContainText('Pending');

  // The buyer: an account with a buyer organization (set up through the API).
  await signUpViaApi(request, buyerEmail, 'Aoi Tanaka');
  const token = await apiToken(request, buyerEmail);
  const org = await request.post('/api/v1/buyer-organizations', {
    headers: { Authorization: `Bearer ${token}` },
    data: {
      kind: 'organization',
      languages: ['en'],
      default_language: 'en',
      name: { en: 'Aoi Select Shop' },
      representative: { en: 'Aoi Tanaka' },
      emails: [buyerEmail],
      recipients: [buyerEmail],
      country: 'JP',
      phone: '03-1234-5678',
      contact_email: buyerEmail,
    },
  });
  expect(org.ok(), await org.text()).toBe(true);

  // The buyer opens the invitation link from the development mailbox.
  const buyerContext = await browser.newContext({ baseURL, locale: 'en-US' });
  const buyer = await buyerContext.newPage();
  await buyer.goto(`/dev/mailbox?to=${encodeURIComponent(buyerEmail)}`);
  const mail = buyer.getByRole('listitem').filter({ hasText: 'invites you to order' });
  await expect(async () => {
    await buyer.getByRole('button', { name: 'Reload' }).click();
    await expect(mail).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await mail.getByRole('link', { name: /\/brand-invitations\// }).click();
  await expect(buyer.getByRole('heading', { name: 'Invitation from a brand' })).toBeVisible();
  await expect(buyer.getByText('Kumo Knit invites you to order')).toBeVisible();
  await expect(buyer.getByRole('table', { name: 'Offered terms' })).toContainText('60% of WSP');
  await buyer.getByRole('link', { name: 'Log in to accept' }).click();
  await expect(buyer.getByRole('textbox', { name: 'Email' })).toHaveValue(buyerEmail);
  await buyer.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
  await buyer.getByRole('button', { name: 'Log in' }).click();

  // Back on the invitation: pick the organization, accept.
  await buyer.getByRole('radio', { name: 'Aoi Select Shop' }).check();
  await buyer.getByRole('button', { name: 'Accept the invitation' }).click();

  // Connected Brands: the brand with its catalog and deadline.
  await expect(buyer).toHaveURL(/\/buyer\/[^/]+\/brands$/);
  await expect(buyer.getByRole('link', { name: 'Connected Brands' })).toBeVisible();
  const brandCard = buyer.getByRole('listitem', { name: 'Kumo Knit' });
  await expect(brandCard).toContainText('Your customer code: C00001');
  const catalog = brandCard.getByRole('listitem', { name: 'Spring/Summer 2026' });
  await expect(catalog).toContainText('Order deadline:');
  await expect(catalog).not.toContainText('Ordering closed');
  await buyerContext.close();

  // The brand now lists the buyer as a connected customer.
  await page.reload();
  await expect(page.getByRole('row', { name: /Aoi Select Shop|Aoi Tanaka/ })).toBeVisible();
});
