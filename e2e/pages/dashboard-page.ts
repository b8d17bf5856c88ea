// Page object of the operator dashboard (/dashboard): sign-in, organizations, API keys. Role locators only.
import { expect, type Locator, type Page } from '@playwright/test';
import { app } from '../support/app';

export class DashboardPage {
  constructor(readonly page: Page) {}

  async gotoSignIn(): Promise<void> {
    await this.page.goto(`${app.url()}/dashboard/signin`);
    await expect(this.page.getByRole('heading', { name: 'Sign in to the operator dashboard' })).toBeVisible();
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.page.getByLabel('Email').fill(email);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
  }

  signInError(): Locator {
    return this.page.getByRole('form', { name: 'Sign in' }).getByRole('alert');
  }

  heading(name: string): Locator {
    return this.page.getByRole('heading', { name, level: 1 });
  }

  async open(section: 'Organizations' | 'API keys' | 'Webhooks' | 'Roles' | 'Operators' | 'Audit log'): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: section }).click();
    await expect(this.heading(section)).toBeVisible();
  }

  /** Creates an organization through the form and returns its id, read from its row (the list is newest first). */
  async createOrganization(name: string): Promise<string> {
    await this.page.getByLabel('Organization name').fill(name);
    await this.page.getByRole('button', { name: 'Create organization' }).click();
    const row = this.page
      .getByRole('table', { name: 'Organizations' })
      .getByRole('row')
      .filter({ has: this.page.getByRole('link', { name, exact: true }) });
    await expect(row).toBeVisible();
    return /org_[A-Za-z0-9]{20}/.exec((await row.textContent()) ?? '')?.[0] ?? '';
  }

  /** Opens an organization's page from the list (searching for it first). */
  async openOrganization(name: string): Promise<void> {
    await this.page.getByLabel('Search organizations').fill(name);
    await this.page.getByRole('button', { name: 'Search', exact: true }).click();
    await this.page.getByRole('link', { name, exact: true }).click();
    await expect(this.heading(name)).toBeVisible();
  }

  /** A directory's panel on the organization page. */
  directory(name: string): Locator {
    return this.page.getByRole('region', { name, exact: true });
  }

  /** Clicks "Open portal" on the organization page and returns the new tab once it shows the portal. */
  async openPortal(orgName: string): Promise<Page> {
    const popup = this.page.waitForEvent('popup');
    await this.page.getByRole('button', { name: `Open portal for ${orgName} (opens in a new tab)` }).click();
    const tab = await popup;
    await tab.waitForURL(/\/portal\/scim/);
    return tab;
  }

  async createApiKey(name: string): Promise<string> {
    await this.page.getByLabel('Key name').fill(name);
    await this.page.getByRole('button', { name: 'Create API key' }).click();
    const secret = this.page.getByLabel('API key secret', { exact: true });
    await expect(secret).toHaveValue(/^scimp_key_/);
    return secret.inputValue();
  }

  async revokeApiKey(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `Revoke ${name}`, exact: true }).click();
    await this.page.getByRole('button', { name: `Confirm revoke ${name}` }).click();
    await expect(this.page.getByRole('row', { name: new RegExp(name) }).getByText('Revoked')).toBeVisible();
  }
}
