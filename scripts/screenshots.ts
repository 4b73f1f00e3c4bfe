// `npm run screenshots`: pictures of the warning and the popup in English and Chinese, made
// from the real built extension in headless Chromium, for the README (docs/screenshots/).
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { prepareChromium, showPage } from './demo/chromium-demo.ts';
import { startDemoSite } from './demo/demo-site.ts';

const out = resolve(import.meta.dirname, '../docs/screenshots');
mkdirSync(out, { recursive: true });
const site = await startDemoSite();
try {
  for (const locale of ['en-US', 'zh-CN']) {
    const tag = locale.startsWith('zh') ? 'zh_CN' : 'en';
    const ext = await prepareChromium(site.feed, locale, true);
    try {
      const { page, warned } = await showPage(ext, site.url('invest.fraud-demo.test'));
      if (!warned) throw new Error('The demo site showed no warning');
      await page.screenshot({ path: resolve(out, `dialog-${tag}.png`) });
      const popup = await ext.context.newPage();
      await popup.setViewportSize({ width: 420, height: 760 });
      await popup.goto(ext.popupUrl);
      await popup.getByTestId('protection').waitFor();
      await popup.screenshot({ path: resolve(out, `popup-${tag}.png`), fullPage: true });
      console.log(`screenshots (${tag}): docs/screenshots/dialog-${tag}.png, docs/screenshots/popup-${tag}.png`);
    } finally {
      await ext.context.close();
    }
  }
} finally {
  await site.close();
}
