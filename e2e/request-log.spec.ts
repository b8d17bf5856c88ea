// The request log: times to the second, the answer's body (redacted like the request's), the person or group each
// request concerns by name, a search by person that finds a refused create too, and totals.
import { expect, test } from '@playwright/test';
import { clientCreateUserBody, clientUserLookupQuery, groupCreateBody, oktaUserInput } from './fixtures/idp/okta';
import { app, createDirectory, createOrganization, portalLink } from './support/app';
import { scimCall } from './support/okta-client';
import { screenshot } from './support/screens';

test('seconds, response bodies, names, search by person, totals', async ({ page }) => {
  const orgId = await createOrganization('Logged');
  const dir = await createDirectory(orgId, 'okta');
  const alice = oktaUserInput('alice');
  const bob = oktaUserInput('bob');
  const statuses: number[] = [];
  statuses.push((await scimCall(dir, 'GET', `/Users${clientUserLookupQuery(alice.userName)}`)).status);
  const created = await scimCall(dir, 'POST', '/Users', clientCreateUserBody(alice));
  expect(created.status).toBe(201);
  expect((await scimCall(dir, 'POST', '/Users', clientCreateUserBody(alice))).status).toBe(409);
  const group = await scimCall(dir, 'POST', '/Groups', groupCreateBody('Log Readers'));
  statuses.push(created.status, 409, group.status, (await scimCall(dir, 'GET', `/Groups/${group.body?.id}`)).status);
  statuses.push((await scimCall(dir, 'POST', '/Users', { ...clientCreateUserBody(bob), userName: '' })).status);
  expect(statuses).toEqual([200, 201, 409, 201, 200, 400]);

  await page.goto((await portalLink(orgId)).url);
  await expect(page.getByRole('link', { name: 'SCIM Provisioning' })).toBeVisible(); // the link page has opened the session
  await page.goto(`${app.url()}/portal/scim/${dir.id}/requests`);
  const table = page.getByRole('table', { name: 'SCIM requests' });
  await expect(table.getByRole('row')).toHaveCount(7);
  await expect(page.getByText('6 requests kept: 4 succeeded, 2 refused, 0 failed.')).toBeVisible();
  // To the second: "Dec 6, 2026, 2:08:16 PM".
  await expect(table.getByRole('row').nth(1)).toContainText(/\d{1,2}:\d{2}:\d{2}\s[AP]M/);
  const groupRow = table.getByRole('row').filter({ hasText: `GET /Groups/${group.body?.id}` });
  await expect(groupRow).toContainText('Log Readers');
  const createRow = table.getByRole('row').filter({ hasText: 'POST /Users' }).filter({ hasText: '201' });
  await expect(createRow).toContainText(alice.userName);
  await createRow.getByRole('button', { name: /Details/ }).click();
  await expect(page.getByText('Response 201')).toBeVisible();
  await expect(page.getByText(`"id": "${created.body?.id}"`)).toBeVisible();
  // Okta's placeholder password: its key stays, never its value.
  await expect(page.getByText('"password": "[redacted]"')).toBeVisible();
  await expect(page.getByText(String(clientCreateUserBody(alice).password))).toHaveCount(0);
  await screenshot(page, 'standalone-request-detail-1280');
  await createRow.getByRole('button', { name: /Hide/ }).click();

  // What happened to alice: her lookup, her create and the refused second create, newest first.
  await page.getByLabel('Find a person').fill(alice.userName.slice(0, 8).toUpperCase());
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(table.getByRole('row').nth(1)).toContainText('409');
  await page.getByLabel('Find a person').fill('nobody-at-all@');
  await expect(page.getByText('No requests match these filters')).toBeVisible();

  await page.setViewportSize({ width: 360, height: 780 });
  await page.getByLabel('Find a person').fill('');
  await expect(table.getByRole('row')).toHaveCount(7);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  expect(height, 'the request log at 360 px stays a phone-length page').toBeLessThan(2600);
  await screenshot(page, 'standalone-requests-phone-360');
});
