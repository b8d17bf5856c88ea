// Page object of the portal, standalone (a Page) or inside the host's iframe (a FrameLocator): role locators only.
import { expect, type FrameLocator, type Page } from '@playwright/test';

type Root = Page | FrameLocator;

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

  tab(name: 'Setup' | 'Users' | 'Groups' | 'Roles' | 'Request log') {
    return this.root.getByRole('tab', { name, exact: true });
  }

  async openTab(name: 'Setup' | 'Users' | 'Groups' | 'Roles' | 'Request log'): Promise<void> {
    await this.tab(name).click();
    await expect(this.tab(name)).toHaveAttribute('aria-selected', 'true');
  }

  table(caption: string) {
    return this.root.getByRole('table', { name: caption });
  }

  row(caption: string, text: string | RegExp) {
    return this.table(caption).getByRole('row').filter({ hasText: text });
  }
}
