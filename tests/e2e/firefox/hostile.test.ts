// "A warning no page can hide or click through", in Firefox (WebDriver BiDi). Titles start
// with "[attack] ". Firefox decides every navigation, top-level and in frames, in blocking
// webRequest, URL paths included, so each hostile page is replaced by the extension's
// warning page before the request leaves: its script never runs, which the server log
// proves.
// Run with: node --import tsx --test tests/e2e/firefox/hostile.test.ts
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'puppeteer-core';
import {
  ATTACKS,
  framesPage,
  framingPage,
  hostilePage,
  isWarningRed,
  pixelOfPng,
  popupOpenerPage,
  type AttackName,
} from '../../fixtures/hostile/attacks.ts';
import { startTestServer, type TestServer } from '../support/feed-server.ts';
import { FIREFOX_EXT_DIR } from '../support/paths.ts';
import { type FirefoxSession, gotoStopped, launchFirefox, openExtensionPage } from './harness.ts';
import { PopupPage } from './popup-page.ts';
import { clickWarningButton, readWarning, waitForWarning, type FirefoxWarning } from './warning.ts';

const HOSTS = ['evil.test', 'framed.evil.test', 'shop.test', 'good.test'];

const TITLES: Record<Exclude<AttackName, 'none'>, string> = {
  removeHost: '1a removing the warning host (MutationObserver + interval)',
  replaceRoot: '1b replacing the <html> element',
  documentOpen: '1c wiping the document with document.open()/write()',
  hideStylesheet: '2a hiding with a late <style>',
  hideCssom: '2b hiding through the CSSOM',
  hideInline: '2c hiding with inline styles and hidden/inert attributes',
  coverZIndex: '3a covering with a z-index 2147483647 element kept last',
  coverTopLayer: '3b covering with the page’s own modal <dialog> and popover',
  coverFullscreen: '3c going fullscreen on the user’s click',
  prototypes: '4a overriding DOM prototypes, MutationObserver, timers, window.stop, history',
  customElement: '4b defining <fraud-sentry-warning> as the page’s own custom element',
  clobberApi: '4c clobbering window.browser / window.chrome with named form elements',
  syntheticEvents: '5 synthetic clicks and Enter/Space keys at the warning',
  bfcache: '7 removing the warning on pagehide/pageshow',
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Fraud Sentry in Firefox: hostile pages', () => {
  let server: TestServer;
  let session: FirefoxSession;

  before(async () => {
    server = await startTestServer();
    server.setFeed('hostile.txt', { body: '||evil.test^\n||shop.test/fake-checkout\n' });
    session = await launchFirefox({ extensionDir: FIREFOX_EXT_DIR, hosts: HOSTS });
    const p = new PopupPage(await openExtensionPage(session, 'options.html'));
    await p.waitForText(/Subscribe to a list/);
    await p.fill('List URL', server.feedUrl('hostile.txt', '127.0.0.1'));
    await p.click('Subscribe');
    await p.waitForText(/2 entries/);
    await p.page.close();
  });

  after(async () => {
    await session?.close();
    await server?.close();
  });

  async function visit(url: string): Promise<Page> {
    const page = await session.browser.newPage();
    await gotoStopped(page, url);
    return page;
  }

  async function pixel(page: Page): Promise<[number, number, number] | null> {
    try {
      return pixelOfPng(await page.screenshot({ clip: { x: 6, y: 6, width: 1, height: 1 } }));
    } catch {
      return null;
    }
  }

  /** The warning is there and its red backdrop is on screen, now and a while later. */
  async function warningHolds(page: Page): Promise<FirefoxWarning> {
    let last: FirefoxWarning | null = null;
    for (let i = 0; i < 3; i++) {
      await sleep(i === 0 ? 300 : 600);
      const until = Date.now() + 10_000;
      for (;;) {
        const warning = await readWarning(page);
        const colour = warning ? await pixel(page) : null;
        if (warning && colour && isWarningRed(colour)) {
          last = warning;
          break;
        }
        if (Date.now() > until)
          throw new Error(`warning not visible (warning: ${warning?.where ?? 'none'}, pixel: ${colour?.join(',')})`);
        await sleep(100);
      }
    }
    return last as FirefoxWarning;
  }

  async function loaded(page: Page): Promise<boolean> {
    for (let i = 0; i < 100; i++) {
      if (await page.evaluate(() => document.body?.dataset.loaded === '1').catch(() => false)) return true;
      await sleep(100);
    }
    return false;
  }

  test('the test list is in force', async () => {
    for (let i = 0; ; i++) {
      const page = await visit(server.url('shop.test', `/fake-checkout/warm-up-${i}`));
      const ok = await waitForWarning(page, 2_000).then(
        () => true,
        () => false,
      );
      await page.close();
      if (ok) break;
      if (i > 10) throw new Error('the test list never came into force');
    }
  });

  for (const [attack, title] of Object.entries(TITLES) as [Exclude<AttackName, 'none'>, string][]) {
    test(`[attack] ${title}: stopped before the page loads, its script never runs`, async () => {
      assert.ok(ATTACKS[attack] !== undefined);
      const path = `/fake-checkout/${attack}`;
      server.setPage('shop.test', path, { html: hostilePage(attack) });
      const page = await visit(server.url('shop.test', path));
      const warning = await warningHolds(page);
      assert.equal(warning.where, 'extension');
      assert.equal(server.requests.filter((r) => r.url === path).length, 0, 'the hostile page was never requested');
      if (attack === 'coverFullscreen' || attack === 'syntheticEvents') {
        // The user's real click on the warning page: the (never loaded) page gains nothing.
        await clickWarningButton(page, 'Continue anyway');
        const confirm = await warningHolds(page);
        assert.match(confirm.text, /This time only/);
      }
      await page.close();
    });
  }

  test('[attack] 9 the user’s own real clicks still continue to a hostile page', async () => {
    const path = '/fake-checkout/real-click';
    server.setPage('shop.test', path, { html: hostilePage('syntheticEvents') });
    const page = await visit(server.url('shop.test', path));
    await waitForWarning(page);
    await clickWarningButton(page, 'Continue anyway');
    await clickWarningButton(page, 'This time only');
    assert.equal(await loaded(page), true);
    assert.equal(await page.evaluate(() => location.pathname), path);
    assert.equal(await readWarning(page), null);
    await page.close();
  });

  test('[attack] 7b away and back (back/forward cache) to a listed page shows the warning again', async () => {
    const path = '/fake-checkout/bf';
    server.setPage('shop.test', path, { html: hostilePage('bfcache') });
    const page = await visit(server.url('shop.test', path));
    await waitForWarning(page);
    await page.goto(server.url('good.test', '/'), { waitUntil: 'load' });
    assert.equal(await loaded(page), true);
    await page.goBack().catch(() => undefined);
    const warning = await warningHolds(page);
    assert.equal(warning.where, 'extension');
    assert.equal(server.requests.filter((r) => r.url === path).length, 0);
    await page.close();
  });

  test('[attack] 6 framing the warning page and posting messages / clicks into it', async () => {
    const target = server.url('evil.test', '/framed-target');
    const src = session.extensionUrl(`warning.html#${target}`);
    const messages = [
      { type: 'warning.proceed', data: { url: target, always: true } },
      { type: 'page.proceed', data: { always: true } },
      'proceed',
    ];
    server.setPage('good.test', '/frame-warning', { html: framingPage(src, messages) });
    const page = await visit(server.url('good.test', '/frame-warning'));
    await sleep(1500);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    if (frame) {
      const inside = await frame
        .evaluate(() => ({
          url: location.href,
          dialog: document.querySelector('[role="alertdialog"]') !== null,
          buttons: document.querySelectorAll('button').length,
        }))
        .catch(() => null);
      // Where the harness can read the frame, it holds nothing to click.
      if (inside) assert.deepEqual({ dialog: inside.dialog, buttons: inside.buttons }, { dialog: false, buttons: 0 });
    }
    await page.mouse.click(400, 300);
    await sleep(1000);
    assert.equal(await page.evaluate(() => location.pathname), '/frame-warning');
    assert.equal(await page.evaluate(() => (window as unknown as { __clicked?: number }).__clicked ?? 0), 0);
    assert.deepEqual(
      server.requests.filter((r) => r.host === 'evil.test'),
      [],
    );
    await page.close();
    const again = await visit(target);
    assert.equal((await waitForWarning(again)).where, 'extension');
    await again.close();
  });

  test('[attack] 8a opening a listed site in an iframe', async () => {
    server.setPage('good.test', '/frames-host', { html: framesPage([server.url('framed.evil.test', '/')]) });
    const page = await visit(server.url('good.test', '/frames-host'));
    await sleep(1500);
    await page.close();
    assert.equal(server.ranCount('framed.evil.test'), 0);
  });

  test('[attack] 8b opening a listed URL path in an iframe', async () => {
    const before = server.ranCount('shop.test');
    server.setPage('good.test', '/frames-path', {
      html: framesPage([server.url('shop.test', '/fake-checkout/framed')]),
    });
    const page = await visit(server.url('good.test', '/frames-path'));
    await sleep(1500);
    await page.close();
    assert.equal(server.ranCount('shop.test'), before);
  });

  test('[attack] 8c opening a listed site in a popup window', async () => {
    const target = server.url('evil.test', '/popup');
    server.setPage('good.test', '/opener', { html: popupOpenerPage(target) });
    const page = await visit(server.url('good.test', '/opener'));
    const known = new Set(await session.browser.pages());
    await page.bringToFront();
    await page.click('#open');
    let popup: Page | undefined;
    for (let i = 0; i < 100 && !popup; i++) {
      popup = (await session.browser.pages()).find((p) => !known.has(p));
      if (!popup) await sleep(150);
    }
    const opened = await page.evaluate(() => String((window as unknown as { __popup?: unknown }).__popup ?? 'none'));
    assert.ok(popup, `a popup opened (window.open gave ${opened}; pages: ${(await session.browser.pages()).length})`);
    const warning = await warningHolds(popup);
    assert.equal(warning.where, 'extension');
    assert.deepEqual(
      server.requests.filter((r) => r.host === 'evil.test'),
      [],
    );
    await popup.close();
    await page.close();
  });

  test('[attack] 10 SPA: history.pushState to a listed path after load shows the in-page warning', async () => {
    server.setPage('shop.test', '/hostile/spa', { html: hostilePage('none', '/fake-checkout/spa') });
    const page = await visit(server.url('shop.test', '/hostile/spa'));
    const warning = await waitForWarning(page, 5_000);
    assert.equal(warning.where, 'page');
    await page.close();
  });
});
