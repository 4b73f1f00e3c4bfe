import { expect, test } from '@playwright/test';
import { startTestServer, type TestServer } from '../support/feed-server';
import { serveFixturePages, type FixturePage } from '../support/fixture-pages';
import { launchWithExtension, openPopup, type LaunchedExtension } from './extension';
import { clickWarningButton, readWarning, waitForWarning } from './shadow';

test.describe.configure({ mode: 'serial' });

let server: TestServer;
let ext: LaunchedExtension;
let pages: FixturePage[];

/** A host on the bundled Magecart skimmer list (maltrail, public/lists/maltrail-magecart.txt). */
const SKIMMER_HOST = 'magentocore.net';

test.beforeAll(async () => {
  server = await startTestServer();
  pages = serveFixturePages(server);
  server.setPage('shop-with-skimmer.test', '/', {
    html: `<!doctype html><html><head><title>Checkout</title></head><body><h1>Checkout</h1>
<script src="http://${SKIMMER_HOST}:${server.port}/js/skimmer.js"></script></body></html>`,
  });
  ext = await launchWithExtension();
  // The bundled lists (the skimmer list among them) are in force for the matcher once the
  // popup shows them; their before-load rules are static rulesets, in force from install.
  await (await openPopup(ext)).close();
});

test.afterAll(async () => {
  await ext?.context.close();
  await server?.close();
});

test('a page that loads a listed skimmer script is warned about, naming the script, and the script is stopped', async () => {
  const page = await ext.context.newPage();
  await page.goto(server.url('shop-with-skimmer.test'), { waitUntil: 'commit' });
  const warning = await waitForWarning(page);
  expect(warning.where).toBe('page');
  expect(warning.text).toContain(`${SKIMMER_HOST}:${server.port}/js/skimmer.js`);
  expect(warning.text).toContain('Card skimmers');
  expect(warning.text).toContain('stopped this script');
  expect(server.requests.filter((r) => r.host === SKIMMER_HOST)).toEqual([]);
  await page.close();
});

test('a lookalike of a bank names the real site and offers to go there', async () => {
  const page = await ext.context.newPage();
  await page.goto(server.url('www.icbc-login.test'), { waitUntil: 'commit' });
  const warning = await waitForWarning(page);
  expect(warning.text).toContain('icbc.com.cn');
  expect(warning.text).toMatch(/Industrial and Commercial Bank of China/);
  expect(warning.buttons.map((b) => b.text)).toContain('Go to the real site (icbc.com.cn)');
  await page.close();
});

test('page heuristics warn on every hostile fixture and stay silent on every harmless look-alike', async () => {
  const results: string[] = [];
  for (const fixture of pages) {
    const page = await ext.context.newPage();
    const url = server.url(fixture.host, `/${fixture.file}`);
    // Opened directly, as a site owner checking their page would: the cloaking page looks
    // normal, and is caught by what its script does with the referrer.
    await page.goto(url, { waitUntil: 'commit' });
    const warned = await waitForWarning(page, 8000).then(
      () => true,
      () => false,
    );
    results.push(`${fixture.file}: ${warned ? 'warn' : 'silent'}`);
    await page.close();
  }
  expect(results).toEqual(pages.map((f) => `${f.file}: ${f.expect}`));
});

test('Always trust silences the heuristics for that site', async () => {
  const fixture = pages.find((f) => f.file === 'hacked-gov.html')!;
  const page = await ext.context.newPage();
  await page.goto(server.url(fixture.host, `/${fixture.file}`), { waitUntil: 'commit' });
  await waitForWarning(page);
  await clickWarningButton(page, 'Continue anyway');
  await clickWarningButton(page, 'Always trust this site');
  await expect.poll(() => readWarning(page)).toBeNull();
  await page.reload();
  await page.waitForTimeout(6500);
  expect(await readWarning(page)).toBeNull();
  await page.close();
});

test('[attack] 11 a page cannot tell the extension is there from the messages it receives', async () => {
  // WXT's content-script wrapper posted a window message in every frame at document_start;
  // a scam page could use it to show its clean face to users of the extension only.
  const page = await ext.context.newPage();
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __seen: string[] }).__seen = seen;
    addEventListener('message', (e) => seen.push(JSON.stringify(e.data)), true);
  });
  // A page whose warning shows that the content script ran in it, UI and all.
  await page.goto(server.url('shop-with-skimmer.test'), { waitUntil: 'commit' });
  expect((await waitForWarning(page)).where).toBe('page');
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen)).toEqual([]);
  await page.close();
});
