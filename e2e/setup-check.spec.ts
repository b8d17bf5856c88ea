// The live setup check fills itself from a replay of what Okta and Entra really send first (e2e/fixtures/idp):
// credentials tested, first user, first group, a deactivation; and it diagnoses what arrives: passwords synced,
// Entra without aadOptscim062020, an endpoint that is not public HTTPS. Once connected, the directory opens on its
// overview, the guide one click away.
import { expect, test, type Page } from '@playwright/test';
import { PortalPage } from './pages/portal-page';
import { createGroupBody, createUserBody, disableDefaultJob, entraHeaders, entraUserInput, testConnectionQuery } from './fixtures/idp/entra';
import {
  clientCreateUserBody,
  clientUserLookupQuery,
  groupCreateBody,
  groupMembershipPatch,
  oktaUserInput,
  passwordPatch,
  setActivePatch,
} from './fixtures/idp/okta';
import { app, createOrganization, portalLink } from './support/app';
import { scimCall, type ScimTarget } from './support/okta-client';
import { screenshot } from './support/screens';

const step = (page: Page, label: string) => page.getByRole('list', { name: 'Setup steps' }).getByRole('listitem').filter({ hasText: label });

async function entraCall(t: ScimTarget, method: string, path: string, body?: unknown) {
  const res = await fetch(`${t.endpoint}${path}`, {
    method,
    headers: { ...entraHeaders(body !== undefined), Authorization: `Bearer ${t.token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: res.status === 204 ? null : ((await res.json()) as Record<string, unknown>) };
}

test('Okta: the checklist ticks itself from Okta’s requests, and a password sync is diagnosed', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto((await portalLink(await createOrganization('Checklist Okta'))).url);
  const portal = new PortalPage(page);
  const okta = await portal.configure('Okta');
  await expect(page).toHaveURL(/\/setup$/);
  await expect(step(page, 'Okta tested the credentials')).toContainText('not yet');
  // An http:// loopback endpoint never receives Okta's requests: said at once.
  await expect(page.getByText('This endpoint is not public HTTPS')).toBeVisible();
  // Step 1 of the guide is the admin's own action, not "Done" before they did anything.
  await expect(page.getByRole('heading', { name: /Connect it to this directory/ })).not.toContainText('Done');

  // Test API Credentials: Okta looks up a user that does not exist.
  expect((await scimCall(okta, 'GET', `/Users${clientUserLookupQuery('nobody@example.com')}`)).status).toBe(200);
  await expect(step(page, 'Okta tested the credentials')).toContainText('done');
  await expect(page.getByRole('heading', { name: /Connect it to this directory/ })).toContainText('Done');

  // Assignment: lookup, then create (with Okta's placeholder password, which is not a password sync).
  const u = oktaUserInput('checklist');
  await scimCall(okta, 'GET', `/Users${clientUserLookupQuery(u.userName)}`);
  const created = await scimCall(okta, 'POST', '/Users', clientCreateUserBody(u));
  expect(created.status).toBe(201);
  await expect(step(page, 'The first user was created')).toContainText('done');
  await expect(page.getByText('People arrive, but no group yet')).toBeVisible();
  await expect(page.getByText('Your identity provider is sending passwords')).toHaveCount(0);

  const group = await scimCall(okta, 'POST', '/Groups', groupCreateBody('Checklist Engineers'));
  await scimCall(okta, 'PATCH', `/Groups/${group.body?.id}`, groupMembershipPatch([], [{ value: String(created.body?.id), display: u.userName }]));
  await expect(step(page, 'The first group was pushed')).toContainText('done');
  await expect(page.getByText('People arrive, but no group yet')).toHaveCount(0);

  await scimCall(okta, 'PATCH', `/Users/${created.body?.id}`, passwordPatch('Sync3d-Passw0rd'));
  await expect(page.getByText('Your identity provider is sending passwords')).toBeVisible();
  await expect(page.getByText('Turn off Sync Password')).toBeVisible();

  await scimCall(okta, 'PATCH', `/Users/${created.body?.id}`, setActivePatch(false));
  await expect(step(page, 'A deactivation was seen')).toContainText('done');
  await screenshot(page, 'standalone-checklist-okta-1280');

  // Connected: the directory now opens on its overview; the guide is one click away.
  await page.goto(`${app.url()}/portal/scim`);
  await page.getByRole('link', { name: /^Okta/ }).click();
  await expect(page).toHaveURL(/\/overview$/);
  await expect(portal.tab('Overview')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('heading', { name: 'Latest requests' })).toBeVisible();
  await page.getByRole('link', { name: 'Open the setup guide' }).click();
  await expect(page.getByRole('heading', { name: 'Set up Okta' })).toBeVisible();
});

test('Okta guide: both paths, each field as Okta names it, groups assigned by group, troubleshooting', async ({ page }) => {
  await page.goto((await portalLink(await createOrganization('Guide Okta'))).url);
  await new PortalPage(page).configure('Okta');
  const guide = page.getByRole('region', { name: 'Set up Okta' });
  await expect(guide.getByText('Browse App Catalog')).toBeVisible();
  await guide.getByRole('radio', { name: /My own app integration/ }).check();
  for (const field of [
    'SCIM connector base URL',
    'Unique identifier field for users',
    'Supported provisioning actions',
    'Authentication Mode',
    'HTTP Header',
    'Test Connector Configuration',
  ]) {
    await expect(guide.getByText(field, { exact: true }).first()).toBeVisible();
  }
  await expect(guide.getByText('Assign to Groups', { exact: true })).toBeVisible();
  await expect(guide.getByText('Assign to People')).toHaveCount(0);
  await expect(guide.getByText('Sync Password', { exact: true })).toBeVisible();
  await expect(guide.getByRole('heading', { name: 'Troubleshooting' })).toBeVisible();
  await screenshot(page, 'standalone-guide-okta-private-1280');
});

test('Entra: the checklist ticks itself from Entra’s requests, and its default job (no aadOptscim062020) is diagnosed', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto((await portalLink(await createOrganization('Checklist Entra'))).url);
  const entra = await new PortalPage(page).configure('Microsoft Entra ID');
  await expect(page.getByLabel('Tenant URL', { exact: true })).toHaveValue(`${entra.endpoint}?aadOptscim062020`);

  expect((await entraCall(entra, 'GET', `/Users${testConnectionQuery()}`)).status).toBe(200);
  await expect(step(page, 'Entra tested the connection')).toContainText('done');

  const u = entraUserInput();
  const created = await entraCall(entra, 'POST', '/Users', createUserBody(u));
  expect(created.status).toBe(201);
  await expect(step(page, 'The first user was created')).toContainText('done');
  expect((await entraCall(entra, 'POST', '/Groups', createGroupBody('Checklist Sales'))).status).toBe(201);
  await expect(step(page, 'The first group arrived')).toContainText('done');

  // The default job disables with {"op":"Replace","value":"False"}: the flag is missing from the Tenant URL.
  expect((await entraCall(entra, 'PATCH', `/Users/${created.body?.id}`, disableDefaultJob())).status).toBeLessThan(300);
  await expect(step(page, 'A deactivation was seen')).toContainText('done');
  await expect(page.getByText('Entra is running without the aadOptscim062020 flag')).toBeVisible();
  await expect(page.getByText('provisioning interval')).toBeVisible();
  await screenshot(page, 'standalone-checklist-entra-1280');
});
