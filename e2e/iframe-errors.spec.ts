// Inside the host's iframe, the portal's error pages talk to the host: a used, expired or forged link and a portal
// page without a session each post portal.resize (so the message is not cut off at the iframe's default height)
// and an event naming the reason, only to the allowed origin. Before, postToHost knew allowed origins only from a
// session, and these pages posted nothing.
import { expect, test, type Page } from '@playwright/test';
import { HostPage } from './pages/host-page';
import { app, createOrganization, expireLink, portalLink } from './support/app';
import { screenshot } from './support/screens';

async function embed(page: Page, src: string): Promise<HostPage> {
  const host = new HostPage(page);
  await page.goto(`${app.hostOrigin()}/embed?src=${encodeURIComponent(src)}`);
  return host;
}

/** The host sized its iframe to the portal's message: the box is fully inside the iframe. */
async function expectNotCutOff(page: Page, host: HostPage, heading: string): Promise<void> {
  const frame = host.portal.root as import('@playwright/test').FrameLocator;
  await expect(frame.getByRole('heading', { name: heading })).toBeVisible();
  const resize = await host.expectMessage('portal.resize');
  expect(resize.origin).toBe(app.url());
  const box = await frame.getByText('To continue, go back to your application').boundingBox();
  const iframe = await page.locator('#portal').boundingBox();
  expect(box && iframe && box.y + box.height <= iframe.y + iframe.height).toBe(true);
}

test('a used link in the iframe posts link.used and portal.resize', async ({ page, browser }) => {
  const link = await portalLink(await createOrganization());
  const first = await browser.newPage();
  await first.goto(link.url);
  await expect(first.getByRole('link', { name: 'SCIM Provisioning' })).toBeVisible();
  await first.close();

  const host = await embed(page, link.url);
  const used = await host.expectMessage('link.used');
  expect(used.origin).toBe(app.url());
  await expectNotCutOff(page, host, 'This link has already been used');
  await screenshot(page, 'iframe-link-used-1280');
});

test('an expired link posts link.expired, a forged one link.invalid', async ({ page }) => {
  const link = await portalLink(await createOrganization());
  expireLink(link.url);
  let host = await embed(page, link.url);
  await host.expectMessage('link.expired');
  await expectNotCutOff(page, host, 'This link has expired');

  host = await embed(page, `${app.url()}/portal/link/scimp_pl_${'x'.repeat(43)}`);
  await host.expectMessage('link.invalid');
  await expectNotCutOff(page, host, 'This link is not valid');
  expect((await host.messages()).map((m) => m.data.type)).not.toContain('link.expired');
});

test('a portal page without a session posts session.expired and portal.resize', async ({ page }) => {
  const host = await embed(page, `${app.url()}/portal/scim`);
  const ended = await host.expectMessage('session.expired');
  expect(ended.data.reason).toBe('missing');
  await expect((host.portal.root as import('@playwright/test').FrameLocator).getByRole('heading', { name: 'Your session has ended' })).toBeVisible();
  await host.expectMessage('portal.resize');
});
