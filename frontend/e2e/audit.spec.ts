import { expect, test } from '@playwright/test';

import { choose, createLink, logIn, setUpShop } from './helpers';

// The audit log (owners only): a change made on the Links page shows who made it, when, and
// what it was.
test('an owner voids a link and reads it in the audit log', async ({ page, request }) => {
  const shop = await setUpShop(request, 'Audit Knit');
  await createLink(shop, {
    kind: 'instant',
    name: 'Press preview',
    catalog_ids: [shop.catalogs[0].id],
    terms: { transaction_term_id: shop.wspId, condition: '60' },
  });

  await page.goto('/login');
  await logIn(page, shop.ownerEmail);
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto(`/brand/${shop.brandId}/links`);
  await page.getByRole('button', { name: 'Actions for Press preview' }).click();
  await page.getByRole('menuitem', { name: 'Void', exact: true }).click();
  await expect(page.getByText('Void', { exact: true })).toBeVisible();

  await page
    .getByRole('navigation', { name: 'Brand sections' })
    .getByRole('link', { name: 'Audit log' })
    .click();
  const log = page.getByRole('table', { name: 'Audit log' });
  const voided = log.getByRole('row').filter({ hasText: 'Status: open → void' });
  await expect(voided).toContainText('Press preview');
  await expect(voided).toContainText('Kenji Mori');
  await expect(voided).toContainText('Changed');

  // Only links: the link's creation is there too; the brand's settings are not.
  await choose(page, 'Show', 'Order link');
  await expect(log.getByText('Transaction term', { exact: true })).toHaveCount(0);
  const rows = log.getByRole('row').filter({ hasText: 'Press preview' });
  await expect(rows).toHaveCount(2);
  await expect(rows.last()).toContainText('Created');
});
