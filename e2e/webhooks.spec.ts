// The webhooks screen: an endpoint the delivery worker disabled carries a mark that says why, and the operator
// re-enables it with one click; the host API then shows it enabled again. The screen passes axe.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { cli } from '../tests/setup/app-server';
import { DashboardPage } from './pages/dashboard-page';
import { app, hostApi } from './support/app';

const email = `hooks-${randomBytes(3).toString('hex')}@example.com`;
const password = `e2e-${randomBytes(12).toString('base64url')}`;

test.beforeAll(() => {
  process.env.OPERATOR_PASSWORD = password;
  try {
    cli(app.databaseUrl(), ['operators', 'create', '--email', email]);
  } finally {
    delete process.env.OPERATOR_PASSWORD;
  }
});

test('a disabled endpoint is marked with its reason and re-enabled from the dashboard', async ({ page }) => {
  const url = `https://93.184.216.34/hooks/${randomBytes(3).toString('hex')}`;
  const created = await hostApi<{ id: string }>('POST', '/webhook-endpoints', { url });
  expect(created.status).toBe(201);
  // As the worker leaves an endpoint whose every attempt failed for 72 hours.
  const db = new Database(app.databaseUrl().replace(/^file:/, ''));
  try {
    db.prepare(`UPDATE WebhookEndpoint SET enabled = 0, disabledReason = 'failing', disabledAt = updatedAt, failingSince = createdAt WHERE id = ?`).run(
      created.body.id,
    );
  } finally {
    db.close();
  }

  const dashboard = new DashboardPage(page);
  await dashboard.gotoSignIn();
  await dashboard.signIn(email, password);
  await expect(dashboard.heading('Organizations')).toBeVisible();
  await dashboard.open('Webhooks');
  const card = page.getByRole('region', { name: url });
  await expect(card.getByText('Disabled', { exact: true })).toBeVisible();
  await expect(card.getByText(/every delivery failed for too long/)).toBeVisible();
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

  const reenabledAt = Date.now();
  await card.getByRole('button', { name: `Re-enable ${url}` }).click();
  await expect(card.getByText('Enabled', { exact: true })).toBeVisible();
  await expect(card.getByRole('button', { name: `Re-enable ${url}` })).toHaveCount(0);
  const after = await hostApi<{ enabled: boolean; disabledReason: string | null; failingSince: string | null }>('GET', `/webhook-endpoints/${created.body.id}`);
  expect(after.body).toMatchObject({ enabled: true, disabledReason: null });
  // The failure history is gone: the other worker's specs write events meanwhile, and a delivery of one to this
  // unreachable address may already have failed again, but never since before the re-enable.
  const since = after.body.failingSince;
  expect(since === null || Date.parse(since) >= reenabledAt - 1_000, `failingSince ${since}`).toBe(true);
});
