// Directories in the portal: health that a routine 409 does not turn red (in the list and on the directory),
// a name per directory (two Okta directories are "Okta" and "Okta 2"), rename, delete with the name typed, and a
// confirmation before disabling.
import { expect, test } from '@playwright/test';
import { PortalPage } from './pages/portal-page';
import { clientCreateUserBody, oktaUserInput } from './fixtures/idp/okta';
import { app, createDirectory, createOrganization, portalLink } from './support/app';
import { scimCall } from './support/okta-client';
import { screenshot } from './support/screens';

test('a 409 (Okta creating someone who exists, which it then links) leaves the directory Connected, in the list too', async ({ page }) => {
  const orgId = await createOrganization('Conflicted');
  const dir = await createDirectory(orgId, 'okta');
  const body = clientCreateUserBody(oktaUserInput('conflict'));
  expect((await scimCall(dir, 'POST', '/Users', body)).status).toBe(201);
  expect((await scimCall(dir, 'POST', '/Users', body)).status).toBe(409);

  await page.goto((await portalLink(orgId)).url);
  await expect(page.getByRole('link', { name: 'SCIM Provisioning' })).toBeVisible(); // the link page has opened the session
  const list = page.getByRole('region', { name: 'Your directories' });
  await expect(list.getByText('Connected', { exact: true })).toBeVisible();
  await page.goto(`${app.url()}/portal/scim/${dir.id}/overview`);
  await expect(page.getByRole('region', { name: 'Connection status' }).getByText('Connected', { exact: true })).toBeVisible();
  await expect(page.getByText('routine, not a failure')).toBeVisible();
  await expect(page.getByText('Degraded')).toHaveCount(0);
});

test('two Okta directories are told apart by name; rename; delete only with the name typed', async ({ page }) => {
  const orgId = await createOrganization('Two Oktas');
  const first = await createDirectory(orgId, 'okta');
  await createDirectory(orgId, 'okta');
  await page.goto((await portalLink(orgId)).url);
  await expect(page.getByRole('link', { name: 'SCIM Provisioning' })).toBeVisible(); // the link page has opened the session
  const list = page.getByRole('region', { name: 'Your directories' });
  await expect(list.getByRole('link', { name: /^Okta 2/ })).toBeVisible();
  await expect(list.getByRole('link', { name: /^Okta Okta/ })).toBeVisible();

  await page.goto(`${app.url()}/portal/scim/${first.id}/overview`);
  await page.getByLabel('Directory name').fill('Okta production');
  await page.getByRole('button', { name: 'Rename' }).click();
  await expect(page.getByRole('heading', { name: 'Okta production', level: 1 })).toBeVisible();

  await page.getByRole('button', { name: 'Delete…' }).click();
  const del = page.getByRole('button', { name: 'Delete directory' });
  await expect(del).toBeDisabled();
  await page.getByLabel('Type “Okta production” to confirm').fill('Okta');
  await expect(del).toBeDisabled();
  await page.getByLabel('Type “Okta production” to confirm').fill('Okta production');
  await screenshot(page, 'standalone-delete-directory-1280');
  await del.click();
  await expect(page).toHaveURL(/\/portal\/scim$/);
  await expect(list.getByRole('link', { name: /Okta production/ })).toHaveCount(0);
  expect((await scimCall(first, 'GET', '/Users')).status).toBe(401);
});

test('disabling asks first; keeping it enabled changes nothing', async ({ page }) => {
  const orgId = await createOrganization('Careful');
  const dir = await createDirectory(orgId, 'okta');
  await page.goto((await portalLink(orgId)).url);
  await expect(page.getByRole('link', { name: 'SCIM Provisioning' })).toBeVisible(); // the link page has opened the session
  await page.goto(`${app.url()}/portal/scim/${dir.id}/setup`);
  const toggle = page.getByRole('switch', { name: 'Directory enabled' });
  await toggle.click();
  await expect(page.getByText('Stop provisioning?')).toBeVisible();
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  expect((await scimCall(dir, 'GET', '/Users')).status).toBe(200);
  await page.getByRole('button', { name: 'Keep enabled' }).click();
  await expect(page.getByText('Stop provisioning?')).toHaveCount(0);
  await new PortalPage(page).setSwitch('Directory enabled', false);
  expect((await scimCall(dir, 'GET', '/Users')).status).toBe(403);
});
