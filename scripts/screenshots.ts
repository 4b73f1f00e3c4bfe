// `npm run screenshots`: pictures of the warning, the popup, the settings page and the help
// pages ("report this site", "I have already paid") in English and Chinese, made from the
// real built extension in headless Chromium, for the README (docs/screenshots/).
import type { Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { openPopupFor, openSettings } from '../tests/e2e/chromium/extension.ts';
import { prepareChromium, showPage } from './demo/chromium-demo.ts';
import { startDemoSite } from './demo/demo-site.ts';

const out = resolve(import.meta.dirname, '../docs/screenshots');
mkdirSync(out, { recursive: true });
const site = await startDemoSite();

async function shoot(page: Page, name: string, width: number): Promise<string> {
  await page.setViewportSize({ width, height: 900 });
  await page.waitForTimeout(200);
  const path = `docs/screenshots/${name}.png`;
  await page.screenshot({ path: resolve(out, `${name}.png`), fullPage: true });
  return path;
}

try {
  for (const locale of ['en-US', 'zh-CN']) {
    const tag = locale.startsWith('zh') ? 'zh_CN' : 'en';
    const ext = await prepareChromium(site.feed, locale, true);
    try {
      const made: string[] = [];
      const warnedUrl = site.url('invest.fraud-demo.test');
      const { page, warned } = await showPage(ext, warnedUrl);
      if (!warned) throw new Error('The demo site showed no warning');
      await page.screenshot({ path: resolve(out, `dialog-${tag}.png`) });
      made.push(`docs/screenshots/dialog-${tag}.png`);
      // The popup as the toolbar shows it for the warned tab: 420 px wide.
      const popup = await openPopupFor(ext, page);
      await popup.getByTestId('protection').waitFor();
      made.push(await shoot(popup, `popup-${tag}`, 420));
      await popup.close();
      const settings = await openSettings(ext);
      made.push(await shoot(settings, `settings-${tag}`, 760));
      await settings.close();
      for (const topic of ['report', 'paid']) {
        const help = await ext.context.newPage();
        const query = new URLSearchParams({ topic, site: warnedUrl });
        await help.goto(`chrome-extension://${ext.extensionId}/help.html?${query.toString()}`);
        await help.getByRole('heading', { level: 1 }).waitFor();
        // Phones: the help pages at 360 px, the width of many Android phones.
        made.push(await shoot(help, `help-${topic}-${tag}`, 360));
        await help.close();
      }
      console.log(`screenshots (${tag}): ${made.join(', ')}`);
    } finally {
      await ext.context.close();
    }
  }
} finally {
  await site.close();
}
