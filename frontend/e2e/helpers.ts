import { expect, type APIRequestContext, type Browser, type Page } from '@playwright/test';

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

/** The newest development-mailbox e-mail to an address whose subject matches, once delivered. */
export async function waitForMail(
  request: APIRequestContext,
  to: string,
  subject: RegExp,
): Promise<{ subject: string; text_body: string }> {
  let found: { subject: string; text_body: string } | undefined;
  await expect(async () => {
    const answer = await request.get(`/api/v1/dev/mailbox?to=${encodeURIComponent(to)}`);
    expect(answer.ok()).toBe(true);
    const mails = (await answer.json()) as { subject: string; text_body: string }[];
    found = mails.find((mail) => subject.test(mail.subject));
    expect(found).toBeDefined();
  }).toPass({ timeout: 20_000 });
  if (!found) throw new Error(`No mail to ${to}`);
  return found;
}

/** Signs a user up through the API (code from the development mailbox); returns nothing. */
export async function signUpViaApi(
  request: APIRequestContext,
  email: string,
  displayName: string,
): Promise<void> {
  const sent = await request.post('/api/v1/auth/signup/code', { data: { email, language: 'en' } });
  expect(sent.ok()).toBe(true);
  const mail = await waitForMail(request, email, /Verify your e-mail/);
  const code = /\b(\d{6})\b/.exec(mail.text_body)?.[1];
  if (!code) throw new Error(`No 6-digit code in the mail: ${mail.text_body}`);
  const created = await request.post('/api/v1/auth/signup', {
    data: {
      email,
      display_name: displayName,
      country: 'JP',
      phone: '03-1234-5678',
      language: 'en',
      password: PASSWORD,
      password_confirm: PASSWORD,
      accept_terms: true,
      verification_code: code,
    },
  });
  expect(created.ok(), await created.text()).toBe(true);
}

/** An access token for API set-up steps (the UI logs in on its own). */
export async function apiToken(request: APIRequestContext, email: string): Promise<string> {
  const answer = await request.post('/api/v1/auth/token', {
    form: { username: email, password: PASSWORD },
  });
  expect(answer.ok(), await answer.text()).toBe(true);
  return ((await answer.json()) as { access_token: string }).access_token;
}
