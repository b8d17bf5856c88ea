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

  async open(section: 'Organizations' | 'API keys' | 'Webhooks' | 'Roles' | 'Audit log'): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: section }).click();
    await expect(this.heading(section)).toBeVisible();
  }

  /** Creates an organization through the form and returns its id, read from its card. */
  async createOrganization(name: string): Promise<string> {
    await this.page.getByLabel('Organization name').fill(name);
    await this.page.getByRole('button', { name: 'Create organization' }).click();
    const card = this.organization(name);
    await expect(card).toBeVisible();
    const id = await card.getByText(/^org_/).first().textContent();
    return (id ?? '').trim();
  }

  organization(name: string): Locator {
    return this.page.getByRole('region', { name, exact: true });
  }

  directories(orgName: string): Locator {
    return this.page.getByRole('table', { name: `Directories of ${orgName}` });
  }

  /** Clicks "Open portal" and returns the new tab once it shows the portal. */
  async openPortal(orgName: string): Promise<Page> {
    const popup = this.page.waitForEvent('popup');
    await this.organization(orgName).getByRole('button', { name: /Open portal/ }).click();
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
