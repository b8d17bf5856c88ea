// Issue 19 item 1: the IT admin chooses which groups the app receives, in a searchable list with member counts,
// previews the change (groups disappearing, roles moving), saves it; the host API then shows only the chosen group.
// axe clean and no sideways scroll at 1280 and 360 px, with screenshots.
import { expect, test } from '@playwright/test';
import { PortalPage } from './pages/portal-page';
import { app, createDirectory, createOrganization, ensureRoles, hostApi, portalLink } from './support/app';
import { expectNoSeriousViolations } from './support/axe';
import { expectNoSidewaysScroll } from './support/layout';
import { pushGroup, pushUsers } from './support/okta-client';
import { screenshot } from './support/screens';

test('the IT admin receives only the chosen groups, after a preview', async ({ page }) => {
  const orgId = await createOrganization('Hooli');
  await ensureRoles(orgId, [{ key: 'viewer', name: 'Viewer' }]);
  const dir = await createDirectory(orgId, 'okta');
  const people = await pushUsers(dir, 3, 'sel');
  const sales = await pushGroup(dir, 'Sales', people.slice(0, 2));
  const support = await pushGroup(dir, 'Support', people.slice(2));
  expect((await hostApi('PUT', `/directories/${dir.id}/role-mappings`, { mappings: [{ groupId: sales, roleKey: 'viewer' }] })).status).toBe(200);

  await page.goto((await portalLink(orgId)).url);
  await expect(page).toHaveURL(/\/portal\/scim$/);
  const portal = new PortalPage(page);
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: width === 360 ? 780 : 800 });
    await page.goto(`${app.url()}/portal/scim/${dir.id}/groups`);
    await expect(page.getByRole('radio', { name: 'All groups' })).toBeChecked();
    await page.getByRole('radio', { name: 'Only these groups' }).check();
    await expect(page.getByText('No group chosen: the app will receive no groups.')).toBeVisible();
    await page.getByLabel('Find a group').fill('sup');
    const list = page.getByRole('list', { name: 'Groups' });
    await expect(list.getByRole('listitem')).toHaveCount(1);
    await expect(list).toContainText('Support');
    await expect(list).toContainText('1 member');
    await list.getByRole('checkbox', { name: /Support/ }).check();
    await expect(page.getByText('1 group chosen.')).toBeVisible();
    await page.getByRole('button', { name: 'Preview changes' }).click();
    await expect(page.getByText('1 group will disappear, with their members')).toBeVisible();
    await expect(page.getByText(/will appear/)).toHaveCount(0);
    await expect(page.getByText('2 users will get different roles')).toBeVisible();
    await expect(portal.table('Groups that change').getByRole('row', { name: /Sales/ })).toContainText('Disappears');
    await expect(portal.table('Users whose roles change').getByRole('row')).toHaveCount(3);
    await expect(portal.row('Users whose roles change', people[0].userName)).toContainText('Viewer');
    await expectNoSeriousViolations(page, `group selection preview at ${width}px`);
    await expectNoSidewaysScroll(page, `group selection preview at ${width}px`);
    await screenshot(page, `standalone-group-selection-preview-${width}`);
    // Saved at 360 px; at 1280 the draft is discarded, so leaving the page asks nothing.
    if (width === 1280) await page.getByRole('button', { name: 'Discard changes' }).click();
  }

  await page.getByRole('button', { name: 'Save selection' }).click();
  await expect(page.getByText('Group selection saved')).toBeVisible();
  await expect(portal.row('Groups', 'Sales')).toContainText('Not sent to the app');
  await expect(portal.row('Groups', 'Support')).not.toContainText('Not sent to the app');
  expect((await hostApi('GET', `/directories/${dir.id}/group-selection`)).body).toEqual({ mode: 'selected', groupIds: [support], job: null });
  const groups = await hostApi<{ data: { displayName: string }[] }>('GET', `/directories/${dir.id}/groups`);
  expect(groups.body.data.map((g) => g.displayName)).toEqual(['Support']);
  const user = await hostApi<{ roles: string[]; groups: unknown[] }>('GET', `/directories/${dir.id}/users/${people[0].id}`);
  expect(user.body).toMatchObject({ roles: [], groups: [] });
  await page.reload();
  await expect(page.getByRole('radio', { name: 'Only these groups' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: /Support/ })).toBeChecked();
});
