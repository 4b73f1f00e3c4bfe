// A phishing page on free hosting: the site's name, or the page's path on a shared host,
// carries a protected brand and a lure word. No list names it; the lookalike detector warns,
// naming the brand. Pages of the same host without the brand and lure stay silent.
import { expect, test } from '@playwright/test';
import { startTestServer, type TestServer } from '../support/feed-server';
import { launchWithExtension, openPopup, type LaunchedExtension } from './extension';
import { readWarning, waitForWarning } from './shadow';

test.describe.configure({ mode: 'serial' });

let server: TestServer;
let ext: LaunchedExtension;

/**
 * A site builder not on the HSTS preload list, so the fixture server's plain http reaches it
 * (and not weebly.com: the bundled polkadot-js list holds an exception for all of it).
 */
const SITE = 'my-shop.wixsite.com';
const BRAND_SITE = 'paypal-verify.wixsite.com';

test.beforeAll(async () => {
  server = await startTestServer();
  const page = (title: string) => ({
    html: `<!doctype html><html><head><title>${title}</title></head><body><h1>${title}</h1></body></html>`,
  });
  server.setPage(SITE, '/alipay-tuikuan/', page('退款 Refund'));
  server.setPage(SITE, '/garden/', page('My garden'));
  server.setPage(BRAND_SITE, '/', page('Sign in'));
  ext = await launchWithExtension();
  await (await openPopup(ext)).close();
});

test.afterAll(async () => {
  await ext?.context.close();
  await server?.close();
});

test('a free-hosting site named after a brand with a lure is warned about', async () => {
  const page = await ext.context.newPage();
  await page.goto(server.url(BRAND_SITE), { waitUntil: 'commit' });
  const warning = await waitForWarning(page);
  expect(warning.text).toContain('paypal.com');
  await page.close();
});

test('a page whose path on a site builder carries a brand and a refund lure is warned about, naming the brand', async () => {
  const page = await ext.context.newPage();
  await page.goto(server.url(SITE, '/alipay-tuikuan/'), { waitUntil: 'commit' });
  const warning = await waitForWarning(page);
  expect(warning.text).toContain('alipay.com');
  expect(warning.text).toMatch(/Alipay/);
  expect(warning.buttons.map((b) => b.text)).toContain('Go to the real site (alipay.com)');
  await page.close();
});

test('another page of the same site, without brand or lure, is not warned about', async () => {
  const page = await ext.context.newPage();
  await page.goto(server.url(SITE, '/garden/'), { waitUntil: 'load' });
  await page.waitForTimeout(3000);
  expect(await readWarning(page)).toBeNull();
  await page.close();
});
