// Runtime-only evidence in a real Firefox ESR: a cloaking redirect that has already happened
// (warned on the page it led to), and a browser locker whose trap only shows when it runs.
// Both need the runtime monitor, which Firefox runs from the content script through Xrays.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'puppeteer-core';
import { startTestServer, type TestServer } from '../support/feed-server.ts';
import { fixtureHost, RUNTIME_HOSTS, serveFixturePages, serveRuntimeFixtures } from '../support/fixture-pages.ts';
import { FIREFOX_EXT_DIR } from '../support/paths.ts';
import { type FirefoxSession, gotoStopped, launchFirefox, openExtensionPage } from './harness.ts';
import { PopupPage } from './popup-page.ts';
import { readWarning, waitForWarning } from './warning.ts';

/** Past the detectors' last look (5 s after DOMContentLoaded). */
const QUIET_MS = 6500;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Runtime signals and cloaking redirects in Firefox', () => {
  let server: TestServer;
  let session: FirefoxSession;
  let urls: ReturnType<typeof serveRuntimeFixtures>;

  before(async () => {
    server = await startTestServer();
    serveFixturePages(server);
    urls = serveRuntimeFixtures(server);
    session = await launchFirefox({
      extensionDir: FIREFOX_EXT_DIR,
      hosts: [...Object.values(RUNTIME_HOSTS), fixtureHost('referrer-analytics.html')],
    });
    const popup = new PopupPage(await openExtensionPage(session, 'popup.html'));
    await popup.waitForText(/Protection is on/, 60_000);
    await popup.page.close();
  });

  after(async () => {
    await session?.close();
    await server?.close();
  });

  /** Opens the stand-in search engine and clicks a result (a real click: the referrer is set). */
  async function fromSearch(selector: string): Promise<Page> {
    const page = await session.browser.newPage();
    await page.goto(urls.search, { waitUntil: 'load' });
    await page.click(selector);
    return page;
  }

  /** The tab's address as the page itself has it (puppeteer's page.url() can lag behind). */
  const hostOf = (page: Page) => page.evaluate(() => location.hostname).catch(() => '');

  test('a visitor from a search engine, sent on by a hacked site, is warned on the page they land on', async () => {
    const page = await fromSearch('#to-school');
    const warning = await waitForWarning(page);
    assert.equal(await hostOf(page), RUNTIME_HOSTS.casino);
    assert.match(
      warning.text,
      new RegExp(`A script on ${RUNTIME_HOSTS.hackedSchool.replace('.', '\\.')} sent you here`),
    );
    assert.match(warning.text, /search-engine cloaking/);
    await page.close();
  });

  test('the same hacked site opened directly, and its landing page opened directly, stay silent', async () => {
    const school = await session.browser.newPage();
    await school.goto(urls.hackedSchool, { waitUntil: 'domcontentloaded' });
    const casino = await session.browser.newPage();
    await casino.goto(urls.casino, { waitUntil: 'domcontentloaded' });
    await sleep(QUIET_MS);
    assert.equal(await hostOf(school), RUNTIME_HOSTS.hackedSchool);
    assert.equal(await readWarning(school), null);
    assert.equal(await readWarning(casino), null);
    await school.close();
    await casino.close();
  });

  test('a page that reads the referrer from a search engine without sending the visitor away stays silent', async () => {
    const page = await fromSearch('#to-library');
    await page.waitForFunction(() => location.hostname === 'referrer-analytics.test', { timeout: 10_000 });
    await sleep(QUIET_MS);
    assert.equal(await readWarning(page), null);
    // Its "back" button goes to the referrer on a click: the user's choice, no warning there.
    await page.click('#back');
    await page.waitForFunction(() => location.hostname === 'www.baidu.test', { timeout: 10_000 });
    await sleep(1500);
    assert.equal(await readWarning(page), null);
    await page.close();
  });

  test('a browser locker whose trap is in an external script is caught from what it does', async () => {
    const page = await session.browser.newPage();
    // The alert() loop waits for a click, as it would for a user.
    page.on('dialog', (dialog) => void dialog.dismiss().catch(() => undefined));
    await gotoStopped(page, urls.locker);
    const warning = await waitForWarning(page);
    assert.match(warning.text, /infected or locked/);
    await page.close();
  });
});
