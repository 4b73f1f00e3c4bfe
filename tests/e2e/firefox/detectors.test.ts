// Script, lookalike and page-heuristic warnings in a real Firefox ESR (WebDriver BiDi).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestServer, type TestServer } from '../support/feed-server.ts';
import { fixturePages, serveFixturePages } from '../support/fixture-pages.ts';
import { FIREFOX_EXT_DIR } from '../support/paths.ts';
import { type FirefoxSession, gotoStopped, launchFirefox, openExtensionPage } from './harness.ts';
import { PopupPage } from './popup-page.ts';
import { waitForWarning } from './warning.ts';

const SKIMMER_HOST = 'magentocore.net';
const HOSTS = ['shop-with-skimmer.test', SKIMMER_HOST, 'www.icbc-login.test', ...fixturePages().map((f) => f.host)];

describe('Fraud Sentry detectors in Firefox', () => {
  let server: TestServer;
  let session: FirefoxSession;

  before(async () => {
    server = await startTestServer();
    serveFixturePages(server);
    server.setPage('shop-with-skimmer.test', '/', {
      html: `<!doctype html><html><head><title>Checkout</title></head><body><h1>Checkout</h1>
<script src="http://${SKIMMER_HOST}:${server.port}/js/skimmer.js"></script></body></html>`,
    });
    session = await launchFirefox({ extensionDir: FIREFOX_EXT_DIR, hosts: HOSTS });
    // The bundled lists are in force once the popup shows protection on.
    const popup = new PopupPage(await openExtensionPage(session, 'popup.html'));
    await popup.waitForText(/Protection is on/, 60_000);
    await popup.page.close();
  });

  after(async () => {
    await session?.close();
    await server?.close();
  });

  test('a page loading a listed skimmer script is warned about, and the script is stopped', async () => {
    const page = await session.browser.newPage();
    await gotoStopped(page, server.url('shop-with-skimmer.test'));
    const warning = await waitForWarning(page);
    assert.match(warning.text, /magentocore\.net/);
    assert.match(warning.text, /stopped this script/);
    assert.equal(server.requests.filter((r) => r.host === SKIMMER_HOST).length, 0);
    await page.close();
  });

  test('[attack] 11 a page cannot tell the extension is there from the messages it receives', async () => {
    // WXT's content-script wrapper posted a window message in every frame at document_start.
    const page = await session.browser.newPage();
    await page.evaluateOnNewDocument(() => {
      const seen: string[] = [];
      (window as unknown as { __seen: string[] }).__seen = seen;
      addEventListener('message', (e) => seen.push(JSON.stringify(e.data)), true);
    });
    // A page whose warning shows that the content script ran in it, UI and all.
    await gotoStopped(page, server.url('shop-with-skimmer.test'));
    await waitForWarning(page);
    await new Promise((r) => setTimeout(r, 500));
    assert.deepEqual(await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen), []);
    await page.close();
  });

  test('a lookalike of a bank names the real site', async () => {
    const page = await session.browser.newPage();
    await gotoStopped(page, server.url('www.icbc-login.test'));
    const warning = await waitForWarning(page);
    assert.match(warning.text, /icbc\.com\.cn/);
    assert.match(warning.text, /Go to the real site/);
    await page.close();
  });

  // Every fixture, browser lockers included: what a page does over time (history flooding,
  // dialog loops) is counted in Firefox by the content script itself, through Xrays.
  test('page heuristics warn on every hostile fixture and stay silent on every harmless look-alike', async () => {
    const results: string[] = [];
    for (const fixture of fixturePages()) {
      const page = await session.browser.newPage();
      // The lockers' alert() loops wait for a click, as they would for a user (Playwright
      // dismisses dialogs by itself; puppeteer leaves them open).
      page.on('dialog', (dialog) => void dialog.dismiss().catch(() => undefined));
      await page
        .goto(server.url(fixture.host, `/${fixture.file}`), { waitUntil: 'domcontentloaded' })
        .catch(() => undefined);
      const warned = await waitForWarning(page, 8000).then(
        () => true,
        () => false,
      );
      results.push(`${fixture.file}: ${warned ? 'warn' : 'silent'}`);
      await page.close();
    }
    assert.deepEqual(
      results,
      fixturePages().map((f) => `${f.file}: ${f.expect}`),
    );
  });
});
