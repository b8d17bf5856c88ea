// (b) Mapping a group to a role, after a preview, changes the roles shown for its members.
import { expect, test } from '@playwright/test';
import { PortalPage } from './pages/portal-page';
import { app, createDirectory, createOrganization, ensureRoles, portalLink } from './support/app';
import { pushGroup, pushUsers } from './support/okta-client';
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
  await expect(portal.row('Users', people[0].userName)).toContainText('admin');
  await expect(portal.row('Users', people[2].userName)).toContainText('No role');

  await page.getByLabel('Search users').fill(people[0].userName.slice(0, 12).toUpperCase());
  await expect(portal.table('Users').getByRole('row')).toHaveCount(2);
  await page.getByRole('link', { name: `${people[0].givenName} ${people[0].familyName}` }).click();
  await expect(page.getByRole('heading', { name: 'Attributes from your identity provider' })).toBeVisible();
  await expect(page.getByText('"locale": "en-US"')).toBeVisible();
});
