import { expect, test } from '@playwright/test';

test('the header switches the interface to Japanese and remembers it', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByRole('heading', { name: 'Log in to Showroom' })).toBeVisible();

  await page.getByRole('button', { name: /Display language/ }).click();
  await page.getByRole('menuitem', { name: '日本語' }).click();

  await expect(page.getByRole('heading', { name: 'Showroom にログイン' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Showroom にログイン' })).toBeVisible();
  await page.goto('/signup');
  await expect(page.getByRole('button', { name: '認証コードを送信' })).toBeVisible();
});
