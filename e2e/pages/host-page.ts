// Page object of the host application that embeds the portal.
import { expect, type Page } from '@playwright/test';
import { app } from '../support/app';
import { PortalPage } from './portal-page';

export interface PortalMessage {
  origin: string;
  data: { type?: string; height?: number; [k: string]: unknown };
}

export class HostPage {
  readonly portal: PortalPage;

  constructor(readonly page: Page) {
    this.portal = new PortalPage(page.frameLocator('#portal'));
  }

  async open(portalUrl: string): Promise<void> {
    await this.page.goto(`${app.hostOrigin()}/embed?src=${encodeURIComponent(portalUrl)}`);
    await expect(this.portal.nav()).toBeVisible();
  }

  messages(): Promise<PortalMessage[]> {
    return this.page.evaluate(() => (window as unknown as { __portalMessages: PortalMessage[] }).__portalMessages);
  }

  async expectMessage(type: string): Promise<PortalMessage> {
    await expect.poll(async () => (await this.messages()).some((m) => m.data.type === type), { message: `host receives ${type}` }).toBe(true);
    return (await this.messages()).find((m) => m.data.type === type)!;
  }
}
