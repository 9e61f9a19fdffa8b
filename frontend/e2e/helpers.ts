import { expect, type Browser, type Page } from '@playwright/test';

export const PASSWORD = 'showroom2025';

/** A fresh address per run: the database is new each time, but reruns must not collide. */
export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
}

/** Picks an option of a Mantine Select (a combobox with a listbox of options). */
export async function choose(page: Page, label: string | RegExp, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/**
 * Reads the 6-digit sign-up code the way a newcomer would: in the SPA's development mailbox,
 * reloading until the outbox worker has delivered the e-mail.
 */
export async function readSignupCode(browser: Browser, baseURL: string, email: string) {
  const context = await browser.newContext({ baseURL, locale: 'en-US' });
  const mailbox = await context.newPage();
  await mailbox.goto(`/dev/mailbox?to=${encodeURIComponent(email)}`);
  const mail = mailbox.getByRole('listitem').filter({ hasText: 'Verify your e-mail' });
  await expect(async () => {
    await mailbox.getByRole('button', { name: 'Reload' }).click();
    await expect(mail).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  const body = await mail.locator('pre').innerText();
  await context.close();
  const code = /\b(\d{6})\b/.exec(body)?.[1];
  if (!code) throw new Error(`No 6-digit code in the mail: ${body}`);
  return code;
}

export async function logIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}
