// The popup's "this site", the settings page and the help pages in a real Firefox ESR, the
// extension's pages opened as tabs (see openExtensionPage in harness.ts).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page, Target } from 'puppeteer-core';
import { startTestServer, type TestServer } from '../support/feed-server.ts';
import { FIREFOX_EXT_DIR } from '../support/paths.ts';
import {
  type FirefoxSession,
  gotoStopped,
  launchFirefox,
  makeProfileDir,
  openExtensionPage,
  removeProfile,
} from './harness.ts';
import { PopupPage } from './popup-page.ts';
import { clickWarningButton, waitForWarning } from './warning.ts';

const HOSTS = ['good.test', 'evil.test', 'two-a.test'];

/** A long warning page scrolls: bring the button into view first, as a user would. */
async function clickOnWarningPage(page: Page, label: string): Promise<void> {
  await page.evaluate((name) => {
    [...document.querySelectorAll('button')]
      .find((b) => b.textContent?.trim() === name)
      ?.scrollIntoView({ block: 'center' });
  }, label);
  await clickWarningButton(page, label);
}

/** The next tab that opens (the help page a click opened), once its own page has loaded. */
async function nextTab(browser: Browser, action: () => Promise<void>, path: string): Promise<PopupPage> {
  const known = new Set(browser.targets());
  const created = browser.waitForTarget((t: Target) => t.type() === 'page' && !known.has(t), { timeout: 15_000 });
  created.catch(() => undefined);
  await action();
  const page = (await (await created).page()) as Page;
  for (let i = 0; i < 100; i++) {
    const href = await page.evaluate(() => `${location.pathname} ${document.readyState}`).catch(() => '');
    if (href === `${path} complete`) return new PopupPage(page);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`No ${path} tab opened`);
}

describe('Fraud Sentry pages in Firefox: popup, settings, help', () => {
  let server: TestServer;
  let session: FirefoxSession;
  let profileDir: string;

  before(async () => {
    server = await startTestServer();
    server.setFeed('one.txt', { body: 'evil.test\n' });
    server.setFeed('two.txt', { body: 'two-a.test\ntwo-b.test\n' });
    server.setFeed('three.txt', { body: 'three-a.test\nthree-b.test\nthree-c.test\n' });
    profileDir = await makeProfileDir();
    session = await launchFirefox({ extensionDir: FIREFOX_EXT_DIR, hosts: HOSTS, profileDir });
  });

  after(async () => {
    await session?.close();
    await server?.close();
    if (profileDir) await removeProfile(profileDir);
  });

  test('settings: three subscriptions pressed in quick succession are all subscribed; "1 entry" in the singular', async () => {
    const p = new PopupPage(await openExtensionPage(session, 'options.html'));
    await p.waitForText(/Subscribe to a list/, 60_000);
    for (const name of ['one.txt', 'two.txt', 'three.txt']) {
      await p.fill('List URL', server.feedUrl(name, '127.0.0.1'));
      await p.click('Subscribe');
    }
    const text = await p.waitForText(/(Subscribed[\s\S]*){3}/, 60_000);
    assert.doesNotMatch(text, /Could not subscribe/);
    assert.match((await p.listItem('one.txt')) ?? '', /\b1 entry\b/);
    assert.match((await p.listItem('three.txt')) ?? '', /\b3 entries\b/);
    await p.page.close();
  });

  test('popup about a tab: the site and its verdict, and "Block this site"', async () => {
    const tab = await session.browser.newPage();
    const site = server.url('good.test', '/popup');
    await tab.goto(site, { waitUntil: 'domcontentloaded' });
    // The tab's id, as the extension's own pages see it.
    const settings = await openExtensionPage(session, 'options.html');
    const tabId = await settings.evaluate(
      async (url) =>
        (
          await (globalThis as unknown as { browser: typeof import('wxt/browser').browser }).browser.tabs.query({})
        ).find((t) => t.url === url)?.id,
      site,
    );
    await settings.close();
    assert.equal(typeof tabId, 'number');
    const p = new PopupPage(await openExtensionPage(session, `popup.html?tabId=${tabId}`));
    const text = await p.waitForText(/Not on any list in force/, 30_000);
    assert.match(text, /good\.test/);
    assert.match(text, /Protection is on/);
    await p.click('Block this site');
    await p.waitForText(/You blocked this site/);
    await p.click('Undo: unblock');
    await p.waitForText(/Not on any list in force/);
    await p.page.close();
    await tab.close();
  });

  test('the popup opened on its own page says the page is not checked', async () => {
    const p = new PopupPage(await openExtensionPage(session, 'popup.html'));
    await p.waitForText(/This page is not checked/, 30_000);
    await p.page.close();
  });

  test('the warning page opens "I have already paid" and "Report this site" for the blocked site', async () => {
    const page = await session.browser.newPage();
    const site = server.url('evil.test', '/pay');
    await gotoStopped(page, site);
    assert.equal((await waitForWarning(page)).where, 'extension');
    const paid = await nextTab(session.browser, () => clickOnWarningPage(page, 'I have already paid'), '/help.html');
    const text = await paid.waitForText(/I have already paid: what to do now/);
    for (const needle of ['Call 110 now', '96110', '95588', '95533', '95599', '95566', '95559', '95580', '95555']) {
      assert.ok(text.includes(needle), `the paid page shows ${needle}`);
    }
    assert.match(text, /95188/);
    assert.match(text, /95017/);
    assert.match(text, /“unfreezing”/);
    assert.ok(text.includes(site), 'the paid page shows the site’s address');
    await paid.click('Copy the address');
    await paid.waitForText(/Address copied/);
    await paid.page.close();

    const report = await nextTab(
      session.browser,
      () => clickOnWarningPage(page, 'Report this site or a wrong warning'),
      '/help.html',
    );
    const reportText = await report.waitForText(/The warning came from the list/);
    assert.match(reportText, /Ministry of Public Security/);
    assert.match(reportText, /Google Safe Browsing/);
    assert.match(reportText, /No issue page is known for this list/);
    const google = await report.page.evaluate(
      () => document.querySelector<HTMLAnchorElement>('[data-channel="google"] a')?.href ?? '',
    );
    assert.equal(google, `https://safebrowsing.google.com/safebrowsing/report_phish/?url=${encodeURIComponent(site)}`);
    await report.click('Trust this site');
    await report.waitForText(/Trusted: Fraud Sentry will not warn about evil\.test again/);
    await report.page.close();
    await page.close();
  });

  test('settings: statistics count the warnings shown by list and by kind', async () => {
    const page = await session.browser.newPage();
    await gotoStopped(page, server.url('two-a.test', '/stats'));
    await waitForWarning(page);
    await page.close();
    const p = new PopupPage(await openExtensionPage(session, 'options.html'));
    const text = await p.waitForText(/By kind[\s\S]*a listed site: [1-9]\d* warnings?/, 30_000);
    assert.match(text, /By list or detector[\s\S]*two\.txt[^\n]*: [1-9]\d* warnings?/);
    await p.page.close();
  });
});
