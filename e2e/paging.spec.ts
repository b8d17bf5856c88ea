// Server-side pages in the portal's tables: Next and Previous walk the Users tab, a group's members and the
// request log 25 rows at a time; a new search starts again from page 1.
import { expect, test } from '@playwright/test';
import { PortalPage } from './pages/portal-page';
import { app, createDirectory, createOrganization, portalLink } from './support/app';
import { pushGroup, pushUsers } from './support/okta-client';

test('Next and Previous walk 30 users, 30 members and the request log; a search starts from page 1', async ({ page }) => {
  const orgId = await createOrganization('Paging Inc');
  const dir = await createDirectory(orgId, 'okta');
  const people = await pushUsers(dir, 30, 'pager');
  const groupId = await pushGroup(dir, 'Everyone', people);

  await page.goto((await portalLink(orgId)).url);
  await expect(page).toHaveURL(/\/portal\/scim$/);
  const portal = new PortalPage(page);
  const pages = page.getByRole('navigation', { name: 'Pagination' });
  const walk = async (caption: string, secondPage: number, distinctRows = true) => {
    const rows = portal.table(caption).getByRole('row');
    await expect(rows).toHaveCount(26); // the header and 25
    await expect(pages.getByRole('button', { name: 'Previous' })).toBeDisabled();
    const page1 = await rows.allInnerTexts();
    await pages.getByRole('button', { name: 'Next' }).click();
    await expect(pages.getByText(/^Page 2/)).toBeVisible();
    await expect(rows).toHaveCount(1 + secondPage);
    const page2 = (await rows.allInnerTexts()).slice(1);
    if (distinctRows) expect(page2.filter((text) => page1.includes(text))).toEqual([]);
    if (secondPage < 25) await expect(pages.getByRole('button', { name: 'Next' })).toBeDisabled();
    await pages.getByRole('button', { name: 'Previous' }).click();
    await expect(pages.getByText(/^Page 1/)).toBeVisible();
    await expect.poll(() => rows.allInnerTexts()).toEqual(page1);
  };

  await page.goto(`${app.url()}/portal/scim/${dir.id}/users`);
  await walk('Users', 5);
  await pages.getByRole('button', { name: 'Next' }).click();
  await expect(pages.getByText(/^Page 2/)).toBeVisible();
  await page.getByLabel('Search users').fill(people[7].userName);
  await expect(pages.getByText(/^Page 1/)).toBeVisible();
  await expect(portal.table('Users').getByRole('row')).toHaveCount(2);

  await page.goto(`${app.url()}/portal/scim/${dir.id}/groups/${groupId}`);
  await walk('Members of Everyone', 5);

  // 30 user creations, a group creation and its PATCH: 32 requests (rows alike, as many POSTs look the same).
  await page.goto(`${app.url()}/portal/scim/${dir.id}/requests`);
  await walk('SCIM requests', 7, false);
});
