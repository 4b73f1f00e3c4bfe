// "No URL ever leaves the browser", in Firefox: the test server is Firefox's HTTP proxy
// for every host (loopback included), so it sees every request Firefox makes while the
// user browses, is warned, subscribes and updates; the audit checks all that is not a
// page's own traffic (tests/e2e/support/privacy-audit.ts).
// Run with: node --import tsx --test tests/e2e/firefox/privacy.test.ts
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { allSourceUrls } from '../../../src/update/default-lists.ts';
import { startTestServer, type TestServer } from '../support/feed-server.ts';
import { FIREFOX_EXT_DIR } from '../support/paths.ts';
import { auditRequests } from '../support/privacy-audit.ts';
import {
  type FirefoxSession,
  gotoStopped,
  launchFirefox,
  makeProfileDir,
  openExtensionPage,
  removeProfile,
} from './harness.ts';
import { PopupPage } from './popup-page.ts';
import { waitForWarning } from './warning.ts';

const HOSTS = ['bank-privacy.test', 'news.privacy.test', 'listed-privacy.test'];

describe('Fraud Sentry in Firefox: privacy', () => {
  let server: TestServer;
  let session: FirefoxSession;
  let profileDir: string;

  before(async () => {
    server = await startTestServer();
    server.setFeed('privacy.txt', { body: 'listed-privacy.test\n' });
    profileDir = await makeProfileDir();
    session = await launchFirefox({
      extensionDir: FIREFOX_EXT_DIR,
      hosts: HOSTS,
      profileDir,
      prefs: {
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': server.port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': server.port,
        // Loopback through the proxy too: the feed is on 127.0.0.1.
        'network.proxy.no_proxies_on': '',
        'network.proxy.allow_hijacking_localhost': true,
      },
    });
  });

  after(async () => {
    await session?.close();
    await server?.close();
    if (profileDir) await removeProfile(profileDir);
  });

  test('[privacy] the extension fetches only its list URLs, and no request of its carries a visited URL or host', async () => {
    const feedUrl = server.feedUrl('privacy.txt', '127.0.0.1');
    const popup = new PopupPage(await openExtensionPage(session, 'options.html'));
    await popup.waitForText(/Subscribe to a list/);
    await popup.fill('List URL', feedUrl);
    await popup.click('Subscribe');
    await popup.waitForText(/Subscribed/);

    const visited = [
      server.url('bank-privacy.test', '/account?token=SECRET-TOKEN-A'),
      server.url('news.privacy.test', '/article/SECRET-PATH-B'),
      server.url('listed-privacy.test', '/pay?order=SECRET-ORDER-C'),
    ];
    for (const url of visited.slice(0, 2)) {
      const page = await session.browser.newPage();
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForSelector('body[data-loaded="1"]');
      await page.close();
    }
    const listed = await session.browser.newPage();
    await gotoStopped(listed, visited[2]!);
    await waitForWarning(listed);
    await listed.close();

    const before = server.feedRequests('privacy.txt').length;
    await popup.click('Update now');
    // The result line, not any "error" already on the page (the bundled lists' offline errors).
    await popup.waitForText(/Update finished/, 60_000);
    await popup.page.close();
    await server.waitForRequest(
      (r) => r.url === '/feeds/privacy.txt' && server.feedRequests('privacy.txt').length > before,
      10_000,
    );

    const audit = auditRequests(server.requests, {
      visited,
      listUrls: [feedUrl, ...allSourceUrls()],
      secrets: ['SECRET-TOKEN-A', 'SECRET-PATH-B', 'SECRET-ORDER-C', 'bank-privacy', 'privacy.test'],
      // Firefox's own Remote Settings service (blocklists, certificates), extension or not.
      browserOwnHosts: ['firefox.settings.services.mozilla.com'],
    });
    // The proxy saw both kinds of traffic, so an empty problem list means something.
    assert.ok(server.requests.some((r) => r.proxied && r.host === 'bank-privacy.test'));
    assert.ok(audit.others.some((r) => r.proxied && r.url === '/feeds/privacy.txt'));
    assert.deepEqual(audit.problems, [], JSON.stringify(audit.others.map((r) => [r.method, r.host, r.url])));
  });
});
