// The dashboard at scale and for everyday management: organizations newest first, searched and paged; an
// organization page; roles edited and deleted; operators added and removed; API keys' last use; and the audit log
// naming real actors (an operator's "Open portal" session acts as that operator).
import { expect, test } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { app, createDirectory, createOrganization, hostApi } from './support/app';
import { createOperator, signedIn } from './support/operator';
import { scimCall } from './support/okta-client';
import { screenshot } from './support/screens';

const login = createOperatorOnce();
function createOperatorOnce() {
  let made: ReturnType<typeof createOperator> | null = null;
  return () => (made ??= createOperator('manage'));
}

test('organizations: newest first, search by name, externalId or id, pages of 20 with the total', async ({ page }) => {
  const tag = randomBytes(3).toString('hex');
  for (let i = 0; i < 23; i++) {
    const r = await hostApi('POST', '/organizations', { name: `Paged ${tag} ${String(i).padStart(2, '0')}`, externalId: `ext-${tag}-${i}` });
    expect(r.status).toBe(201);
  }
  const dashboard = await signedIn(page, login());
  const table = page.getByRole('table', { name: 'Organizations' });
  await expect(table.getByRole('row').nth(1)).toBeVisible();

  await page.getByLabel('Search organizations').fill(`PAGED ${tag}`);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByText(`23 matching “PAGED ${tag}”`)).toBeVisible();
  // Newest first: the last one created heads the first page (among this test's: the other worker's specs create
  // organizations of their own meanwhile, on the same app).
  await expect(table.getByRole('row').nth(1)).toContainText(`Paged ${tag} 22`);
  await expect(table.getByRole('row')).toHaveCount(21);
  await expect(page.getByText('Page 1 of 2')).toBeVisible();
  await page.getByRole('link', { name: 'Next' }).click();
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(table.getByRole('row').nth(3)).toContainText(`Paged ${tag} 00`);

  await page.getByLabel('Search organizations').fill(`ext-${tag}-7`);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table).toContainText(`Paged ${tag} 07`);
  await dashboard.openOrganization(`Paged ${tag} 07`);
});

