// A bundled list the user switches off in the popup stops blocking in Firefox too (its
// before-load check is the matcher itself); switched on again, its sites are stopped before
// load. Run with: node --import tsx --test tests/e2e/firefox/bundled-switch.test.ts
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startTestServer, type TestServer } from '../support/feed-server.ts';
import { FIREFOX_EXT_DIR, PROJECT_ROOT } from '../support/paths.ts';
import { type FirefoxSession, gotoStopped, launchFirefox, openExtensionPage } from './harness.ts';
import { PopupPage } from './popup-page.ts';
import { waitForWarning } from './warning.ts';

/** The last host of a bundled list's file (hosts format). */
const HOST =
  readFileSync(path.join(PROJECT_ROOT, 'public/lists/durablenapkin-scam.txt'), 'utf8')
    .trim()
    .split('\n')
    .at(-1)
    ?.trim()
    .split(/\s+/)
    .at(-1) ?? '';

describe('a bundled list switched off in Firefox', () => {
  let server: TestServer;
  let session: FirefoxSession;

  before(async () => {
    server = await startTestServer();
    session = await launchFirefox({ extensionDir: FIREFOX_EXT_DIR, hosts: [HOST] });
  });
  after(async () => {
    await session?.close();
    await server?.close();
  });

  async function switchList(on: boolean): Promise<void> {
    const popup = new PopupPage(await openExtensionPage(session, 'popup.html'));
    await popup.waitForText(/Protection is on/, 60_000);
    await popup.page.close();
    const settings = new PopupPage(await openExtensionPage(session, 'options.html'));
    await settings.waitForText(/Fake shops and scams \(durablenapkin\)/);
    assert.equal(await settings.toggle('Use Fake shops and scams (durablenapkin)'), on);
    await settings.page.close();
  }

  test('stops warning and lets the site load; switched on again, the site is stopped before load', async () => {
    assert.ok(HOST);
    await switchList(false);
    const open = await session.browser.newPage();
    await open.goto(server.url(HOST), { waitUntil: 'load' });
    assert.equal(await open.evaluate(() => document.body.dataset.loaded), '1');
    await open.close();

    await switchList(true);
    server.clearRequests();
    const blocked = await session.browser.newPage();
    await gotoStopped(blocked, server.url(HOST));
    assert.equal((await waitForWarning(blocked)).where, 'extension');
    assert.deepEqual(
      server.requests.filter((r) => r.host === HOST),
      [],
    );
    await blocked.close();
  });
});
