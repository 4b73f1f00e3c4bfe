// The whole user flow in a real Firefox ESR with the built extension (.output/firefox-mv2),
// driven over WebDriver BiDi. Run with: node --import tsx --test tests/e2e/firefox/*.test.ts
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'puppeteer-core';
import { startTestServer, type TestServer } from '../support/feed-server.ts';
import { FIREFOX_EXT_DIR } from '../support/paths.ts';
import {
  type FirefoxSession,
  gotoStopped,
  launchFirefox,
  makeProfileDir,
  openExtensionPage,
  pressKey,
  relaunchFirefox,
  removeProfile,
} from './harness.ts';
import { PopupPage } from './popup-page.ts';
import { clickWarningButton, readWarning, waitForWarning } from './warning.ts';

const HOSTS = [
  'evil.test',
  'deep.sub.evil.test',
  'sub.evil.test',
  'kbd.evil.test',
  'phish.test',
  'good.test',
  'www.mine.test',
  'shop.test',
  'r301.evil.test',
  'r302.evil.test',
  'meta.evil.test',
  'tab.evil.test',
];

describe('Fraud Sentry in Firefox', () => {
  let server: TestServer;
  let session: FirefoxSession;
  let profileDir: string;

  before(async () => {
    server = await startTestServer();
    server.setFeed('e2e.txt', {
      body: '! test feed\n||evil.test^\n||phish.test^$document\n||shop.test/fake-checkout\n',
    });
    profileDir = await makeProfileDir();
    session = await launchFirefox({ extensionDir: FIREFOX_EXT_DIR, hosts: HOSTS, profileDir });
  });

  after(async () => {
    await session?.close();
    await server?.close();
    if (profileDir) await removeProfile(profileDir);
  });

  /** The settings page, where the lists, own blocks and trusted sites are (the popup shows this site). */
  async function popup(): Promise<PopupPage> {
    const p = new PopupPage(await openExtensionPage(session, 'options.html'));
    await p.waitForText(/Subscribe to a list/);
    return p;
  }

  async function visit(host: string, path = '/'): Promise<Page> {
    const page = await session.browser.newPage();
    await gotoStopped(page, server.url(host, path));
    return page;
  }

  async function warningText(page: Page): Promise<string> {
    return (await waitForWarning(page)).text;
  }

  async function loaded(page: Page): Promise<boolean> {
    for (let i = 0; i < 100; i++) {
      if (await page.evaluate(() => document.body?.dataset.loaded === '1').catch(() => false)) return true;
      await new Promise((r) => setTimeout(r, 100));
    }
    return false;
  }

  test('subscribe to a list from the popup, then Update now shows the result', async () => {
    const p = await popup();
    await p.fill('List URL', server.feedUrl('e2e.txt', '127.0.0.1'));
    await p.click('Subscribe');
    await p.waitForText(/Subscribed/);
    await p.waitForText(/3 entries/);
    await p.click('Update now');
    await p.waitForText(/Update finished/);
    await p.page.close();
  });

  test('a listed host and its subdomain show the warning with 96110, before the site is contacted', async () => {
    for (const host of ['evil.test', 'deep.sub.evil.test']) {
      const page = await visit(host);
      const warning = await waitForWarning(page);
      const text = warning.text;
      assert.equal(warning.where, 'extension');
      assert.deepEqual(
        server.requests.filter((r) => r.host === host),
        [],
      );
      assert.equal(server.ranCount(host), 0);
      assert.match(text, /96110/);
      assert.match(text, /国家反诈中心/);
      assert.ok(text.includes(host), `warning names ${host}`);
      assert.match(text, /Go back/);
      assert.match(text, /Continue anyway/);
      await page.close();
    }
  });

  test('a listed URL path is stopped before load too (Firefox decides every navigation with the full matcher)', async () => {
    const page = await visit('shop.test', '/fake-checkout/pay');
    const warning = await waitForWarning(page);
    assert.equal(warning.where, 'extension');
    assert.equal(server.requests.filter((r) => r.url.startsWith('/fake-checkout')).length, 0);
    assert.match(warning.text, /96110/);
    await page.close();
  });

  test('an unlisted host shows no warning', async () => {
    const page = await visit('good.test');
    assert.equal(await loaded(page), true);
    assert.equal(await readWarning(page), null);
    await page.close();
  });

  test('Esc does not dismiss the warning', async () => {
    const page = await visit('shop.test', '/fake-checkout/esc');
    await warningText(page);
    await pressKey(page, 'Escape');
    assert.notEqual(await readWarning(page), null);
    await page.close();
  });

  test('Go back leaves the listed site', async () => {
    const page = await visit('good.test');
    await gotoStopped(page, server.url('evil.test'));
    await warningText(page);
    await clickWarningButton(page, 'Go back');
    for (let i = 0; i < 50 && !(await page.evaluate(() => location.host)).startsWith('good.test'); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok((await page.evaluate(() => location.host)).startsWith('good.test'));
    await page.close();
  });

  test('Continue anyway, this time only, lets the page load (warning page and in-page dialog)', async () => {
    for (const [host, path] of [
      ['sub.evil.test', '/'],
      ['shop.test', '/fake-checkout/once'],
    ] as const) {
      const page = await visit(host, path);
      await warningText(page);
      await clickWarningButton(page, 'Continue anyway');
      await clickWarningButton(page, 'This time only');
      const ok = await loaded(page);
      const where = await page
        .evaluate(() => `${location.href} ${document.readyState} ${document.title}`)
        .catch((e: unknown) => String(e));
      const seen = server.requests.filter((r) => r.host === host).map((r) => `${r.method} ${r.url}`);
      assert.equal(ok, true, `${host}${path} loads (now at ${where}; server saw ${seen.join(', ')})`);
      assert.equal(await readWarning(page), null);
      await page.close();
    }
  });

  test('Always trust: no warning again, and the site is in the popup’s trusted list', async () => {
    const page = await visit('phish.test');
    await warningText(page);
    await clickWarningButton(page, 'Continue anyway');
    await clickWarningButton(page, 'Always trust this site');
    assert.equal(await loaded(page), true);
    await page.close();
    const again = await visit('phish.test');
    assert.equal(await loaded(again), true);
    assert.equal(await readWarning(again), null);
    await again.close();
    const p = await popup();
    const text = await p.waitForText(/Trusted sites[\s\S]*phish\.test/);
    assert.match(text, /Warnings shown since install: [1-9]/);
    await p.page.close();
  });

  test('a site blocked by hand in the popup shows the warning', async () => {
    const p = await popup();
    await p.fill('Site to block', 'mine.test');
    await p.click('Block site');
    await p.waitForText(/Sites you blocked[\s\S]*mine\.test/);
    await p.page.close();
    const page = await visit('www.mine.test');
    assert.match(await warningText(page), /My blocked sites/);
    await page.close();
  });

  async function hrefSoon(page: Page, want: string): Promise<string> {
    let href = '';
    for (let i = 0; i < 100; i++) {
      href = await page.evaluate(() => location.href).catch(() => '');
      if (href === want) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    return href;
  }

  test('reached through a 301 or 302 redirect: the warning before the site is contacted, and Continue lands on it', async () => {
    for (const status of [301, 302]) {
      const host = `r${status}.evil.test`;
      const target = server.url(host, '/landing');
      server.setPage('good.test', `/go${status}`, { status, html: '', headers: { location: target } });
      const page = await visit('good.test', `/go${status}`);
      const warning = await waitForWarning(page);
      assert.equal(warning.where, 'extension');
      assert.ok(warning.text.includes(host));
      assert.deepEqual(
        server.requests.filter((r) => r.host === host),
        [],
      );
      await clickWarningButton(page, 'Continue anyway');
      await clickWarningButton(page, 'This time only');
      assert.equal(await loaded(page), true);
      assert.equal(await hrefSoon(page, target), target);
      await page.close();
    }
  });

  test('reached through a meta refresh: the warning, and Go back returns past the redirecting page', async () => {
    const target = server.url('meta.evil.test', '/landing');
    const start = server.url('good.test', '/start');
    server.setPage('good.test', '/start', { html: `<a id="go" href="${server.url('good.test', '/meta')}">go</a>` });
    server.setPage('good.test', '/meta', {
      html: `<meta http-equiv="refresh" content="0;url=${target}"><p>moving…</p>`,
    });
    const page = await visit('good.test', '/start');
    await page.click('#go');
    const warning = await waitForWarning(page);
    assert.ok(warning.text.includes('meta.evil.test'));
    assert.deepEqual(
      server.requests.filter((r) => r.host === 'meta.evil.test'),
      [],
    );
    await clickWarningButton(page, 'Go back');
    assert.equal(await hrefSoon(page, start), start);
    // And it stays there: going back did not land on the refresh again.
    await new Promise((r) => setTimeout(r, 1000));
    assert.equal(await page.evaluate(() => location.href), start);
    await page.close();
  });

  test('a link opened in a new tab: the warning in that tab, and Continue lands on the site', async () => {
    const target = server.url('tab.evil.test', '/landing');
    server.setPage('good.test', '/links', {
      html: `<a id="go" href="${target}" target="_blank" rel="noopener">open</a>`,
    });
    const page = await visit('good.test', '/links');
    const known = new Set(await session.browser.pages());
    await page.click('#go');
    let tab: Page | undefined;
    for (let i = 0; i < 100 && !tab; i++) {
      tab = (await session.browser.pages()).find((p) => !known.has(p));
      if (!tab) await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(tab, 'the link opened a tab');
    const warning = await waitForWarning(tab);
    assert.equal(warning.where, 'extension');
    assert.deepEqual(
      server.requests.filter((r) => r.host === 'tab.evil.test'),
      [],
    );
    await clickWarningButton(tab, 'Continue anyway');
    await clickWarningButton(tab, 'This time only');
    assert.equal(await loaded(tab), true);
    assert.equal(await hrefSoon(tab, target), target);
    await tab.close();
    await page.close();
  });

  test('a feed answering 500 shows the error in the popup while the old list still blocks', async () => {
    server.setFeed('e2e.txt', { status: 500, body: 'Internal error' });
    const p = await popup();
    await p.click('Update now');
    await p.waitForText(/Update finished/);
    const item = (await p.listItem('127.0.0.1')) ?? '';
    assert.match(item, /Last error: .*500/);
    assert.match(item, /3 entries/);
    await p.page.close();
    const page = await visit('evil.test');
    assert.match(await warningText(page), /96110/);
    await page.close();
  });

  test('a restart of the browser with the same profile keeps the list', async () => {
    session = await relaunchFirefox(session);
    const page = await visit('evil.test');
    assert.match(await warningText(page), /96110/);
    await page.close();
  });

  test('keyboard alone reaches the confirmation', async () => {
    const page = await visit('shop.test', '/fake-checkout/kbd');
    await warningText(page);
    await pressKey(page, 'Tab');
    await pressKey(page, 'Enter');
    for (let i = 0; i < 50 && !/This time only/.test((await readWarning(page))?.text ?? ''); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.match((await readWarning(page))?.text ?? '', /This time only/);
    await page.close();
  });
});
