// Page object of the portal, standalone (a Page) or inside the host's iframe (a FrameLocator): role locators only.
import { expect, type FrameLocator, type Page } from '@playwright/test';

type Root = Page | FrameLocator;
type TabName = 'Overview' | 'Setup' | 'Users' | 'Groups' | 'Roles' | 'Request log';

export class PortalPage {
  constructor(readonly root: Root) {}

  nav() {
    return this.root.getByRole('link', { name: 'SCIM Provisioning' });
  }

  async openScimProvisioning(): Promise<void> {
    await this.nav().click();
    await expect(this.root.getByRole('heading', { name: 'SCIM Provisioning', level: 1 })).toBeVisible();
  }

  async configure(providerName: string): Promise<{ endpoint: string; token: string }> {
    await this.root.getByRole('radio', { name: providerName }).check({ force: true });
    await this.root.getByRole('button', { name: 'Configure' }).click();
    const endpoint = this.root.getByLabel('Endpoint URL', { exact: true });
    const token = this.root.getByLabel('Bearer Token', { exact: true });
    await expect(endpoint).toHaveValue(/\/scim\/v2\/dir_/);
    await expect(token).toHaveValue(/^scimp_tok_/);
    return { endpoint: await endpoint.inputValue(), token: await token.inputValue() };
  }

  tab(name: TabName) {
    return this.root.getByRole('tab', { name, exact: true });
  }

  async openTab(name: TabName): Promise<void> {
    await this.tab(name).click();
    await expect(this.tab(name)).toHaveAttribute('aria-selected', 'true');
  }

  /**
   * Turns a switch on or off and waits until it shows so. A click right after the host resized the iframe was
   * lost once in CI: the trace shows it performed inside the switch's box and no request sent (most likely the
   * portal laying itself out again re-rendered the switch under the pointer). The click is repeated only after
   * 10 s still showing the old state, and not while a change already sent is pending.
   */
  async setSwitch(name: string, on: boolean): Promise<void> {
    const control = this.root.getByRole('switch', { name });
    // Disabling asks first ("Disable directory"); enabling does not.
    const confirm = this.root.getByRole('button', { name: 'Disable directory' });
    await expect(async () => {
      if ((await control.getAttribute('aria-checked')) !== String(on)) {
        if (await confirm.isVisible()) await confirm.click();
        else if (await control.isEnabled()) await control.click();
        if (!on) await confirm.click({ timeout: 5_000 });
      }
      await expect(control).toHaveAttribute('aria-checked', String(on), { timeout: 10_000 });
    }).toPass({ timeout: 30_000 });
  }

  table(caption: string) {
    return this.root.getByRole('table', { name: caption });
  }

  row(caption: string, text: string | RegExp) {
    return this.table(caption).getByRole('row').filter({ hasText: text });
  }
}
