// (c) Used, expired and forged links get a clear page that says what to do, never an error dump.
import { expect, test, type Page } from '@playwright/test';
import { app, createOrganization, expireLink, portalLink } from './support/app';
import { screenshot } from './support/screens';

async function expectRefusal(page: Page, title: string): Promise<void> {
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await expect(page.getByText('ask your application for a new link')).toBeVisible();
  await expect(page).toHaveURL(/\/portal\/link-error/);
  expect(page.url()).not.toContain('scimp_pl_');
}

test('a link works once, and its token leaves the address bar', async ({ page, browser }) => {
  const link = await portalLink(await createOrganization());
  await page.goto(link.url);
  await expect(page.getByRole('link', { name: 'SCIM Provisioning' })).toBeVisible();
  await expect(page).toHaveURL(`${app.url()}/portal/scim`);
  await expect(page.getByText(/ends in 5h 5\dm|ends in 6h 00m/)).toBeVisible();

  const other = await browser.newPage();
  await other.goto(link.url);
  await expectRefusal(other, 'This link has already been used');
  await screenshot(other, 'link-used-1280');
  await other.close();
});

test('an expired link is refused', async ({ page }) => {
  const link = await portalLink(await createOrganization());
  expireLink(link.url);
  await page.goto(link.url);
  await expectRefusal(page, 'This link has expired');
});

test('a forged link is refused', async ({ page }) => {
  await page.goto(`${app.url()}/portal/link/scimp_pl_${'x'.repeat(43)}`);
  await expectRefusal(page, 'This link is not valid');
  await page.goto(`${app.url()}/portal/link/not-a-token`);
  await expectRefusal(page, 'This link is not valid');
});

test('without a session the portal says the session ended', async ({ page }) => {
  await page.goto(`${app.url()}/portal/scim`);
  await expect(page.getByRole('heading', { name: 'Your session has ended' })).toBeVisible();
});
