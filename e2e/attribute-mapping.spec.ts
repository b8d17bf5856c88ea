// Issue 18 items 3 and 4: the IT admin maps the app's `department` field from the enterprise extension with a
// fallback to `title`, picking both from the paths that actually arrived, previews the values on real users, saves,
// watches the recompute finish, and sees the mapped value on a user's page. axe clean and no sideways scroll at
// 1280 and 360 px, with screenshots. Then the operator edits the host's fields in the dashboard.
import { expect, test } from '@playwright/test';
import { PortalPage } from './pages/portal-page';
import { app, createDirectory, createOrganization, hostApi, portalLink } from './support/app';
import { expectNoSeriousViolations } from './support/axe';
import { expectNoSidewaysScroll } from './support/layout';
import { scimCall } from './support/okta-client';
import { createOperator, signedIn } from './support/operator';
import { screenshot, screenshotOf } from './support/screens';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const DEPT = `${ENTERPRISE}:department`;

test('the IT admin maps department from the enterprise extension with a fallback, previews, saves and sees it on a user', async ({ page }) => {
  const schema = await hostApi('PUT', '/user-schema', {
    slug: 'e2eapp',
    fields: [
      { key: 'department', label: 'Department', type: 'string', required: true },
      { key: 'costCenter', label: 'Cost center', type: 'string' },
    ],
  });
  expect(schema.status).toBe(200);
  const orgId = await createOrganization('Initech');
  const dir = await createDirectory(orgId, 'okta');
  const people = [
    { userName: 'peter@initech.test', title: 'Engineer', [ENTERPRISE]: { department: 'Software' } },
    { userName: 'milton@initech.test', title: 'Collator' },
    { userName: 'bill@initech.test', title: 'VP', [ENTERPRISE]: { department: 'Management' } },
  ];
  const ids: string[] = [];
  for (const p of people) {
    const r = await scimCall(dir, 'POST', '/Users', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ENTERPRISE], active: true, ...p });
    expect(r.status).toBe(201);
    ids.push(String(r.body?.id));
  }

  await page.goto((await portalLink(orgId)).url);
  await expect(page).toHaveURL(/\/portal\/scim$/);
  const portal = new PortalPage(page);
  await page.goto(`${app.url()}/portal/scim/${dir.id}/users`);
  await page.getByRole('tab', { name: 'Attributes' }).click();
  await expect(page.getByRole('heading', { name: 'Attributes the app receives' })).toBeVisible();

  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: width === 360 ? 780 : 800 });
    const source = page.getByLabel('Source of Department');
    await expect(source.locator('option', { hasText: `${DEPT} · 2 of 3 users` })).toHaveCount(1);
    await source.selectOption(DEPT);
    if (width === 1280) await page.getByRole('button', { name: 'Add a fallback for Department' }).click();
    await page.getByLabel('Fallback 1 for Department').selectOption('title');
    // Saving waits for a preview of this very draft (at 360 px the draft is the one previewed at 1280).
    if (width === 1280) await expect(page.getByRole('button', { name: 'Save and apply to all users' })).toBeDisabled();
    await page.getByRole('button', { name: 'Preview' }).click();
    const preview = portal.table('Values the mapping gives the most recently changed users');
    await expect(portal.row('Values the mapping gives the most recently changed users', 'milton@initech.test')).toContainText('Collator');
    await expect(portal.row('Values the mapping gives the most recently changed users', 'peter@initech.test')).toContainText('Software');
    await expect(page.getByRole('list', { name: 'Preview summary' })).toContainText('Department: 0 of 3 users without a value');
    await expect(page.getByRole('list', { name: 'Preview summary' })).toContainText('Cost center: 3 of 3 users without a value');
    await expectNoSeriousViolations(page, `attribute mapping preview at ${width}px`);
    await expectNoSidewaysScroll(page, `attribute mapping preview at ${width}px`);
    await screenshot(page, `standalone-attributes-${width}`);
    await screenshotOf(preview, `standalone-attributes-preview-${width}`);
  }

  await page.getByRole('button', { name: 'Save and apply to all users' }).click();
  await expect(page.getByText('Mapping applied')).toBeVisible();
  await expect(page.getByText('All 3 users updated; 3 got new values.')).toBeVisible();
  const mapping = await hostApi<{ version: number; fields: { key: string; sources: string[] }[] }>('GET', `/directories/${dir.id}/attribute-mapping`);
  expect(mapping.body.fields.find((f) => f.key === 'department')?.sources).toEqual([DEPT, 'title']);

  await page.goto(`${app.url()}/portal/scim/${dir.id}/users/${ids[1]}`);
  const card = page.getByRole('region', { name: 'Attributes the app receives' });
  await expect(card).toContainText('department');
  await expect(card).toContainText('Collator');
  await expectNoSeriousViolations(page, 'user page with mapped attributes at 360px');
  await screenshotOf(card, 'standalone-user-mapped-attributes-360');
});

test("the operator adds, edits and removes the host's user fields in the dashboard, with the host API's validation", async ({ page }) => {
  await signedIn(page, createOperator('fields'));
  await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'User fields' }).click();
  await expect(page.getByRole('heading', { name: 'User fields', level: 1 })).toBeVisible();
  const before = await hostApi<{ fields: { key: string }[] }>('GET', '/user-schema');
  const n = before.body.fields.length;
  await page.getByRole('button', { name: 'Add a field' }).click();
  await page.getByLabel(`Key of field ${n + 1}`).fill('bad key');
  await page.getByLabel(`Label of field ${n + 1}`).fill('Level');
  await page.getByLabel(`Type of field ${n + 1}`).selectOption('number');
  await page.getByLabel(`Default of field ${n + 1}`).fill('3');
  await page.getByRole('button', { name: 'Save fields' }).click();
  await expect(page.getByText(/key: a letter, then letters/)).toBeVisible();
  await page.getByLabel(`Key of field ${n + 1}`).fill('level');
  const field = page.getByRole('listitem').filter({ has: page.getByLabel(`Key of field ${n + 1}`) });
  await field.getByRole('checkbox', { name: 'Indexed (fast filters)' }).check();
  await page.getByRole('button', { name: 'Save fields' }).click();
  await expect(page.getByText(`Saved ${n + 1} fields.`)).toBeVisible();
  const after = await hostApi<{ fields: { key: string; type: string; default?: unknown; indexed?: boolean }[] }>('GET', '/user-schema');
  expect(after.body.fields.at(-1)).toMatchObject({ key: 'level', type: 'number', default: 3, indexed: true });
  // The index is built in the background after the save: the page shows its state as of its load.
  await expect(async () => {
    await page.reload();
    await expect(field.getByText('Index ready')).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expectNoSeriousViolations(page, 'user fields at 1280px');
  await screenshotOf(field, 'dashboard-user-field-indexed-1280');
  await page.setViewportSize({ width: 360, height: 800 });
  await expectNoSidewaysScroll(page, 'user fields at 360px');
  await expectNoSeriousViolations(page, 'user fields at 360px');
  await screenshotOf(field, 'dashboard-user-field-indexed-360');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.reload();
  await page.getByRole('button', { name: `Remove field ${n + 1}` }).click();
  await page.getByRole('button', { name: 'Save fields' }).click();
  await expect(page.getByText(`Saved ${n} fields.`)).toBeVisible();
  expect((await hostApi<{ fields: unknown[] }>('GET', '/user-schema')).body.fields).toHaveLength(n);
});
