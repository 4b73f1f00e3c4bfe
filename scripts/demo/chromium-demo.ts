// Drives the real extension in Chromium for the demo and the screenshots: subscribe to the
// demo feed and block a site through the settings page, as a user would.
import type { Page } from '@playwright/test';
import { launchWithExtension, openSettings, type LaunchedExtension } from '../../tests/e2e/chromium/extension.ts';
import { waitForWarning } from '../../tests/e2e/chromium/shadow.ts';

export async function prepareChromium(feedUrl: string, locale: string, headless: boolean): Promise<LaunchedExtension> {
  const ext = await launchWithExtension(undefined, locale, headless);
  const popup = await openSettings(ext);
  const zh = locale.startsWith('zh');
  await popup.getByRole('textbox', { name: zh ? '名单网址' : 'List URL' }).fill(feedUrl);
  await popup.getByRole('button', { name: zh ? '订阅' : 'Subscribe', exact: true }).click();
  await popup.getByRole('status').first().waitFor();
  await popup.getByRole('textbox', { name: zh ? '要拦截的网站' : 'Site to block' }).fill('blocked-by-you.test');
  await popup.getByRole('button', { name: zh ? '拦截网站' : 'Block site' }).click();
  await popup.getByTestId('blocked-sites').waitFor();
  await popup.close();
  return ext;
}

/** Opens a page and waits for the warning (or for the page itself when none is expected). */
export async function showPage(ext: LaunchedExtension, url: string): Promise<{ page: Page; warned: boolean }> {
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 1000, height: 900 });
  await page.goto(url, { waitUntil: 'commit' });
  const warned = await waitForWarning(page, 4000).then(
    () => true,
    () => false,
  );
  if (warned) await page.waitForTimeout(300);
  return { page, warned };
}
