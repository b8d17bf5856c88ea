// Screenshots of the main screens for the README and review; small PNGs (viewport only) under e2e/screenshots/.
import type { Page } from '@playwright/test';
import path from 'node:path';

export async function screenshot(page: Page, name: string): Promise<void> {
  // From the top of the page, so each PNG shows the screen's header; animations and caret off for stable images.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(import.meta.dirname, '..', 'screenshots', `${name}.png`), animations: 'disabled', caret: 'hide' });
}
