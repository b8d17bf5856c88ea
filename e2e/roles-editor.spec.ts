// The Roles tab: unsaved mappings are not thrown away by leaving the tab (the portal asks first), "Save mappings"
// says why it waits for a preview, the default role is previewed before it is saved, and roles show by name with
// their keys secondary; at 360 px the editor's fields take a line each.
import { expect, test } from '@playwright/test';
import { PortalPage } from './pages/portal-page';
import { app, createDirectory, createOrganization, ensureRoles, portalLink } from './support/app';
import { pushGroup, pushUsers } from './support/okta-client';
import { screenshot } from './support/screens';

test('unsaved-changes guard, save hint, default-role preview, role names', async ({ page }) => {
  const orgId = await createOrganization('Guarded');
  await ensureRoles(orgId, [
    { key: 'admin', name: 'Administrator' },
    { key: 'viewer', name: 'Viewer' },
  ]);
  const dir = await createDirectory(orgId, 'okta');
  const people = await pushUsers(dir, 3, 'guard');
  await pushGroup(dir, 'Admins', people.slice(0, 1));
  await page.goto((await portalLink(orgId)).url);
  await expect(page.getByRole('link', { name: 'SCIM Provisioning' })).toBeVisible(); // the link page has opened the session
  await page.goto(`${app.url()}/portal/scim/${dir.id}/roles`);
  const portal = new PortalPage(page);

  await page.getByLabel('Group', { exact: true }).selectOption({ label: 'Admins' });
  await page.getByLabel('Role', { exact: true }).selectOption('admin');
  await page.getByRole('button', { name: 'Add mapping' }).click();
  await expect(page.getByRole('table', { name: 'Mappings' }).getByRole('row', { name: /Admins/ })).toContainText('Administrator');
  await expect(page.getByRole('button', { name: 'Save mappings' })).toBeDisabled();
  await expect(page.getByText('Preview them first: saving is enabled once you have seen whose roles change.')).toBeVisible();

  // Leaving the tab with the draft: the portal asks; dismissing keeps the draft.
  let asked = '';
  page.once('dialog', (d) => {
    asked = d.message();
    void d.dismiss();
  });
  await portal.tab('Users').click();
  await expect.poll(() => asked).toContain('unsaved changes');
  await expect(portal.tab('Roles')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('table', { name: 'Mappings' }).getByRole('row', { name: /Admins/ })).toBeVisible();

  await page.getByRole('button', { name: 'Preview changes' }).click();
  await expect(page.getByText('1 user will get different roles')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Users whose roles change' })).toContainText('Administrator');
  await page.getByRole('button', { name: 'Save mappings' }).click();
  await expect(page.getByText('Mappings saved')).toBeVisible();

  // The default role: previewed first, then saved; everyone in no mapped group gets it.
  await page.getByRole('combobox', { name: 'Default role' }).selectOption('viewer');
  await expect(page.getByRole('button', { name: 'Save default role' })).toBeDisabled();
  await page.getByRole('button', { name: 'Preview default role' }).click();
  await expect(page.getByText('2 users will get different roles')).toBeVisible();
  await page.getByRole('button', { name: 'Save default role' }).click();
  await expect(page.getByText('Default role saved.')).toBeVisible();

  await portal.openTab('Users');
  await expect(portal.row('Users', people[1].userName)).toContainText('Viewer');
  await expect(portal.row('Users', people[0].userName)).toContainText('Administrator');

  await page.setViewportSize({ width: 360, height: 780 });
  await portal.openTab('Roles');
  for (const label of ['Find a group', 'Group', 'Role']) {
    const width = (await page.getByLabel(label, { exact: true }).boundingBox())?.width ?? 0;
    expect(width, `${label} at 360 px`).toBeGreaterThan(200);
  }
  await screenshot(page, 'standalone-roles-phone-360');
});
