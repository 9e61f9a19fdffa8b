import { expect, test } from '@playwright/test';

import { fillLocalStripeCard, logIn, setUpBuyer } from './helpers';

test('a buyer sets a new card, sees a declined one refused, and removes the card', async ({
  page,
  request,
}) => {
  const buyer = await setUpBuyer(request, 'Hanamizuki Select');

  await page.goto('/login');
  await logIn(page, buyer.email);
  // Leave the login page only once the log-in has finished.
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto(`/buyer/${buyer.orgId}/brands`);
  await page
    .getByRole('navigation', { name: 'Buyer organization sections' })
    .getByRole('link', { name: 'Payment methods' })
    .click();
  await expect(page).toHaveURL(new RegExp(`/buyer/${buyer.orgId}/payment-methods$`));
  await expect(page.getByRole('heading', { name: 'Payment methods' })).toBeVisible();
  await expect(page.getByText('No cards saved yet')).toBeVisible();

  // Set a New Card: 4242 4242 4242 4242, 12/34, CVC 123.
  await page.getByRole('button', { name: 'Set a New Card' }).click();
  const dialog = page.getByRole('dialog', { name: 'Set a New Card' });
  await fillLocalStripeCard(page, { number: '4242 4242 4242 4242', expiry: '12/34', cvc: '123' });
  await dialog.getByRole('button', { name: 'Register' }).click();
  await expect(dialog).toBeHidden();
  const cards = page.getByRole('list', { name: 'Saved cards' });
  const visa = cards.getByRole('listitem', { name: 'Visa •••• 4242' });
  await expect(visa).toBeVisible();
  await expect(visa).toContainText('Expires 12/34');

  // A card the bank declines: the message is next to the card field, nothing is saved.
  await page.getByRole('button', { name: 'Set a New Card' }).click();
  await fillLocalStripeCard(page, { number: '4000 0000 0000 0002', expiry: '12/34', cvc: '123' });
  await dialog.getByRole('button', { name: 'Register' }).click();
  const field = dialog.getByRole('group', { name: 'Card', exact: true });
  await expect(dialog.getByRole('alert')).toContainText('Your card was declined.');
  await expect(field).toHaveAccessibleDescription(/Your card was declined\./);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(cards.getByRole('listitem')).toHaveCount(1);
  await page.reload();
  await expect(cards.getByRole('listitem')).toHaveCount(1);
  await expect(visa).toBeVisible();

  // Remove the card, after confirming.
  await visa.getByRole('button', { name: 'Remove Visa •••• 4242' }).click();
  const confirm = page.getByRole('dialog', { name: 'Remove this card?' });
  await expect(confirm).toContainText('Visa •••• 4242');
  await confirm.getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByText('No cards saved yet')).toBeVisible();
  await expect(cards).toBeHidden();
});
