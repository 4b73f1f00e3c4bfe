import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { startTestServer, type TestServer } from '../support/feed-server';
import { launchWithExtension, openPopupFor, type LaunchedExtension } from './extension';
import { waitForWarning } from './shadow';

/** Phones: Firefox for Android shows the extension's pages full width, 360 px on many phones. */
const PHONE_WIDTH = 360;

for (const locale of ['en-US', 'zh-CN']) {
  test.describe(`accessibility and phone width (${locale})`, () => {
    test.describe.configure({ mode: 'serial' });
    let server: TestServer;
    let ext: LaunchedExtension;

    test.beforeAll(async () => {
      server = await startTestServer();
      ext = await launchWithExtension(undefined, locale);
    });
    test.afterAll(async () => {
      await ext?.context.close();
      await server?.close();
    });

    async function check(page: Page, name: string): Promise<void> {
      const result = await new AxeBuilder({ page }).analyze();
      const found = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(found, `axe on ${name} (${locale})`).toEqual([]);
      await page.setViewportSize({ width: PHONE_WIDTH, height: 740 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${name} fits ${PHONE_WIDTH} px`).toBeLessThanOrEqual(0);
    }

    test('popup, settings and the two help pages: no axe violations, and they fit a phone', async () => {
      test.setTimeout(180_000);
      const site = server.url('good.test', '/a11y');
      const tab = await ext.context.newPage();
      await tab.goto(site);
      const popup = await openPopupFor(ext, tab);
      await expect(popup.getByTestId('protection')).toBeVisible({ timeout: 60_000 });
      await check(popup, 'popup');
      await popup.close();
      await tab.close();

      const settings = await ext.context.newPage();
      await settings.goto(ext.settingsUrl);
      await settings.getByTestId('lists').waitFor({ timeout: 60_000 });
      await check(settings, 'settings');
      await settings.close();

      for (const topic of ['paid', 'report']) {
        const help = await ext.context.newPage();
        await help.goto(
          `chrome-extension://${ext.extensionId}/help.html?topic=${topic}&site=${encodeURIComponent(site)}&list=user`,
        );
        await help.getByRole('heading', { level: 1 }).waitFor();
        await check(help, `help ${topic}`);
        await help.close();
      }
    });

    test('the warning page: no axe violations, fits a phone, and keyboard alone reaches "I have already paid"', async () => {
      const settings = await ext.context.newPage();
      await settings.goto(ext.settingsUrl);
      await settings.getByTestId('lists').waitFor({ timeout: 60_000 });
      await settings.locator('input[inputmode="text"]').fill('a11y-blocked.test');
      await settings.locator('input[inputmode="text"]').press('Enter');
      await expect(settings.getByTestId('blocked-sites')).toContainText('a11y-blocked.test');
      await settings.close();

      const warning = await ext.context.newPage();
      await warning.goto(`chrome-extension://${ext.extensionId}/warning.html#${server.url('a11y-blocked.test')}`);
      await waitForWarning(warning);
      await check(warning, 'warning page');
      const paidName = locale === 'zh-CN' ? '我已经付款了' : 'I have already paid';
      let reached = false;
      for (let i = 0; i < 10 && !reached; i++) {
        await warning.keyboard.press('Tab');
        reached = (await warning.evaluate(() => document.activeElement?.textContent ?? '')) === paidName;
      }
      expect(reached, 'Tab reaches the "already paid" button').toBe(true);
      const opened = ext.context.waitForEvent('page');
      await warning.keyboard.press('Enter');
      const help = await opened;
      await expect(help).toHaveURL(/help\.html\?topic=paid/);
      await help.close();
      await warning.close();
    });
  });
}
