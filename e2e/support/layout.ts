// Layout checks shared by the specs: the page must not scroll sideways (the document is no wider than the window).
import { expect, type Page } from '@playwright/test';

export async function expectNoSidewaysScroll(page: Page, label: string): Promise<void> {
  const { doc, win, culprits } = await page.evaluate(() => {
    const win = window.innerWidth;
    const culprits = [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > win + 1)
      .map((e) => `${e.tagName.toLowerCase()}.${String(e.className).slice(0, 50)}`)
      .slice(0, 5);
    return { doc: document.documentElement.scrollWidth, win, culprits };
  });
  expect(doc, `${label}: document ${doc} px wide in a ${win} px window (${culprits.join(', ')})`).toBeLessThanOrEqual(win);
}
