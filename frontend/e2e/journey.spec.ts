import { expect, test } from '@playwright/test';

import { choose, logIn, PASSWORD, readSignupCode, uniqueEmail } from './helpers';

test('a buyer signs up, creates an organization in two languages and fills the address book', async ({
  page,
  browser,
  baseURL,
}) => {
  const email = uniqueEmail('buyer');

  // Sign up: the details, then "Send an authentication code".
  await page.goto('/signup');
  await expect(page.getByRole('heading', { name: 'Sign up' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByRole('textbox', { name: 'Display name' }).fill('Aoi Tanaka');
  await choose(page, 'Country', 'Japan');
  await page.getByRole('textbox', { name: 'Phone Number' }).fill('03-1234-5678');
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
  await page.getByRole('textbox', { name: 'Password (again)' }).fill(PASSWORD);
  await page.getByRole('checkbox', { name: 'I accept the terms of service' }).check();
  await page.getByRole('button', { name: 'Send an authentication code' }).click();

  // The code step offers the development mailbox; read the code there.
  await expect(page.getByText(`We sent a 6-digit authentication code to ${email}`)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Open the development mailbox' })).toBeVisible();
  const code = await readSignupCode(browser, baseURL ?? '', email);
  await page.getByRole('textbox', { name: 'Authentication code' }).fill(code);
  await page.getByRole('button', { name: 'Sign up', exact: true }).click();

  // Then log in with the e-mail already filled in.
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByText('Your account was created.')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Email' })).toHaveValue(email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();

  // Select a buyer organization: none yet.
  await expect(page.getByRole('heading', { name: 'Select a buyer organization' })).toBeVisible();
  await expect(page.getByText('You have no buyer organization yet')).toBeVisible();
  await page.getByRole('button', { name: 'Create a New Buyer Organization' }).click();

  const modal = page.getByRole('dialog', { name: 'Create a New Buyer Organization' });
  // Step 1: Language (English + Japanese), Default Language.
  await modal.getByRole('checkbox', { name: 'English' }).check();
  await modal.getByRole('checkbox', { name: 'Japanese' }).check();
  await expect(modal.getByRole('combobox', { name: 'Default Language' })).toHaveValue('English');
  await modal.getByRole('button', { name: 'Next' }).click();

  // Step 2: basic information, one name per language.
  await modal
    .getByRole('textbox', { name: 'Buyer Company/Organization Name (English)' })
    .fill('Aoi Select Shop');
  await modal
    .getByRole('textbox', { name: 'Buyer Company/Organization Name (Japanese)' })
    .fill('葵セレクトショップ');
  await modal.getByRole('textbox', { name: 'Name of Representative (English)' }).fill('Aoi Tanaka');
  await modal.getByRole('textbox', { name: 'Name of Representative (Japanese)' }).fill('田中 葵');
  await expect(modal.getByRole('textbox', { name: 'Email 1' })).toHaveValue(email);
  await modal.getByRole('button', { name: 'Add Email Recipients' }).click();
  await modal.getByRole('textbox', { name: 'Email Recipients 2' }).fill('orders@example.com');
  await expect(modal.getByRole('combobox', { name: 'Country of this buyer' })).toHaveValue('Japan');
  await modal.getByRole('button', { name: 'Next' }).click();

  // Step 3: review, Create, Close.
  await expect(modal.getByRole('table')).toContainText('葵セレクトショップ');
  await expect(modal.getByRole('table')).toContainText('orders@example.com');
  await modal.getByRole('button', { name: 'Create' }).click();
  await expect(modal.getByText('The buyer organization was created')).toBeVisible();
  await modal.getByRole('button', { name: 'Close' }).last().click();
  await expect(modal).toBeHidden();

  await page.getByRole('link', { name: 'Select Aoi Select Shop' }).click();
  await expect(page.getByRole('heading', { name: 'Aoi Select Shop', level: 1 })).toBeVisible();

  // Address book: a delivery address, then a billing address.
  await page.getByRole('link', { name: 'Address book' }).click();
  await expect(page.getByRole('tab', { name: 'Delivery Addresses' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await page.getByRole('button', { name: 'Create a New Delivery Address' }).click();
  const delivery = page.getByRole('dialog', { name: 'Create a New Delivery Address' });
  await delivery.getByRole('textbox', { name: 'Delivery to' }).fill('Aoi Select Shop Shibuya');
  await delivery.getByRole('textbox', { name: 'Postal Code' }).fill('150-0001');
  await delivery.getByRole('textbox', { name: 'State/Province' }).fill('Tokyo');
  await delivery.getByRole('textbox', { name: 'City' }).fill('Shibuya-ku');
  await delivery.getByRole('textbox', { name: 'Address Line 1' }).fill('1-2-3 Jingumae');
  await delivery.getByRole('textbox', { name: 'Phone Number' }).fill('03-1234-5678');
  await delivery.getByRole('button', { name: 'Create' }).click();
  await expect(delivery).toBeHidden();
  const deliveryCard = page.getByRole('listitem', { name: 'Aoi Select Shop Shibuya' });
  await expect(deliveryCard).toContainText('Default');

  await page.getByRole('tab', { name: 'Billing Addresses' }).click();
  await page.getByRole('button', { name: 'Create a New Billing Address' }).click();
  const billing = page.getByRole('dialog', { name: 'Create a New Billing Address' });
  await billing.getByRole('textbox', { name: 'Bill to' }).fill('Aoi Trading K.K.');
  await billing.getByRole('textbox', { name: 'Postal Code' }).fill('530-0001');
  await billing.getByRole('textbox', { name: 'State/Province' }).fill('Osaka');
  await billing.getByRole('textbox', { name: 'City' }).fill('Kita-ku');
  await billing.getByRole('textbox', { name: 'Address Line 1' }).fill('4-5-6 Umeda');
  await billing.getByRole('textbox', { name: 'Phone Number' }).fill('06-1234-5678');
  await billing.getByRole('button', { name: 'Create' }).click();
  await expect(billing).toBeHidden();
  await expect(page.getByRole('listitem', { name: 'Aoi Trading K.K.' })).toContainText('Default');

  // Log out, log in again: the organization is still there.
  await page.getByRole('button', { name: /Account menu/ }).click();
  await page.getByRole('menuitem', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login/);
  await logIn(page, email);
  await expect(page.getByRole('heading', { name: 'Select a buyer organization' })).toBeVisible();
  await expect(page.getByRole('listitem', { name: 'Aoi Select Shop' })).toBeVisible();
});
