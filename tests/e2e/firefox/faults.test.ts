// Storage faults that need the real browser, in Firefox ESR (WebDriver BiDi).
// Run with: node --import tsx --test tests/e2e/firefox/faults.test.ts
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestServer, type TestServer } from '../support/feed-server.ts';
import { FIREFOX_EXT_DIR } from '../support/paths.ts';
import { launchFirefox, makeProfileDir, openExtensionPage, removeProfile, type FirefoxSession } from './harness.ts';
import { PopupPage } from './popup-page.ts';
import { waitForWarning } from './warning.ts';

// A host in the bundled "非法网址 Chinese illegal sites" list (public/lists/cn-illegal-sites.txt).
const BUNDLED_LISTED = '0000-qq.cn';

describe('Fraud Sentry in Firefox: storage faults', () => {
  let server: TestServer;
  let session: FirefoxSession;
  let profileDir: string;

  before(async () => {
    server = await startTestServer();
    profileDir = await makeProfileDir();
    // "Never remember history": Firefox refuses the extension's IndexedDB writes ("A
    // mutation operation was attempted on a database that did not allow mutations").
    session = await launchFirefox({
      extensionDir: FIREFOX_EXT_DIR,
      hosts: [BUNDLED_LISTED, 'good.test'],
      profileDir,
      privateBrowsing: true,
    });
  });

  after(async () => {
    await session?.close();
    await server?.close();
    if (profileDir) await removeProfile(profileDir);
  });

  test('[fault] IndexedDB refused (Firefox set to never remember history): the bundled lists protect from memory and the popup says so', async () => {
    const page = await session.browser.newPage();
    await page.goto(server.url(BUNDLED_LISTED, '/'), { waitUntil: 'domcontentloaded', timeout: 5_000 }).catch(() => {
      // The before-load redirect to the extension's page is a navigation puppeteer never
      // sees finish over BiDi; the warning is read below.
    });
    const warning = await waitForWarning(page);
    assert.equal(warning.where, 'extension');
    assert.match(warning.text, /96110/);
    assert.equal(server.ranCount(BUNDLED_LISTED), 0);
    await page.close();

    const popup = new PopupPage(await openExtensionPage(session, 'popup.html'));
    const text = await popup.waitForText(/Storage is unavailable/);
    assert.match(text, /bundled lists protect you/);
    assert.match(text, /Protection is on/);
    await popup.page.close();

    const unlisted = await session.browser.newPage();
    await unlisted.goto(server.url('good.test', '/'), { waitUntil: 'load' });
    await unlisted.waitForSelector('body[data-loaded="1"]');
    await unlisted.close();
  });
});