test('an organization page: directory health, counts, tokens’ last use, events; rename; roles and operators managed; audit names actors', async ({
  page,
  context,
}) => {
  test.setTimeout(180_000);
  const name = `Umbrella ${randomBytes(2).toString('hex')}`;
  const orgId = await createOrganization(name);
  const dir = await createDirectory(orgId, 'entra');
  expect((await scimCall(dir, 'GET', '/Users')).status).toBe(200);
  const dashboard = await signedIn(page, login());
  await page.goto(`${app.url()}/dashboard/organizations/${orgId}`);
  const panel = dashboard.directory('Microsoft Entra ID');
  await expect(async () => {
    await page.reload();
    await expect(panel.getByText('Connected', { exact: true })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByRole('table', { name: 'Tokens of Microsoft Entra ID' }).getByText('Never')).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Latest events' })).toContainText('directory.connected');
  await expect(page.getByRole('table', { name: 'Latest events' })).toContainText('directory.created');
  await screenshot(page, 'dashboard-organization-1280');

  await page.getByLabel('Organization name').fill(`${name} Corp`);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dashboard.heading(`${name} Corp`)).toBeVisible();

  // "Open portal" as this operator: what they do there is audited as them, not as the customer's admin.
  const tab = await dashboard.openPortal(`${name} Corp`);
  await tab.goto(`${app.url()}/portal/scim/${dir.id}/overview`);
  await tab.getByLabel('Directory name').fill('Entra staging');
  await tab.getByRole('button', { name: 'Rename' }).click();
  await expect(tab.getByRole('heading', { name: 'Entra staging', level: 1 })).toBeVisible();
  await tab.close();

  await page.goto(`${app.url()}/dashboard/audit?organization=${orgId}`);
  const audit = page.getByRole('table', { name: 'Audit log' });
  await expect(audit.getByRole('row', { name: /directory\.renamed/ })).toContainText(`Operator ${login().email}`);
  await expect(audit.getByRole('row', { name: /organization\.updated/ })).toContainText(`Operator ${login().email}`);
  await expect(audit.getByRole('row', { name: /organization\.created/ })).toContainText('API key');
  await expect(audit.getByRole('row', { name: /directory\.created/ })).toBeVisible();
  await screenshot(page, 'dashboard-audit-filtered-1280');

  // Roles: edit the name (the key stays), then delete.
  const key = `editor-${randomBytes(2).toString('hex')}`;
  expect((await hostApi('POST', '/roles', { key, name: 'Editor' })).status).toBe(201);
  await dashboard.open('Roles');
  await page.getByRole('button', { name: 'Edit Editor' }).click();
  await page.getByLabel('Name', { exact: true }).last().fill('Content editor');
  await page.getByRole('button', { name: 'Save role' }).click();
  await expect(page.getByRole('table', { name: 'Roles' }).getByRole('row', { name: new RegExp(key) })).toContainText('Content editor');
  await page
    .getByRole('table', { name: 'Roles' })
    .getByRole('row', { name: new RegExp(key) })
    .getByRole('button', { name: 'Delete' })
    .click();
  await page.getByRole('button', { name: 'Delete Content editor' }).click();
  await expect(page.getByRole('table', { name: 'Roles' }).getByText(key)).toHaveCount(0);
  expect((await hostApi('GET', `/roles/${key}`)).status).toBe(404);

  // Operators: add a colleague (a weak password is refused with the rule), then remove them.
  await dashboard.open('Operators');
  const colleague = `colleague-${randomBytes(2).toString('hex')}@example.com`;
  await page.getByLabel('Email').fill(colleague);
  await page.getByLabel('Password').fill('passwordpassword');
  await page.getByRole('button', { name: 'Add operator' }).click();
  await expect(page.getByRole('form', { name: 'Add an operator' }).getByRole('alert')).toContainText('password');
  await page.getByLabel('Password').fill(`Kept-${randomBytes(9).toString('base64url')}`);
  await page.getByRole('button', { name: 'Add operator' }).click();
  await expect(page.getByRole('table', { name: 'Operators' })).toContainText(colleague);
  await page.getByRole('button', { name: `Remove ${colleague}` }).click();
  await page.getByRole('button', { name: `Confirm removing ${colleague}` }).click();
  await expect(page.getByRole('table', { name: 'Operators' })).not.toContainText(colleague);
  await expect(page.getByRole('button', { name: `Remove ${login().email}` })).toHaveCount(0);

  // The API key the tests use has been used: its last use is recorded.
  await dashboard.open('API keys');
  await expect(page.getByRole('table', { name: 'API keys' }).getByRole('row', { name: /tests-sqlite/ })).not.toContainText('Never');
  expect(context).toBeTruthy();
});

test('a directory on the organization page: renamed, disabled after a confirmation, deleted with its name typed', async ({ page }) => {
  const orgId = await createOrganization(`Directory admin ${randomBytes(2).toString('hex')}`);
  const dir = await createDirectory(orgId, 'okta');
  const dashboard = await signedIn(page, login());
  await page.goto(`${app.url()}/dashboard/organizations/${orgId}`);
  const panel = dashboard.directory('Okta');
  await panel.getByLabel('Directory name').fill('Okta EMEA');
  await panel.getByRole('button', { name: 'Rename' }).click();
  const renamed = dashboard.directory('Okta EMEA');
  await expect(renamed).toBeVisible();

  await renamed.getByRole('button', { name: 'Disable', exact: true }).click();
  expect((await scimCall(dir, 'GET', '/Users')).status).toBe(200);
  await renamed.getByRole('button', { name: 'Disable Okta EMEA' }).click();
  await expect(renamed.getByText('Disabled', { exact: true })).toBeVisible();
  expect((await scimCall(dir, 'GET', '/Users')).status).toBe(403);

  await renamed.getByRole('button', { name: 'Delete directory' }).click();
  const confirm = renamed.getByRole('button', { name: 'Delete directory' });
  await expect(confirm).toBeDisabled();
  await renamed.getByLabel('Type “Okta EMEA” to confirm').fill('Okta EMEA');
  await confirm.click();
  await expect(page.getByText('No directory yet', { exact: true })).toBeVisible();
  expect((await scimCall(dir, 'GET', '/Users')).status).toBe(401);
});
