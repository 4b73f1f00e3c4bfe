// A phishing page on free hosting in a real Firefox ESR: the site's name, or the page's path
// on a site builder, carries a protected brand and a lure word; no list names it, and the
// lookalike detector warns, naming the brand. A page of the same site without them is silent.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestServer, type TestServer } from '../support/feed-server.ts';
import { FIREFOX_EXT_DIR } from '../support/paths.ts';
import { type FirefoxSession, gotoStopped, launchFirefox, openExtensionPage } from './harness.ts';
import { PopupPage } from './popup-page.ts';
import { readWarning, waitForWarning } from './warning.ts';

/** wixsite.com sites: a site builder whose user sites no bundled list makes an exception for. */
const SITE = 'my-shop.wixsite.com';
const BRAND_SITE = 'paypal-verify.wixsite.com';

const page = (title: string) => ({
  html: `<!doctype html><html><head><title>${title}</title></head><body><h1>${title}</h1></body></html>`,
});

describe('Fraud Sentry free-hosting lookalikes in Firefox', () => {
  let server: TestServer;
  let session: FirefoxSession;

  before(async () => {
    server = await startTestServer();
    server.setPage(SITE, '/alipay-tuikuan/', page('退款 Refund'));
    server.setPage(SITE, '/garden/', page('My garden'));
    server.setPage(BRAND_SITE, '/', page('Sign in'));
    session = await launchFirefox({ extensionDir: FIREFOX_EXT_DIR, hosts: [SITE, BRAND_SITE] });
    const popup = new PopupPage(await openExtensionPage(session, 'popup.html'));
    await popup.waitForText(/Protection is on/, 60_000);
    await popup.page.close();
  });

  after(async () => {
    await session?.close();
    await server?.close();
  });

  test('a free-hosting site named after a brand with a lure is warned about', async () => {
    const tab = await session.browser.newPage();
    await gotoStopped(tab, server.url(BRAND_SITE));
    const warning = await waitForWarning(tab);
    assert.match(warning.text, /paypal\.com/);
    await tab.close();
  });

  test('a page whose path on a site builder carries a brand and a refund lure is warned about, naming the brand', async () => {
    const tab = await session.browser.newPage();
    await gotoStopped(tab, server.url(SITE, '/alipay-tuikuan/'));
    const warning = await waitForWarning(tab);
    assert.match(warning.text, /alipay\.com/);
    assert.match(warning.text, /Alipay/);
    assert.match(warning.text, /Go to the real site/);
    await tab.close();
  });

  test('another page of the same site, without brand or lure, is not warned about', async () => {
    const tab = await session.browser.newPage();
    await tab.goto(server.url(SITE, '/garden/'), { waitUntil: 'load' });
    await new Promise((r) => setTimeout(r, 3000));
    assert.equal(await readWarning(tab), null);
    await tab.close();
  });
});
