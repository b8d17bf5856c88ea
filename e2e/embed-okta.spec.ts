// (a) The host page embeds the portal in a cross-origin iframe; the admin configures Okta; Okta's requests show up.
import { expect, test } from '@playwright/test';
import { HostPage } from './pages/host-page';
import { app, createOrganization, portalLink } from './support/app';
import { pushGroup, pushUsers } from './support/okta-client';
import { screenshot } from './support/screens';

test('configure Okta inside the host iframe, then see the users and groups Okta pushed', async ({ page }) => {
  const orgId = await createOrganization('Globex');
  const link = await portalLink(orgId);
  expect(link.url.startsWith(`${app.url()}/portal/link/`)).toBe(true);

  const host = new HostPage(page);
  await host.open(link.url);
  const portal = host.portal;
  await host.expectMessage('portal.loaded');
  const resize = await host.expectMessage('portal.resize');
  expect(resize.origin).toBe(app.url());
  expect(resize.data.height).toBeGreaterThan(100);

  // Informational: whether this browser kept the partitioned session cookie inside the cross-origin iframe. The
  // portal works either way (client code sends the session as a Bearer header).
  const cookies = await page.context().cookies(app.url());
  console.log(`session cookie in the iframe: ${cookies.some((c) => c.name === '__Host-portal-session') ? 'kept' : 'not kept'}`);

  await portal.openScimProvisioning();
  await screenshot(page, 'iframe-providers-1280');
  const { endpoint, token } = await portal.configure('Okta');
  await expect(portal.root.getByText('Copy this token now')).toBeVisible();
  await expect(portal.root.getByText('Waiting for the first request')).toBeVisible();
  await expect(portal.root.getByRole('radio', { name: /SCIM 2\.0 Test App \(OAuth Bearer Token\)/ })).toBeChecked();

  const people = await pushUsers({ endpoint, token }, 3, 'embed');
  await pushGroup({ endpoint, token }, 'Engineering', people.slice(0, 2));
  await expect(portal.root.getByText('Connected', { exact: true })).toBeVisible();
  await screenshot(page, 'iframe-setup-1280');

  await portal.openTab('Users');
  for (const p of people) await expect(portal.row('Users', p.userName)).toBeVisible();
  await expect(portal.row('Users', people[0].userName)).toContainText('Engineering');
  await expect(portal.row('Users', people[2].userName)).toContainText('Active');

  await portal.openTab('Groups');
  await expect(portal.row('Groups', 'Engineering')).toContainText('2');
  await portal.root.getByRole('link', { name: 'Engineering' }).click();
  await expect(portal.table('Members of Engineering').getByRole('row')).toHaveCount(3);

  // Narrow host layout: the iframe is 360 px wide.
  await page.setViewportSize({ width: 360, height: 800 });
  await portal.openTab('Users');
  await expect(portal.row('Users', people[0].userName)).toBeVisible();
  await screenshot(page, 'iframe-users-360');

  // Directory disabled from the portal: the host hears it and SCIM is refused.
  await page.setViewportSize({ width: 1280, height: 800 });
  await portal.setSwitch('Directory enabled', false);
  await host.expectMessage('directory.disabled');
  await expect(portal.root.getByText('This directory is disabled')).toBeVisible();
  const refused = await fetch(`${endpoint}/Users`, { headers: { Authorization: `Bearer ${token}` } });
  expect(refused.status).toBe(403);
  await portal.setSwitch('Directory enabled', true);
  await host.expectMessage('directory.enabled');
});

test('portal pages allow framing only by the allowed host origin', async () => {
  const orgId = await createOrganization();
  const link = await portalLink(orgId);
  // The link's page is framed too, sets nothing and sends no Referer; the exchange it posts sets the cookie.
  const res = await fetch(link.url, { redirect: 'manual' });
  expect(res.status).toBe(200);
  expect(res.headers.get('set-cookie')).toBeNull();
  expect(res.headers.get('content-security-policy')).toContain(`frame-ancestors 'self' ${app.hostOrigin()}`);
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  const exchange = await fetch(`${app.url()}/api/portal/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ link: link.url.slice(link.url.lastIndexOf('/') + 1) }),
  });
  expect(exchange.status).toBe(201);
  const cookie = exchange.headers.get('set-cookie') ?? '';
  for (const attr of ['HttpOnly', 'Secure', 'SameSite=None', 'Partitioned']) expect(cookie).toContain(attr);
  const page = await fetch(`${app.url()}/portal/scim`);
  expect(page.headers.get('content-security-policy')).toContain(`frame-ancestors 'self' ${app.hostOrigin()}`);
  expect(page.headers.get('x-frame-options')).toBeNull();
});
