// `npm start` (Chromium) or `npm start -- --firefox`: builds the extension, serves a small
// demo site on 127.0.0.1, opens the browser with the extension loaded and subscribed to the
// demo list, and shows the demo page. With no display (a server, CI) it runs headless,
// visits every demo page and writes screenshots to demo-screenshots/ instead.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { prepareChromium, showPage } from './demo/chromium-demo.ts';
import { DEMO_HOSTS, DEMO_PAGES, startDemoSite } from './demo/demo-site.ts';
import { FIREFOX_EXT_DIR } from '../tests/e2e/support/paths.ts';
import { launchFirefox, openExtensionPage, waitForShadow } from '../tests/e2e/firefox/harness.ts';
import { PopupPage } from '../tests/e2e/firefox/popup-page.ts';

const args = process.argv.slice(2);
const firefox = args.includes('--firefox');
const headless = args.includes('--headless') || !process.env.DISPLAY;
const root = resolve(import.meta.dirname, '..');

if (!args.includes('--no-build')) {
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const site = await startDemoSite();
const shots = resolve(root, 'demo-screenshots');
console.log(`Demo site: ${site.indexUrl} (served from 127.0.0.1:${site.port})`);

if (firefox) await runFirefox();
else await runChromium();

async function runChromium(): Promise<void> {
  const ext = await prepareChromium(site.feed, process.env.FS_LOCALE ?? 'en-US', headless);
  if (!headless) {
    const page = await ext.context.newPage();
    await page.goto(site.indexUrl);
    console.log('Chromium is open with Fraud Sentry loaded. Close the browser to stop.');
    await new Promise((done) => ext.context.on('close', done));
  } else {
    mkdirSync(shots, { recursive: true });
    for (const [i, demo] of DEMO_PAGES.entries()) {
      const { page, warned } = await showPage(ext, site.url(demo.host, demo.path));
      const file = resolve(shots, `chromium-${i + 1}-${demo.host}.png`);
      await page.screenshot({ path: file });
      console.log(`${warned ? 'WARNING ' : 'no warning'}  ${demo.title}: ${file}`);
      await page.close();
    }
    await ext.context.close();
  }
  await site.close();
}

async function runFirefox(): Promise<void> {
  const session = await launchFirefox({ extensionDir: FIREFOX_EXT_DIR, hosts: DEMO_HOSTS, headless });
  const popup = new PopupPage(await openExtensionPage(session, 'options.html'));
  await popup.waitForText(/Subscribe to a list|订阅名单/);
  await popup.fill('List URL', site.feed);
  await popup.click('Subscribe');
  await popup.waitForText(/Subscribed/);
  await popup.fill('Site to block', 'blocked-by-you.test');
  await popup.click('Block site');
  await popup.page.close();
  if (!headless) {
    const page = await session.browser.newPage();
    await page.goto(site.indexUrl);
    console.log('Firefox is open with Fraud Sentry loaded. Close the browser to stop.');
    await new Promise((done) => session.browser.on('disconnected', done));
  } else {
    mkdirSync(shots, { recursive: true });
    for (const [i, demo] of DEMO_PAGES.entries()) {
      const page = await session.browser.newPage();
      await page.setViewport({ width: 1000, height: 900 });
      await page.goto(site.url(demo.host, demo.path), { waitUntil: 'domcontentloaded' }).catch(() => undefined);
      const warned = await waitForShadow(page, 'fraud-sentry-warning', { timeoutMs: 4000 }).then(
        () => true,
        () => false,
      );
      const file = resolve(shots, `firefox-${i + 1}-${demo.host}.png`);
      await page.screenshot({ path: file });
      console.log(`${warned ? 'WARNING ' : 'no warning'}  ${demo.title}: ${file}`);
      await page.close();
    }
    await session.close();
  }
  await site.close();
}
