// Smoke test for the e2e plumbing itself (test server + Firefox harness), not for product
// behaviour. Run: node --import tsx --test tests/e2e/firefox/harness.smoke.test.ts
// The Firefox part uses the extension in $FS_EXT_DIR (default .output/firefox-mv2) and is
// skipped, with a message, until that build exists.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startTestServer, type TestServer } from '../support/feed-server.ts';
import { FIREFOX_EXT_DIR, PROJECT_ROOT } from '../support/paths.ts';
import { firstPage, launchFirefox, openExtensionPage, type FirefoxSession } from './harness.ts';

const EXT_DIR = process.env.FS_EXT_DIR ? path.resolve(PROJECT_ROOT, process.env.FS_EXT_DIR) : FIREFOX_EXT_DIR;
const HOSTS = ['evil.test', 'sub.evil.test', 'good.test', 'feeds.test'];

/** GET with an explicit Host header (fetch() forbids setting Host) straight to the server. */
function rawGet(
  server: TestServer,
  host: string,
  urlPath: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: urlPath,
        headers: { host: `${host}:${server.port}`, ...headers },
        agent: false,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('test server', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  test('serves a page per Host', async () => {
    const r = await rawGet(server, 'sub.evil.test', '/some/path');
    assert.equal(r.status, 200);
    assert.match(r.body, /<title>sub\.evil\.test<\/title>/);
    assert.match(r.body, /<h1 id="site">sub\.evil\.test<\/h1>/);
    assert.equal(server.requests.at(-1)?.host, 'sub.evil.test');
  });

  test('feeds: body, ETag, 304 on If-None-Match, status override, request log', async () => {
    server.setFeed('list.txt', { body: 'evil.test\n' });
    const first = await rawGet(server, 'feeds.test', '/feeds/list.txt');
    assert.equal(first.status, 200);
    assert.equal(first.body, 'evil.test\n');
    const etag = first.headers.etag;
    assert.ok(typeof etag === 'string' && etag.length > 2);

    const second = await rawGet(server, 'feeds.test', '/feeds/list.txt', { 'if-none-match': etag });
    assert.equal(second.status, 304);
    assert.equal(second.body, '');

    server.setFeed('list.txt', { body: 'evil.test\nworse.test\n' });
    const changed = await rawGet(server, 'feeds.test', '/feeds/list.txt', { 'if-none-match': etag });
    assert.equal(changed.status, 200);
    assert.notEqual(changed.headers.etag, etag);

    server.setFeed('broken.txt', { status: 503, body: 'down', headers: { 'Retry-After': '60' } });
    const broken = await rawGet(server, 'feeds.test', '/feeds/broken.txt');
    assert.equal(broken.status, 503);
    assert.equal(broken.headers['retry-after'], '60');

    assert.equal((await rawGet(server, 'feeds.test', '/feeds/missing.txt')).status, 404);
    const log = server.feedRequests('list.txt');
    assert.equal(log.length, 3);
    assert.equal(log[1]?.headers['if-none-match'], etag);
  });
});

const extMissing = !existsSync(path.join(EXT_DIR, 'manifest.json'));
describe(
  'Firefox harness',
  { skip: extMissing ? `no extension build at ${EXT_DIR} (run \`wxt build -b firefox\` or set FS_EXT_DIR)` : false },
  () => {
    let server: TestServer;
    let ff: FirefoxSession;
    before(async () => {
      server = await startTestServer();
      ff = await launchFirefox({ extensionDir: EXT_DIR, hosts: HOSTS });
    });
    after(async () => {
      await ff?.close();
      await server?.close();
    });

    test('extension installs and test hosts resolve to the server', async () => {
      assert.ok(ff.extensionId, 'installExtension returned an id');
      const page = await firstPage(ff.browser);
      await page.goto(server.url('good.test'));
      assert.equal(await page.title(), 'good.test');
      // The page's own script reports back to the server.
      await server.waitForRequest((r) => r.host === 'good.test' && r.url === '/__ran');
      assert.equal(server.ranCount('good.test'), 1);
    });

    test('the popup page opens in a tab with its code running', async (t) => {
      const manifest = JSON.parse(readFileSync(path.join(EXT_DIR, 'manifest.json'), 'utf8')) as {
        browser_action?: { default_popup?: string };
        action?: { default_popup?: string };
      };
      const popup = manifest.browser_action?.default_popup ?? manifest.action?.default_popup;
      if (!popup) {
        t.skip('manifest has no default_popup');
        return;
      }
      const page = await openExtensionPage(ff, popup);
      assert.equal(await page.evaluate(() => location.href), ff.extensionUrl(popup));
      // Some script-built content appears (Preact renders into the body).
      await page.waitForFunction(() => (document.body?.innerText ?? '').trim().length > 0, { timeout: 10_000 });
      await page.close();
    });
  },
);
