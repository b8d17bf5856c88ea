// (b) Mapping a group to a role, after a preview, changes the roles shown for its members.
import { expect, test } from '@playwright/test';
import { PortalPage } from './pages/portal-page';
import { app, createDirectory, createOrganization, ensureRoles, portalLink } from './support/app';
import { groupCreateBody } from './fixtures/idp/okta';
import { pushGroup, pushUsers, scimCall } from './support/okta-client';
import { screenshot } from './support/screens';

test('group-to-role mapping with preview changes a user’s roles', async ({ page }) => {
  const orgId = await createOrganization('Initech');
  await ensureRoles(orgId, [
    { key: 'admin', name: 'Administrator' },
    { key: 'viewer', name: 'Viewer' },
  ]);
  const dir = await createDirectory(orgId, 'okta');
  const people = await pushUsers(dir, 3, 'roles');
  await pushGroup(dir, 'Admins', people.slice(0, 2));

  await page.goto((await portalLink(orgId)).url);
  const portal = new PortalPage(page);
  await expect(page).toHaveURL(/\/portal\/scim$/);
  await page.goto(`${app.url()}/portal/scim/${dir.id}/users`);
  await expect(portal.row('Users', people[0].userName)).toContainText('No role');

  await portal.openTab('Roles');
  await page.getByLabel('Group', { exact: true }).selectOption({ label: 'Admins' });
  await page.getByLabel('Role', { exact: true }).selectOption('admin');
  await page.getByRole('button', { name: 'Add mapping' }).click();
  await page.getByRole('button', { name: 'Preview changes' }).click();
  await expect(page.getByText('2 users will get different roles')).toBeVisible();
  await expect(portal.table('Users whose roles change').getByRole('row')).toHaveCount(3);
  await screenshot(page, 'standalone-roles-preview-1280');
  await page.getByRole('button', { name: 'Save mappings' }).click();
  await expect(page.getByText('Mappings saved')).toBeVisible();

  await portal.openTab('Users');
  await expect(portal.row('Users', people[0].userName)).toContainText('Administrator');
  await expect(portal.row('Users', people[2].userName)).toContainText('No role');

  await page.getByLabel('Search users').fill(people[0].userName.slice(0, 12).toUpperCase());
  await expect(portal.table('Users').getByRole('row')).toHaveCount(2);
  await page.getByRole('link', { name: `${people[0].givenName} ${people[0].familyName}` }).click();
  await expect(page.getByRole('heading', { name: 'Attributes from your identity provider' })).toBeVisible();
  await expect(page.getByText('"locale": "en-US"')).toBeVisible();
});

test('the group picker finds a group by name when the directory has more than it lists', async ({ page }) => {
  const orgId = await createOrganization('Globex');
  await ensureRoles(orgId, [{ key: 'admin', name: 'Administrator' }]);
  const dir = await createDirectory(orgId, 'okta');
  // 101 "Team" groups sort before "Zeta Ops": the picker's first 100 never reach it.
  for (const name of [...Array.from({ length: 101 }, (_, i) => `Team ${String(i).padStart(3, '0')}`), 'Zeta Ops']) {
    expect((await scimCall(dir, 'POST', '/Groups', groupCreateBody(name))).status).toBe(201);
  }

  await page.goto((await portalLink(orgId)).url);
  await expect(page).toHaveURL(/\/portal\/scim$/);
  await page.goto(`${app.url()}/portal/scim/${dir.id}/roles`);
  const picker = page.getByLabel('Group', { exact: true });
  await expect(picker.locator('option')).toHaveCount(101); // "Choose a group" and 100 groups
  await expect(picker.locator('option', { hasText: 'Zeta Ops' })).toHaveCount(0);
  await expect(page.getByText('Showing the first 100 groups; type part of a name to find others.')).toBeVisible();

  await page.getByLabel('Find a group').fill('zeta');
  await expect(picker.locator('option')).toHaveCount(2);
  await expect(page.getByText(/Showing the first 100/)).toHaveCount(0);
  await picker.selectOption({ label: 'Zeta Ops' });
  await page.getByRole('button', { name: 'Add mapping' }).click();
  await expect(portalTable(page).getByRole('row', { name: /Zeta Ops/ })).toBeVisible();

  await page.getByLabel('Find a group').fill('no such group');
  await expect(picker.locator('option')).toHaveText(['No groups match “no such group”']);
});

const portalTable = (page: import('@playwright/test').Page) => page.getByRole('table', { name: 'Mappings' });
