import { expect, test } from '@playwright/test';
import { allSourceUrls } from '../../../src/update/default-lists';
import { startTestServer, type TestServer } from '../support/feed-server';
import { auditRequests } from '../support/privacy-audit';
import { launchWithExtension, openSettings, type LaunchedExtension } from './extension';
import { waitForWarning } from './shadow';

// "No URL ever leaves the browser": the test server is Chromium's HTTP proxy for every
// host (loopback included), so it sees every request the browser makes while the user
// browses, is warned, subscribes and updates; the audit then checks all that is not a
// page's own traffic (tests/e2e/support/privacy-audit.ts).

let server: TestServer;
let ext: LaunchedExtension;

test.beforeAll(async () => {
  server = await startTestServer();
  server.setFeed('privacy.txt', { body: 'listed-privacy.test\n' });
  ext = await launchWithExtension(undefined, 'en-US', true, [
    `--proxy-server=http://127.0.0.1:${server.port}`,
    // Chromium sends loopback past the proxy unless told not to; the feed is on 127.0.0.1.
    '--proxy-bypass-list=<-loopback>',
  ]);
});

test.afterAll(async () => {
  await ext?.context.close();
  await server?.close();
});

test('[privacy] the extension fetches only its list URLs, and no request of its carries a visited URL or host', async () => {
  const feedUrl = server.feedUrl('privacy.txt', '127.0.0.1');
  const popup = await openSettings(ext);
  await popup.getByRole('textbox', { name: 'List URL' }).fill(feedUrl);
  await popup.getByRole('button', { name: 'Subscribe' }).click();
  await expect(popup.getByRole('status').filter({ hasText: 'Subscribed' })).toBeVisible();

  const visited = [
    server.url('bank-privacy.test', '/account?token=SECRET-TOKEN-A'),
    server.url('news.privacy.test', '/article/SECRET-PATH-B'),
    server.url('listed-privacy.test', '/pay?order=SECRET-ORDER-C'),
  ];
  for (const url of visited.slice(0, 2)) {
    const page = await ext.context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await expect(page.locator('body')).toHaveAttribute('data-loaded', '1');
    await page.close();
  }
  // Once the list is in force, the listed site is warned about (before or after load).
  await expect
    .poll(
      async () => {
        const page = await ext.context.newPage();
        await page.goto(visited[2]!, { waitUntil: 'commit' }).catch(() => undefined);
        const shown = await waitForWarning(page, 3_000).then(
          () => true,
          () => false,
        );
        await page.close();
        return shown;
      },
      { timeout: 120_000, intervals: [1_000] },
    )
    .toBe(true);

  // Update every list now (the defaults too: their https hosts are refused by the proxy).
  const before = server.feedRequests('privacy.txt').length;
  await popup.getByRole('button', { name: 'Update now' }).click();
  await expect(popup.getByTestId('update-result')).toBeVisible({ timeout: 60_000 });
  await popup.close();
  expect(server.feedRequests('privacy.txt').length).toBeGreaterThan(before);

  const audit = auditRequests(server.requests, {
    visited,
    listUrls: [feedUrl, ...allSourceUrls()],
    secrets: ['SECRET-TOKEN-A', 'SECRET-PATH-B', 'SECRET-ORDER-C', 'bank-privacy', 'privacy.test'],
    // Chromium's own, even with the quiet flags: its component updater (each POST names a
    // Chromium component in x-goog-update-appid) and its sign-in service.
    browserOwnHosts: ['update.googleapis.com', 'accounts.google.com'],
  });
  // The proxy saw both kinds of traffic, so an empty problem list means something.
  expect(server.requests.some((r) => r.proxied && r.host === 'bank-privacy.test')).toBe(true);
  expect(audit.others.some((r) => r.proxied && r.url === '/feeds/privacy.txt')).toBe(true);
  expect(audit.problems, JSON.stringify(audit.others.map((r) => [r.method, r.host, r.url]))).toEqual([]);
});
