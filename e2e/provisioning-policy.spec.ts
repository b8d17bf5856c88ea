// Issue 19 in the portal: with a seat limit and domains set by the host, the Users tab shows the seats used and
// the policy; a person refused by the policy is found through "Find a person", with the reason in plain words;
// axe clean and no sideways scroll at 1280 and 360 px, with screenshots. The operator sets the policy in the dashboard.
import { expect, test } from '@playwright/test';
import { clientCreateUserBody, oktaUserInput, setActivePatch } from './fixtures/idp/okta';
import { app, createDirectory, createOrganization, hostApi, portalLink } from './support/app';
import { expectNoSeriousViolations } from './support/axe';
import { expectNoSidewaysScroll } from './support/layout';
import { createOperator, signedIn } from './support/operator';
import { scimCall } from './support/okta-client';
import { screenshot, screenshotOf } from './support/screens';

test('seats used, the policy, and a refused person found with the reason', async ({ page }) => {
  const orgId = await createOrganization('Policy');
  const dir = await createDirectory(orgId, 'okta');
  expect(
    (
      await hostApi('PATCH', `/organizations/${orgId}/policy`, {
        seatLimit: 2,
        domains: ['okta.local'],
        leaving: { mode: 'delete_after', deleteAfterDays: 30 },
      })
    ).status,
  ).toBe(200);
  const [ann, ben, cat] = ['ann', 'ben', 'cat'].map((p) => oktaUserInput(p));
  const annId = (await scimCall(dir, 'POST', '/Users', clientCreateUserBody(ann))).body?.id as string;
  expect((await scimCall(dir, 'POST', '/Users', clientCreateUserBody(ben))).status).toBe(201);
  expect((await scimCall(dir, 'POST', '/Users', clientCreateUserBody(cat))).status).toBe(403);
  const foreign = {
    ...clientCreateUserBody(oktaUserInput('dan')),
    userName: 'dan@gmail.com',
    emails: [{ primary: true, value: 'dan@gmail.com', type: 'work' }],
  };
  expect((await scimCall(dir, 'POST', '/Users', foreign)).status).toBe(403);
  expect((await scimCall(dir, 'PATCH', `/Users/${annId}`, setActivePatch(false))).status).toBe(200);

  await page.goto((await portalLink(orgId)).url);
  await expect(page.getByRole('link', { name: 'SCIM Provisioning' })).toBeVisible();
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: width === 360 ? 780 : 800 });
    await page.goto(`${app.url()}/portal/scim/${dir.id}/users`);
    const policy = page.getByRole('group', { name: 'Provisioning policy' });
    await expect(policy).toContainText('Seats: 1 of 2 used');
    await expect(policy).toContainText('Only users on okta.local are accepted.');
    await expect(policy).toContainText('deleted after 30 days');
    await expectNoSeriousViolations(page, `users with a policy at ${width}px`);
    await expectNoSidewaysScroll(page, `users with a policy at ${width}px`);
    await screenshot(page, `standalone-users-policy-${width}`);

    await page.goto(`${app.url()}/portal/scim/${dir.id}/requests`);
    const table = page.getByRole('table', { name: 'SCIM requests' });
    await page.getByLabel('Find a person').fill(cat.userName);
    await expect(table.getByRole('row')).toHaveCount(2);
    await expect(table.getByRole('row').nth(1)).toContainText('Refused (seat limit)');
    await page.getByLabel('Find a person').fill('dan@gmail');
    await expect(table.getByRole('row').nth(1)).toContainText('Refused (domain)');
    await page.getByLabel('Find a person').fill(ann.userName);
    await expect(table.getByRole('row')).toHaveCount(3);
    await expect(table.getByRole('row').nth(1)).toContainText('Deactivated');
    await expect(table.getByRole('row').nth(2)).toContainText('Created');
    await page.getByLabel('Find a person').fill(cat.userName);
    await expect(table.getByRole('row')).toHaveCount(2);
    await table
      .getByRole('row')
      .nth(1)
      .getByRole('button', { name: /Details/ })
      .click();
    await expect(page.getByText(/seat limit of 2 active users is reached/).first()).toBeVisible();
    await expectNoSeriousViolations(page, `a refused person at ${width}px`);
    await expectNoSidewaysScroll(page, `a refused person at ${width}px`);
    await screenshot(page, `standalone-find-refused-person-${width}`);
  }
});

test('the dashboard sets an organization policy the host API then reads; an invalid domain is refused with the reason', async ({ page }) => {
  const orgId = await createOrganization('Dashboard policy');
  await signedIn(page, createOperator('policy'));
  await page.goto(`${app.url()}/dashboard/organizations/${orgId}`);
  const form = page.getByRole('form', { name: 'Provisioning policy' });
  await form.getByLabel('Accepted domains').fill('not a domain');
  await form.getByRole('button', { name: 'Save policy' }).click();
  await expect(form.getByText(/domains\.0: a domain name such as "acme\.com"/)).toBeVisible();
  await form.getByLabel('Accepted domains').fill('acme.com, Acme.io');
  await form.getByLabel('Seat limit (active users)').fill('25');
  await form.getByLabel('When the IdP deactivates a user').selectOption('delete_after');
  await form.getByLabel('Days before deletion').fill('14');
  await form.getByRole('button', { name: 'Save policy' }).click();
  await expect(page.getByText('Policy saved.')).toBeVisible();
  const read = await hostApi('GET', `/organizations/${orgId}/policy`);
  expect(read.body).toMatchObject({ domains: ['acme.com', 'acme.io'], seatLimit: 25, leaving: { mode: 'delete_after', deleteAfterDays: 14 } });
  await expect(page.getByText('Seats used: 0 of 25.', { exact: false })).toBeVisible();
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: width === 360 ? 780 : 800 });
    await expectNoSeriousViolations(page, `dashboard policy at ${width}px`);
    await expectNoSidewaysScroll(page, `dashboard policy at ${width}px`);
    // The policy card sits at the foot of the page: the card itself.
    await screenshotOf(page.getByRole('region', { name: 'Provisioning policy' }), `dashboard-organization-policy-${width}`);
  }
});
