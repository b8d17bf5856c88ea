// axe-core on every portal screen, at desktop and phone widths: no serious or critical violation anywhere.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { PortalPage } from './pages/portal-page';
import { app, createDirectory, createOrganization, ensureRoles, portalLink } from './support/app';
import { pushGroup, pushUsers, scimCall } from './support/okta-client';
import { screenshot } from './support/screens';

async function expectNoSeriousViolations(page: Page, label: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const serious = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${label}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious, serious.join('\n')).toEqual([]);
}

test('every portal screen passes axe (serious and critical)', async ({ page }) => {
  test.setTimeout(420_000);
  const orgId = await createOrganization('Hooli');
  await ensureRoles(orgId, [{ key: 'admin', name: 'Administrator' }]);
  const dir = await createDirectory(orgId, 'okta');
  const people = await pushUsers(dir, 4, 'axe');
  const groupId = await pushGroup(dir, 'Support', people.slice(0, 3));
  await scimCall({ ...dir, token: 'scimp_tok_wrong' }, 'GET', '/Users');
  await scimCall(dir, 'GET', '/Users');

  await page.goto((await portalLink(orgId)).url);
  const portal = new PortalPage(page);
  await expect(portal.nav()).toBeVisible();
  await expectNoSeriousViolations(page, 'overview');
  await screenshot(page, 'standalone-overview-1280');

  const base = `${app.url()}/portal/scim/${dir.id}`;
  const screens: { path: string; ready: () => Promise<void>; name: string; shot?: string }[] = [
    { name: 'setup', path: '', ready: () => expect(page.getByText('Connected', { exact: true })).toBeVisible(), shot: 'standalone-setup-1280' },
    { name: 'users', path: '/users', ready: () => expect(portal.row('Users', people[0].userName)).toBeVisible(), shot: 'standalone-users-1280' },
    { name: 'user', path: `/users/${people[0].id}`, ready: () => expect(page.getByText('"userName"')).toBeVisible() },
    { name: 'groups', path: '/groups', ready: () => expect(portal.row('Groups', 'Support')).toBeVisible() },
    { name: 'group', path: `/groups/${groupId}`, ready: () => expect(portal.table('Members of Support')).toBeVisible() },
    { name: 'roles', path: '/roles', ready: () => expect(page.getByRole('button', { name: 'Add mapping' })).toBeVisible() },
    { name: 'requests', path: '/requests', ready: () => expect(portal.table('SCIM requests')).toBeVisible(), shot: 'standalone-requests-1280' },
  ];
  for (const s of screens) {
    await page.goto(base + s.path);
    await s.ready();
    await expectNoSeriousViolations(page, s.name);
    if (s.shot) await screenshot(page, s.shot);
  }

  await page.setViewportSize({ width: 360, height: 780 });
  for (const s of screens.slice(0, 3)) {
    await page.goto(base + s.path);
    await s.ready();
    await expectNoSeriousViolations(page, `${s.name} at 360px`);
    // Nothing may force a horizontal scroll of the page at 360 px (tables scroll inside their card).
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > 361 && !e.closest('[role=region], [role=tablist]'))
        .map((e) => `${e.tagName.toLowerCase()}.${String(e.className).slice(0, 40)}`)
        .slice(0, 5),
    );
    expect(wide, `${s.name}: elements wider than 360 px`).toEqual([]);
  }
  await page.goto(base);
  await expect(page.getByText('Connected', { exact: true })).toBeVisible();
  await screenshot(page, 'standalone-setup-360');

  await page.goto(`${app.url()}/portal/link-error?reason=used`);
  await expectNoSeriousViolations(page, 'link error');
});
