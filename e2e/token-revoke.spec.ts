// (e) Revoking a token in the portal makes the SCIM endpoint refuse it at once; one refused request is a warning,
// three in a row make the portal report Degraded. The refused requests are counted, not kept in the request log
// (anyone who knows the endpoint could send them).
import { expect, test } from '@playwright/test';
import { PortalPage } from './pages/portal-page';
import { app, createOrganization, portalLink } from './support/app';
import { scimCall } from './support/okta-client';
import { screenshot } from './support/screens';

test('mint a second token, revoke the first: the first is refused with 401 at once', async ({ page }) => {
  const orgId = await createOrganization('Umbrella');
  await page.goto((await portalLink(orgId)).url);
  const portal = new PortalPage(page);
  const first = await portal.configure('Microsoft Entra ID');
  await expect(page.getByLabel('Tenant URL', { exact: true })).toHaveValue(`${first.endpoint}?aadOptscim062020`);
  expect((await scimCall(first, 'GET', '/Users')).status).toBe(200);

  await page.getByRole('button', { name: 'I have copied the token' }).click();
  await expect(page.getByLabel('Bearer Token', { exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: 'Generate new token' }).click();
  await page.getByRole('button', { name: 'Generate token' }).click();
  const second = await page.getByLabel('Bearer Token', { exact: true }).inputValue();
  expect(second).not.toBe(first.token);
  const tokens = portal.table('Bearer tokens');
  await expect(tokens.getByRole('row')).toHaveCount(3);

  await page.getByRole('button', { name: `Revoke token ending ${first.token.slice(-4)}` }).click();
  await page.getByRole('button', { name: `Confirm revoking token ending ${first.token.slice(-4)}` }).click();
  await expect(tokens.getByRole('row').filter({ hasText: first.token.slice(-4) })).toContainText('Revoked');

  expect((await scimCall(first, 'GET', '/Users')).status).toBe(401);
  expect((await scimCall({ endpoint: first.endpoint, token: second }, 'GET', '/Users')).status).toBe(200);
  // One refused request, then an accepted one: a warning in the card, the connection still Connected.
  await expect(page.getByText('1 request without a valid token so far', { exact: false })).toBeVisible();
  await expect(page.getByText('Connected', { exact: true }).first()).toBeVisible();
  for (let i = 0; i < 3; i++) await scimCall(first, 'GET', '/Groups');
  await expect(page.getByText('Degraded', { exact: true })).toBeVisible();
  await expect(page.getByText('Your identity provider is using a wrong token')).toBeVisible();
  await expect(page.getByText('3 requests in a row were refused with 401 Unauthorized', { exact: false })).toBeVisible();
  await screenshot(page, 'standalone-failing-1280');

  await portal.openTab('Request log');
  await page.getByLabel('Status').selectOption('4xx');
  await expect(page.getByText('No requests match these filters')).toBeVisible();
  expect(app.url()).toBeTruthy();
});
