// Screenshots of the main screens for the README and review; small PNGs (viewport only) under e2e/screenshots/.
import type { Locator, Page } from '@playwright/test';
import path from 'node:path';

export async function screenshot(page: Page, name: string): Promise<void> {
  // From the top of the page, so each PNG shows the screen's header; animations and caret off for stable images.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(import.meta.dirname, '..', 'screenshots', `${name}.png`), animations: 'disabled', caret: 'hide' });
}

/** One part of a screen (a card further down the page), as it renders. */
export async function screenshotOf(part: Locator, name: string): Promise<void> {
  await part.screenshot({ path: path.join(import.meta.dirname, '..', 'screenshots', `${name}.png`), animations: 'disabled', caret: 'hide' });
}
