// Runtime-only evidence in Chromium: a cloaking redirect that has already happened (warned on
// the page it led to), and a browser locker whose trap only shows when it runs.
import { expect, test, type Page } from '@playwright/test';
import { startTestServer, type TestServer } from '../support/feed-server';
import { RUNTIME_HOSTS, serveFixturePages, serveRuntimeFixtures } from '../support/fixture-pages';
import { launchWithExtension, openPopup, type LaunchedExtension } from './extension';
import { readWarning, waitForWarning } from './shadow';

test.describe.configure({ mode: 'serial' });

let server: TestServer;
let ext: LaunchedExtension;
let urls: ReturnType<typeof serveRuntimeFixtures>;

/** Past the detectors' last look (5 s after DOMContentLoaded). */
const QUIET_MS = 6500;

test.beforeAll(async () => {
  server = await startTestServer();
  serveFixturePages(server);
  urls = serveRuntimeFixtures(server);
  ext = await launchWithExtension();
  await (await openPopup(ext)).close();
});

test.afterAll(async () => {
  await ext?.context.close();
  await server?.close();
});

/** Opens the stand-in search engine and clicks a result (a real click: the referrer is set). */
async function fromSearch(selector: string): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(urls.search);
  await page.click(selector);
  return page;
}

test('a visitor from a search engine, sent on by a hacked site, is warned on the page they land on', async () => {
  const page = await fromSearch('#to-school');
  const warning = await waitForWarning(page);
  expect(new URL(page.url()).hostname).toBe(RUNTIME_HOSTS.casino);
  expect(warning.text).toContain(`A script on ${RUNTIME_HOSTS.hackedSchool} sent you here`);
  expect(warning.text).toContain('search-engine cloaking');
  await page.close();
});

test('the same hacked site opened directly, and its landing page opened directly, stay silent', async () => {
  const school = await ext.context.newPage();
  await school.goto(urls.hackedSchool);
  const casino = await ext.context.newPage();
  await casino.goto(urls.casino);
  await school.waitForTimeout(QUIET_MS);
  expect(new URL(school.url()).hostname).toBe(RUNTIME_HOSTS.hackedSchool);
  expect(await readWarning(school)).toBeNull();
  expect(await readWarning(casino)).toBeNull();
  await school.close();
  await casino.close();
});

test('a page that reads the referrer from a search engine without sending the visitor away stays silent', async () => {
  const page = await fromSearch('#to-library');
  await page.waitForURL(/referrer-analytics\.test/);
  await page.waitForTimeout(QUIET_MS);
  expect(await readWarning(page)).toBeNull();
  // Its "back" button goes to the referrer on a click: the user's choice, no warning there.
  await page.click('#back');
  await page.waitForURL(/www\.baidu\.test/);
  await page.waitForTimeout(1500);
  expect(await readWarning(page)).toBeNull();
  await page.close();
});

test('a browser locker whose trap is in an external script is caught from what it does', async () => {
  const page = await ext.context.newPage();
  await page.goto(urls.locker, { waitUntil: 'commit' });
  const warning = await waitForWarning(page, 12_000);
  expect(warning.text).toMatch(/infected or locked/);
  await page.close();
});
