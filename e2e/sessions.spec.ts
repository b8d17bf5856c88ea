// Sessions in the browser: a portal session enters a tab only through its link page (never from the URL), opening
// a link leaks its token nowhere, and sessions end at once: an organization's deletion ends its portal, and a
// dashboard sign-out or an operator's removal ends that operator's cookie, copies included.
import { expect, test, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { cli } from '../tests/setup/app-server';
import { DashboardPage } from './pages/dashboard-page';
import { PortalPage } from './pages/portal-page';
import { app, createOrganization, hostApi, portalLink } from './support/app';

const linkToken = (url: string) => url.slice(url.lastIndexOf('/') + 1);

/** A session opened outside any browser, as an attacker would get one for their own organization. */
async function sessionOf(orgId: string): Promise<string> {
  const res = await fetch(`${app.url()}/api/portal/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ link: linkToken((await portalLink(orgId)).url) }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { token: string }).token;
}

test('a session handed over in the URL is never adopted (session fixation)', async ({ page }) => {
  const attackerOrg = `Attacker ${randomBytes(2).toString('hex')}`;
  const victimOrg = `Victim ${randomBytes(2).toString('hex')}`;
  const planted = await sessionOf(await createOrganization(attackerOrg));
  const crafted = (path: string) => `${app.url()}${path}#s=${encodeURIComponent(planted)}`;

  await page.goto(crafted('/portal/scim'));
  await expect(page.getByRole('heading', { name: 'Your session has ended' })).toBeVisible();
  await expect(page.getByText(attackerOrg)).toHaveCount(0);

  await page.goto((await portalLink(await createOrganization(victimOrg))).url);
  await expect(new PortalPage(page).nav()).toBeVisible();
  await expect(page.getByText(victimOrg, { exact: true })).toBeVisible();
  for (const path of ['/portal/scim', '/portal', '/portal/link-error']) {
    await page.goto(crafted(path));
    await page.goto(`${app.url()}/portal/scim`);
    await expect(page.getByText(victimOrg, { exact: true })).toBeVisible();
    await expect(page.getByText(attackerOrg)).toHaveCount(0);
  }
});

test('a HEAD or a plain GET of a link uses nothing, and opening it leaks its token in no Referer', async ({ page }) => {
  const link = await portalLink(await createOrganization());
  expect((await fetch(link.url, { method: 'HEAD' })).status).toBe(200);
  expect((await fetch(link.url)).status).toBe(200);
  const referers: string[] = [];
  page.on('request', (r) => referers.push(r.headers()['referer'] ?? ''));
  await page.goto(link.url);
  await expect(new PortalPage(page).nav()).toBeVisible();
  await expect(page).toHaveURL(`${app.url()}/portal/scim`);
  expect(referers.length).toBeGreaterThan(3);
  expect(referers.filter((r) => r.includes('scimp_pl_'))).toEqual([]);
});

test('deleting the organization ends its open portal', async ({ page }) => {
  const orgId = await createOrganization();
  await page.goto((await portalLink(orgId)).url);
  await expect(new PortalPage(page).nav()).toBeVisible();
  expect((await hostApi('DELETE', `/organizations/${orgId}`)).status).toBe(204);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Your session has ended' })).toBeVisible();
});

function newOperator(): { email: string; password: string } {
  const op = { email: `ops-${randomBytes(3).toString('hex')}@example.com`, password: `e2e-${randomBytes(12).toString('base64url')}` };
  const previous = process.env.OPERATOR_PASSWORD;
  process.env.OPERATOR_PASSWORD = op.password;
  try {
    cli(app.databaseUrl(), ['operators', 'create', '--email', op.email]);
  } finally {
    if (previous === undefined) delete process.env.OPERATOR_PASSWORD;
    else process.env.OPERATOR_PASSWORD = previous;
  }
  return op;
}

async function signedIn(page: Page, op: { email: string; password: string }): Promise<DashboardPage> {
  const dashboard = new DashboardPage(page);
  await dashboard.gotoSignIn();
  await dashboard.signIn(op.email, op.password);
  await expect(dashboard.heading('Organizations')).toBeVisible();
  return dashboard;
}

test('signing out of the dashboard ends the session at once, for a copy of its cookie too', async ({ page, browser }) => {
  await signedIn(page, newOperator());
  const copied = await page.context().cookies();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/dashboard\/signin/);

  const other = await browser.newContext();
  await other.addCookies(copied);
  const tab = await other.newPage();
  await tab.goto(`${app.url()}/dashboard/api-keys`);
  await expect(tab).toHaveURL(/\/dashboard\/signin/);
  const session = await tab.evaluate(async () => (await fetch('/api/auth/session')).json());
  expect(session).toEqual({});
  await other.close();
});

test("removing an operator signs them out at once; so does the CLI's sign-out", async ({ page }) => {
  const op = newOperator();
  await signedIn(page, op);
  cli(app.databaseUrl(), ['operators', 'sign-out', '--email', op.email]);
  await page.reload();
  await expect(page).toHaveURL(/\/dashboard\/signin/);

  await signedIn(page, op);
  expect(cli(app.databaseUrl(), ['operators', 'remove', '--email', op.email])).toContain('sessions have ended');
  await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'API keys' }).click();
  await expect(page).toHaveURL(/\/dashboard\/signin/);
});
