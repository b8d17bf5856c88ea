// The operator dashboard end to end: an operator created through the CLI signs in, creates an organization, sees
// its directory connect, opens its portal in a new tab, manages API keys and roles; every screen passes axe.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { cli } from '../tests/setup/app-server';
import { DashboardPage } from './pages/dashboard-page';
import { PortalPage } from './pages/portal-page';
import { app, createDirectory } from './support/app';
import { scimCall } from './support/okta-client';
import { screenshot } from './support/screens';

const email = `ops-${randomBytes(3).toString('hex')}@example.com`;
const password = `e2e-${randomBytes(12).toString('base64url')}`;

async function expectNoSeriousViolations(page: Page, label: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const serious = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${label}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious, serious.join('\n')).toEqual([]);
}

test.beforeAll(() => {
  // As an install's first operator is made: the CLI against the app's database, the password from the environment
  // (never on the command line).
  const previous = process.env.OPERATOR_PASSWORD;
  process.env.OPERATOR_PASSWORD = password;
  try {
    const out = cli(app.databaseUrl(), ['operators', 'create', '--email', email]);
    expect(out).toContain(email);
    expect(out).not.toContain(password);
  } finally {
    if (previous === undefined) delete process.env.OPERATOR_PASSWORD;
    else process.env.OPERATOR_PASSWORD = previous;
  }
});

test('signed-out visitors are sent to sign in, and a wrong password is refused inline', async ({ page }) => {
  await page.goto(`${app.url()}/dashboard/api-keys`);
  await expect(page).toHaveURL(/\/dashboard\/signin/);
  const dashboard = new DashboardPage(page);
  await dashboard.gotoSignIn();
  await dashboard.signIn(email, 'not-the-password-at-all');
  await expect(dashboard.signInError()).toHaveText('Incorrect email or password.');
  await expect(page).toHaveURL(/\/dashboard\/signin/);
  await expectNoSeriousViolations(page, 'sign-in with error');
  await screenshot(page, 'dashboard-signin-1280');
});

test('an operator signs in, creates an organization, sees its directory connect and opens its portal', async ({ page }) => {
  test.setTimeout(180_000);
  const dashboard = new DashboardPage(page);
  await dashboard.gotoSignIn();
  await dashboard.signIn(email.toUpperCase(), password);
  await expect(dashboard.heading('Organizations')).toBeVisible();
  await expect(page).toHaveURL(`${app.url()}/dashboard`);

  const orgName = `Initech ${randomBytes(2).toString('hex')}`;
  const orgId = await dashboard.createOrganization(orgName);
  expect(orgId).toMatch(/^org_/);
  await dashboard.openOrganization(orgName);
  await expect(page.getByText('No directory yet', { exact: true })).toBeVisible();

  // The organization's IdP connects: a directory through the host API, then one SCIM request with its token.
  const dir = await createDirectory(orgId, 'okta');
  expect((await scimCall(dir, 'GET', '/Users')).status).toBe(200);
  const panel = dashboard.directory('Okta');
  // The SCIM request log is written in batches shortly after the request, so reload until it shows.
  await expect(async () => {
    await page.reload();
    await expect(panel.getByText('Connected', { exact: true })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(panel.getByText('Enabled', { exact: true })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Tokens of Okta' }).getByText('Never')).toHaveCount(0);
  await expectNoSeriousViolations(page, 'organization page');

  // "Open portal" mints a single-use link and opens that organization's portal in a new tab.
  const tab = await dashboard.openPortal(orgName);
  const portal = new PortalPage(tab);
  await expect(portal.nav()).toBeVisible();
  await expect(tab.getByText(orgName, { exact: true })).toBeVisible();
  await tab.close();

  for (const section of ['API keys', 'Webhooks', 'Roles', 'Operators', 'Audit log'] as const) {
    await dashboard.open(section);
    await expectNoSeriousViolations(page, section);
  }

  await dashboard.open('API keys');
  const keyName = `ci-${randomBytes(2).toString('hex')}`;
  const secret = await dashboard.createApiKey(keyName);
  const probe = await fetch(`${app.url()}/api/v1/roles`, { headers: { Authorization: `Bearer ${secret}` } });
  expect(probe.status).toBe(200);
  await expectNoSeriousViolations(page, 'API key shown once');
  await dashboard.revokeApiKey(keyName);
  const refused = await fetch(`${app.url()}/api/v1/roles`, { headers: { Authorization: `Bearer ${secret}` } });
  expect(refused.status).toBe(401);

  await dashboard.open('Roles');
  const roleKey = `auditor-${randomBytes(2).toString('hex')}`;
  await page.getByLabel('Key', { exact: true }).fill(roleKey);
  await page.getByLabel('Name', { exact: true }).fill('Auditor');
  await page.getByRole('button', { name: 'Create role' }).click();
  await expect(page.getByRole('table', { name: 'Roles' }).getByText(roleKey)).toBeVisible();

  await dashboard.open('Audit log');
  const audit = page.getByRole('table', { name: 'Audit log' });
  await expect(audit.getByRole('row', { name: /api_key\.revoked/ }).first()).toBeVisible();
  await expect(audit.getByRole('row', { name: /organization\.created/ }).filter({ hasText: orgId })).toContainText(`Operator ${email}`);
  // Portal links are most of the log: left out unless asked for.
  await expect(audit.getByRole('row', { name: /portal_link\.created/ })).toHaveCount(0);
  await page.getByLabel('Action').selectOption('portal_link.created');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(audit.getByRole('row', { name: /portal_link\.created/ }).first()).toBeVisible();
  await expect(audit.getByRole('row', { name: /api_key\.revoked/ })).toHaveCount(0);
});
