// (d) A portal session of one organization cannot reach another's directories, users or groups, by URL or API.
import { expect, test } from '@playwright/test';
import { PortalPage } from './pages/portal-page';
import { app, createDirectory, createOrganization, portalLink } from './support/app';
import { pushGroup, pushUsers } from './support/okta-client';

test('another organization’s ids are 404 for this session', async ({ page }) => {
  const mine = await createOrganization('Mine');
  const theirs = await createOrganization('Theirs');
  const myDir = await createDirectory(mine);
  const theirDir = await createDirectory(theirs);
  const [theirUser] = await pushUsers(theirDir, 1, 'theirs');
  const theirGroup = await pushGroup(theirDir, 'Secret group', [theirUser]);
  const tokens = await fetch(`${theirDir.endpoint}/Users`, { headers: { Authorization: `Bearer ${theirDir.token}` } });
  expect(tokens.status).toBe(200);

  await page.goto((await portalLink(mine)).url);
  const portal = new PortalPage(page);
  await expect(portal.nav()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Your directories' }).getByRole('link')).toHaveCount(1);

  const statusOf = (path: string, method = 'GET') =>
    page.evaluate(
      async ({ path, method }) => {
        const token = sessionStorage.getItem('scim-portal.session');
        const csrf = (await (await fetch('/api/portal/session', { headers: { Authorization: `Bearer ${token}` } })).json()).csrf;
        const res = await fetch(`/api/portal${path}`, {
          method,
          headers: { Authorization: `Bearer ${token}`, 'X-Portal-CSRF': csrf, 'Content-Type': 'application/json' },
          body: method === 'GET' ? undefined : '{}',
        });
        return res.status;
      },
      { path, method },
    );
  expect(await statusOf(`/directories/${myDir.id}/users`)).toBe(200);
  expect(await statusOf(`/directories/${theirDir.id}`)).toBe(404);
  expect(await statusOf(`/directories/${theirDir.id}/users`)).toBe(404);
  expect(await statusOf(`/directories/${theirDir.id}/users/${theirUser.id}`)).toBe(404);
  expect(await statusOf(`/directories/${myDir.id}/users/${theirUser.id}`)).toBe(404);
  expect(await statusOf(`/directories/${myDir.id}/groups/${theirGroup}`)).toBe(404);
  expect(await statusOf(`/directories/${theirDir.id}/tokens`, 'POST')).toBe(404);
  expect(await statusOf(`/directories/${theirDir.id}/requests`)).toBe(404);

  // Mutations without the CSRF header are refused even with a valid session.
  const noCsrf = await page.evaluate(async (id) => {
    const token = sessionStorage.getItem('scim-portal.session');
    return (await fetch(`/api/portal/directories/${id}/tokens`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } })).status;
  }, myDir.id);
  expect(noCsrf).toBe(403);
  // And no session at all is a 401.
  expect((await fetch(`${app.url()}/api/portal/directories/${myDir.id}/users`)).status).toBe(401);

  await page.goto(`${app.url()}/portal/scim/${theirDir.id}/users`);
  await expect(page.getByText('Not found')).toBeVisible();
  await page.goto(`${app.url()}/portal/scim/${myDir.id}/users/${theirUser.id}`);
  await expect(page.getByText('Not found')).toBeVisible();
  await expect(page.getByText(theirUser.userName)).toHaveCount(0);
});
