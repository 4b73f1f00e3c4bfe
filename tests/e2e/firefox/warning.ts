import type { Page } from 'puppeteer-core';
import { clickInShadow, shadowText } from './harness.ts';

export const WARNING_HOST = 'fraud-sentry-warning';

export interface FirefoxWarning {
  text: string;
  /** 'page': in-page dialog (closed shadow root); 'extension': the before-load warning page. */
  where: 'page' | 'extension';
}

/** Reads the warning wherever it is: the in-page dialog or the extension's warning page. */
export async function readWarning(page: Page): Promise<FirefoxWarning | null> {
  const inPage = await shadowText(page, WARNING_HOST).catch(() => null);
  if (inPage) return { text: inPage, where: 'page' };
  const onPage = await page
    .evaluate(() => {
      const dialog = document.querySelector('[role="alertdialog"]');
      return dialog && location.protocol === 'moz-extension:' ? (dialog as HTMLElement).innerText : null;
    })
    .catch(() => null);
  return onPage ? { text: onPage, where: 'extension' } : null;
}

export async function waitForWarning(page: Page, timeoutMs = 15_000): Promise<FirefoxWarning> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const warning = await readWarning(page);
    if (warning) return warning;
    if (Date.now() > until) throw new Error('No warning appeared');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Clicks a warning button with a real mouse click, wherever the warning is. */
export async function clickWarningButton(page: Page, label: string): Promise<void> {
  const warning = await waitForWarning(page);
  if (warning.where === 'page') return clickInShadow(page, WARNING_HOST, label);
  const until = Date.now() + 10_000;
  for (;;) {
    const box = await page.evaluate((name) => {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
      if (!button) return null;
      const r = button.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }, label);
    if (box) return page.mouse.click(box.x, box.y);
    if (Date.now() > until) throw new Error(`No button "${label}" on the warning page`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
