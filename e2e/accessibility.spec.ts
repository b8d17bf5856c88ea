// Every portal and dashboard screen at 1280 and 360 px: axe finds no serious or critical violation, the page never
// scrolls sideways (tables scroll inside their card), and a screenshot of each goes to e2e/screenshots/.
import { expect, test, type Page } from '@playwright/test';
import { PortalPage } from './pages/portal-page';
import { expectNoSeriousViolations } from './support/axe';
import { app, createDirectory, createOrganization, ensureRoles, portalLink } from './support/app';
import { expectNoSidewaysScroll } from './support/layout';
import { createOperator, signedIn } from './support/operator';
import { pushGroup, pushUsers, scimCall } from './support/okta-client';
import { screenshot } from './support/screens';

interface Screen {
  name: string;
  url: string;
  ready: () => Promise<void>;
}

async function checkScreens(page: Page, prefix: string, screens: Screen[]): Promise<void> {
  const failures: string[] = [];
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: width === 360 ? 780 : 800 });
    for (const s of screens) {
      await page.goto(s.url);
      await s.ready();
      await expectNoSeriousViolations(page, `${s.name} at ${width}px`);
      // Collected, not thrown at once, so one run names every screen that scrolls sideways.
      await expectNoSidewaysScroll(page, `${s.name} at ${width}px`).catch((e: Error) => failures.push(e.message.split('\n')[0]));
      await screenshot(page, `${prefix}-${s.name}-${width}`);
    }
  }
  expect(failures, failures.join('\n')).toEqual([]);
}

test('every portal screen: axe, no sideways scroll, screenshots at 1280 and 360 px', async ({ page }) => {
  test.setTimeout(600_000);
  const orgId = await createOrganization('Hooli');
  await ensureRoles(orgId, [
    { key: 'admin', name: 'Administrator' },
    { key: 'support-agent', name: 'Support agent' },
  ]);
  const dir = await createDirectory(orgId, 'okta');
  const people = await pushUsers(dir, 4, 'axe-with-a-rather-long-user-name');
  const groupId = await pushGroup(dir, 'Support', people.slice(0, 3));
  await scimCall({ ...dir, token: 'scimp_tok_wrong' }, 'GET', '/Users');
  await scimCall(dir, 'GET', `/Users?filter=${encodeURIComponent(`userName eq "${people[0].userName}"`)}&startIndex=1&count=100`);

  await page.goto((await portalLink(orgId)).url);
  const portal = new PortalPage(page);
  await expect(portal.nav()).toBeVisible();
  const base = `${app.url()}/portal/scim/${dir.id}`;
  await checkScreens(page, 'standalone', [
    {
      name: 'overview',
      url: `${app.url()}/portal/scim`,
      ready: () => expect(portal.root.getByRole('heading', { name: 'SCIM Provisioning', level: 1 })).toBeVisible(),
    },
    { name: 'directory', url: `${base}/overview`, ready: () => expect(page.getByRole('heading', { name: 'Latest requests' })).toBeVisible() },
    { name: 'setup', url: `${base}/setup`, ready: () => expect(page.getByRole('list', { name: 'Setup steps' })).toBeVisible() },
    { name: 'users', url: `${base}/users`, ready: () => expect(portal.row('Users', people[0].userName)).toBeVisible() },
    { name: 'user', url: `${base}/users/${people[0].id}`, ready: () => expect(page.getByText('"userName"')).toBeVisible() },
    { name: 'groups', url: `${base}/groups`, ready: () => expect(portal.row('Groups', 'Support')).toBeVisible() },
    { name: 'group', url: `${base}/groups/${groupId}`, ready: () => expect(portal.table('Members of Support')).toBeVisible() },
    { name: 'roles', url: `${base}/roles`, ready: () => expect(page.getByRole('button', { name: 'Add mapping' })).toBeVisible() },
    { name: 'requests', url: `${base}/requests`, ready: () => expect(portal.table('SCIM requests')).toBeVisible() },
  ]);
  await checkScreens(page, 'standalone', [
    {
      name: 'session-ended',
      url: `${app.url()}/portal/link-error?reason=ended`,
      ready: () => expect(page.getByRole('heading', { name: 'Your session has ended' })).toBeVisible(),
    },
    {
      name: 'link-used',
      url: `${app.url()}/portal/link-error?reason=used`,
      ready: () => expect(page.getByRole('heading', { name: 'This link has already been used' })).toBeVisible(),
    },
  ]);
});

test('every dashboard screen: axe, no sideways scroll, screenshots at 1280 and 360 px', async ({ page }) => {
  test.setTimeout(300_000);
  const login = createOperator('screens');
  const dashboard = await signedIn(page, login);
  const orgId = await createOrganization('Screens Incorporated');
  const dir = await createDirectory(orgId, 'okta');
  await scimCall(dir, 'GET', '/Users');
  await scimCall({ ...dir, token: 'scimp_tok_wrong' }, 'GET', '/Users');
  await dashboard.open('API keys');
  await dashboard.createApiKey('screenshots');
  const d = `${app.url()}/dashboard`;
  const h1 = (name: string) => () => expect(dashboard.heading(name)).toBeVisible();
  await checkScreens(page, 'dashboard', [
    { name: 'organizations', url: d, ready: h1('Organizations') },
    { name: 'api-keys', url: `${d}/api-keys`, ready: h1('API keys') },
    { name: 'webhooks', url: `${d}/webhooks`, ready: h1('Webhooks') },
    { name: 'organization', url: `${d}/organizations/${orgId}`, ready: h1('Screens Incorporated') },
    { name: 'roles', url: `${d}/roles`, ready: h1('Roles') },
    { name: 'operators', url: `${d}/operators`, ready: h1('Operators') },
    { name: 'audit', url: `${d}/audit`, ready: h1('Audit log') },
  ]);
});
