import type { Runtime } from 'webextension-polyfill';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BypassStore } from '../../../src/background/bypass';
import { handleMessage, type HandlerContext } from '../../../src/background/handle-message';
import { SentryService, type ServiceDeps } from '../../../src/background/service';
import { DnrSync, type DnrApi } from '../../../src/blocking/dnr-sync';
import { ListStore } from '../../../src/store/list-store';
import { openFraudDb } from '../../../src/store/open-db';
import type { DefaultList } from '../../../src/update/default-lists';
import { startTestServer, type TestServer } from '../../e2e/support/feed-server';
import { bundledRules, memoryDnr, memoryParked, slots, type ClosableSlots } from '../blocking/memory-dnr';

const EXT_ID = 'fraud-sentry-test';
const ORIGIN = 'chrome-extension://fraud-sentry-test/';

const BUNDLED: DefaultList[] = [
  {
    id: 'bundled-a',
    name: 'Bundled A',
    category: 'fraud',
    bundledPath: 'lists/a.txt',
    url: 'https://lists.invalid/a.txt',
    licence: 'test',
    sharedSource: '',
  },
];
/** The package's static rulesets in these tests: one per bundled list, as the build makes them. */
const packagedRules = () => {
  const ids = BUNDLED.map((l) => l.id);
  return bundledRules(memoryDnr(Infinity, ids), memoryParked(), ids);
};
const BUNDLED_TEXT: Record<string, string> = { 'lists/a.txt': '0.0.0.0 bundled-evil.test\n0.0.0.0 other-evil.test\n' };

let server: TestServer;
let dbCount = 0;
let ctx: HandlerContext;
let service: SentryService;
let navigations: string[];

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

function makeService(openDb = () => openFraudDb(`svc-${dbCount++}`)) {
  return new SentryService({
    openDb,
    readBundled: async (path) => {
      const text = BUNDLED_TEXT[path];
      if (text === undefined) throw new Error(`missing ${path}`);
      return text;
    },
    bypass: new BypassStore(null),
    defaultLists: BUNDLED,
    userListName: 'My blocked sites',
  });
}

beforeEach(() => {
  service = makeService();
  navigations = [];
  ctx = {
    service,
    extensionId: EXT_ID,
    extensionOrigin: ORIGIN,
    tabs: {
      goBack: async () => {
        throw new Error('no history');
      },
      navigate: async (_tabId, url) => void navigations.push(url),
      openExtensionPage: async (path) => void navigations.push(path),
      tabUrl: async () => null,
    },
  };
});

const popup: Runtime.MessageSender = { id: EXT_ID, url: `${ORIGIN}popup.html` };
function tab(url: string, tabId = 7): Runtime.MessageSender {
  return {
    id: EXT_ID,
    url,
    frameId: 0,
    tab: { id: tabId, index: 0, highlighted: false, active: true, pinned: false, incognito: false, url },
  };
}

/**
 * The warnings counted, once `expected` are (or 2 s passed), and a little later: the count
 * is saved in the background, after the verdict is answered, and the machine may be busy.
 */
async function warningsShown(expected: number): Promise<number> {
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  for (let i = 0; i < 100 && (await service.status()).warningsShown < expected; i++) await sleep(20);
  await sleep(50);
  return (await service.status()).warningsShown;
}

async function ask(type: string, data: object, sender: Runtime.MessageSender) {
  return handleMessage({ type, data }, sender, ctx);
}

describe('message handler: who may ask what', () => {
  it('answers "this site" only to the extension’s pages, from the address the browser has for the tab', async () => {
    const asked: (number | undefined)[] = [];
    ctx.tabs.tabUrl = async (tabId) => {
      asked.push(tabId);
      return tabId === 3 ? 'http://good.test/a' : `${ORIGIN}warning.html#http://blocked.test/x`;
    };
    // A web page's content script may not ask about any tab (not even its own).
    expect(await ask('tab.site', { tabId: 3 }, tab('http://evil.test/'))).toMatchObject({ ok: false, code: 'refused' });
    expect(asked).toEqual([]);
    expect(await ask('tab.site', { tabId: 3 }, popup)).toMatchObject({
      ok: true,
      value: { kind: 'web', url: 'http://good.test/a', verdict: { kind: 'clean' }, onWarningPage: false },
    });
    // A tab showing the warning page is about the site it stopped.
    expect(await ask('tab.site', {}, popup)).toMatchObject({
      ok: true,
      value: { kind: 'web', url: 'http://blocked.test/x', onWarningPage: true },
    });
    expect(asked).toEqual([3, undefined]);
  });

  it('"Trust this site" comes only from the extension’s pages', async () => {
    expect(await ask('sites.trust', { site: 'x.test' }, tab('http://x.test/'))).toMatchObject({ ok: false });
    expect(await ask('sites.trust', { site: 'x.test' }, popup)).toMatchObject({ ok: true });
    expect((await service.status()).trustedSites).toContain('x.test');
  });

  it('refuses messages from another extension or from outside', async () => {
    expect(
      await ask('status.get', {}, { id: 'other-extension', url: 'chrome-extension://other/x.html' }),
    ).toMatchObject({
      ok: false,
      code: 'refused',
    });
    expect(await ask('page.check', {}, { url: 'https://evil.test/' })).toMatchObject({ ok: false, code: 'refused' });
  });

  it('refuses list and settings changes from a web page (content script)', async () => {
    for (const [type, data] of [
      ['lists.subscribe', { url: 'https://x.example/list.txt' }],
      ['lists.update', {}],
      ['sites.block', { site: 'x.example' }],
      ['trusted.remove', { site: 'x.example' }],
      ['status.get', {}],
    ] as const) {
      expect(await ask(type, data, tab('https://good.test/'))).toMatchObject({ ok: false, code: 'refused' });
    }
    expect((await service.status()).blockedSites).toEqual([]);
  });

  it('refuses malformed messages', async () => {
    expect(await handleMessage('hello', popup, ctx)).toMatchObject({ ok: false });
    expect(await handleMessage({ type: 'lists.drop', data: {} }, popup, ctx)).toMatchObject({ ok: false });
    expect(await handleMessage({ type: 'sites.block', data: { site: 42 } }, popup, ctx)).toMatchObject({ ok: false });
  });

  it('decides from the sender’s URL, never from a URL the page puts in the message', async () => {
    const reply = await handleMessage(
      { type: 'page.check', data: { url: 'https://good.test/' } },
      tab('https://www.bundled-evil.test/login'),
      ctx,
    );
    expect(reply).toMatchObject({
      ok: true,
      value: {
        kind: 'blocked',
        host: 'www.bundled-evil.test',
        reason: { listId: 'bundled-a', rule: 'bundled-evil.test' },
      },
    });
    expect(await ask('page.check', {}, tab('https://good.test/'))).toMatchObject({
      ok: true,
      value: { kind: 'clean' },
    });
  });

  it('after pushState, believes the reported address only on the sender’s origin, and only to add a warning', async () => {
    server.setFeed('paths.txt', { body: 'https://shop.test/fake-checkout\n' });
    expect(await ask('lists.subscribe', { url: server.feedUrl('paths.txt', '127.0.0.1') }, popup)).toMatchObject({
      ok: true,
    });
    const spa = tab('https://shop.test/app');
    // The browser still gives the address the page loaded with; the page moved on.
    expect(await ask('page.check', { url: 'https://shop.test/fake-checkout/pay' }, spa)).toMatchObject({
      ok: true,
      value: { kind: 'blocked', host: 'shop.test' },
    });
    expect(await ask('page.check', {}, spa)).toMatchObject({ ok: true, value: { kind: 'clean' } });
    // Another origin (host, scheme or port) is not the page's own address: ignored.
    for (const url of [
      'https://other.test/fake-checkout',
      'http://shop.test/fake-checkout',
      'https://shop.test:8443/fake-checkout',
      'javascript:alert(1)',
    ]) {
      expect(await ask('page.check', { url }, spa)).toMatchObject({ ok: true, value: { kind: 'clean' } });
    }
    // A listed page cannot report a clean address of its own to lift its warning.
    expect(
      await ask('page.check', { url: 'https://shop.test/app' }, tab('https://shop.test/fake-checkout/x')),
    ).toMatchObject({ ok: true, value: { kind: 'blocked' } });
  });

  it('after pushState, judges the two addresses as one verdict: one timing, one warning counted', async () => {
    server.setFeed('paths-once.txt', { body: 'https://shop.test/fake-checkout\n' });
    await ask('lists.subscribe', { url: server.feedUrl('paths-once.txt', '127.0.0.1') }, popup);
    const lookupsBefore = (await service.diagnosticsSnapshot()).lookupMs.length;
    const spa = tab('https://shop.test/app');
    expect(await ask('page.check', { url: 'https://shop.test/fake-checkout/pay' }, spa)).toMatchObject({
      value: { kind: 'blocked', reason: { rule: 'shop.test/fake-checkout' } },
    });
    expect(await ask('page.check', { url: 'https://shop.test/elsewhere' }, spa)).toMatchObject({
      value: { kind: 'clean' },
    });
    expect((await service.diagnosticsSnapshot()).lookupMs.length - lookupsBefore).toBe(2);
    expect(await warningsShown(1)).toBe(1);
  });

  it('lets only the top frame act on the tab (go back, continue, report findings)', async () => {
    const frame = { ...tab('https://good.test/frame'), frameId: 3 };
    expect(await ask('page.check', {}, frame)).toMatchObject({ ok: true });
    for (const [type, data] of [
      ['page.proceed', { always: true }],
      ['page.leave', {}],
      ['page.heuristic', { findings: [] }],
    ] as const) {
      expect(await ask(type, data, frame)).toMatchObject({ ok: false, code: 'refused' });
    }
    expect((await service.status()).trustedSites).toEqual([]);
  });

  it('refuses page messages from extension pages, which have no page to ask about', async () => {
    expect(await ask('page.check', {}, popup)).toMatchObject({ ok: false, code: 'refused' });
  });
});

describe('warning choices', () => {
  it('“this time only” lets the site through in that tab only', async () => {
    await ask('page.proceed', { always: false }, tab('https://bundled-evil.test/', 1));
    expect(await ask('page.check', {}, tab('https://bundled-evil.test/', 1))).toMatchObject({
      value: { kind: 'allowed', by: 'bypass' },
    });
    expect(await ask('page.check', {}, tab('https://bundled-evil.test/', 2))).toMatchObject({
      value: { kind: 'blocked' },
    });
  });

  it('“always trust” adds the site to the trusted list, which the user can remove again', async () => {
    await ask('page.proceed', { always: true }, tab('https://bundled-evil.test/', 1));
    expect(await ask('page.check', {}, tab('https://bundled-evil.test/', 9))).toMatchObject({
      value: { kind: 'allowed', by: 'trusted' },
    });
    expect((await service.status()).trustedSites).toEqual(['bundled-evil.test']);
    await ask('trusted.remove', { site: 'bundled-evil.test' }, popup);
    expect(await ask('page.check', {}, tab('https://bundled-evil.test/', 9))).toMatchObject({
      value: { kind: 'blocked' },
    });
  });

  it('the warning page for a site no longer listed lets its tab through to exactly that host (a rule that outlived the listing)', async () => {
    const api = memoryDnr();
    service = new SentryService({
      openDb: () => openFraudDb(`svc-${dbCount++}`),
      readBundled: async (path) => BUNDLED_TEXT[path] ?? '',
      bypass: new BypassStore(null),
      defaultLists: BUNDLED,
      userListName: 'My blocked sites',
      preload: new DnrSync(api, slots(), `${ORIGIN}warning.html`, packagedRules()),
    });
    ctx = { ...ctx, service };
    const warningPage = (target: string, tabId: number): Runtime.MessageSender => ({
      ...tab(`${ORIGIN}warning.html#${target}`, tabId),
    });
    expect(
      await ask('warning.check', { url: 'https://bundled-evil.test/' }, warningPage('https://bundled-evil.test/', 3)),
    ).toMatchObject({
      value: { kind: 'blocked' },
    });
    expect(await api.getSessionRules()).toEqual([]);
    expect(
      await ask('warning.check', { url: 'https://gone.test/a' }, warningPage('https://gone.test/a', 3)),
    ).toMatchObject({
      value: { kind: 'clean' },
    });
    const [rule, ...more] = await api.getSessionRules();
    expect(more).toEqual([]);
    expect(rule).toMatchObject({ action: { type: 'allow' }, condition: { tabIds: [3] } });
    expect(new RegExp(rule?.condition.regexFilter ?? '$^').test('https://gone.test/a')).toBe(true);
  });

  it('“Go back” with no history leaves for a blank page', async () => {
    expect(await ask('page.leave', {}, tab('https://bundled-evil.test/'))).toMatchObject({ ok: true });
    expect(navigations).toEqual(['about:blank']);
  });

  it('counts warnings shown, in total, by list and by kind', async () => {
    await ask('page.check', {}, tab('https://bundled-evil.test/'));
    await ask('page.check', {}, tab('https://other-evil.test/'));
    await ask('page.check', {}, tab('https://good.test/'));
    expect(await warningsShown(2)).toBe(2);
    const status = await service.status();
    expect(status.warningsByList).toEqual([{ id: 'bundled-a', name: 'Bundled A', count: 2 }]);
    expect(status.warningsByKind).toEqual({ domain: 2 });
  });
});

describe('a host judged before is judged again after a change (recent verdicts)', () => {
  const check = async (url: string, tabId = 4) => {
    const reply = await ask('page.check', {}, tab(url, tabId));
    return reply.ok ? reply.value : reply;
  };

  it('a site blocked by hand, then unblocked', async () => {
    expect(await check('https://fine.example.com/a')).toMatchObject({ kind: 'clean' });
    await ask('sites.block', { site: 'fine.example.com' }, popup);
    expect(await check('https://fine.example.com/b')).toMatchObject({ kind: 'blocked', reason: { listId: 'user' } });
    await ask('sites.unblock', { site: 'fine.example.com' }, popup);
    expect(await check('https://fine.example.com/c')).toMatchObject({ kind: 'clean' });
  });

  it('a listed site trusted from its warning, then no longer trusted', async () => {
    expect(await check('https://bundled-evil.test/')).toMatchObject({ kind: 'blocked' });
    await ask('page.proceed', { always: true }, tab('https://bundled-evil.test/'));
    expect(await check('https://bundled-evil.test/')).toMatchObject({ kind: 'allowed', by: 'trusted' });
    await ask('trusted.remove', { site: 'bundled-evil.test' }, popup);
    expect(await check('https://bundled-evil.test/')).toMatchObject({ kind: 'blocked' });
  });

  it('a list updated to name the site, then updated not to', async () => {
    server.setFeed('grows.txt', { body: 'first-evil.test\n' });
    await ask('lists.subscribe', { url: server.feedUrl('grows.txt', '127.0.0.1') }, popup);
    expect(await check('https://later-evil.test/')).toMatchObject({ kind: 'clean' });
    server.setFeed('grows.txt', { body: 'first-evil.test\nlater-evil.test\n' });
    await ask('lists.update', {}, popup);
    expect(await check('https://later-evil.test/')).toMatchObject({
      kind: 'blocked',
      reason: { rule: 'later-evil.test' },
    });
    server.setFeed('grows.txt', { body: 'first-evil.test\n' });
    await ask('lists.update', {}, popup);
    expect(await check('https://later-evil.test/')).toMatchObject({ kind: 'clean' });
  });

  it('a host with URL rules is judged by each page’s path, in any order', async () => {
    server.setFeed('paths-order.txt', { body: 'https://mixed.test/bad\n' });
    await ask('lists.subscribe', { url: server.feedUrl('paths-order.txt', '127.0.0.1') }, popup);
    expect(await check('https://mixed.test/good')).toMatchObject({ kind: 'clean' });
    expect(await check('https://mixed.test/bad/page')).toMatchObject({ kind: 'blocked' });
    expect(await check('https://mixed.test/good')).toMatchObject({ kind: 'clean' });
    expect(await check('http://mixed.test/bad')).toMatchObject({ kind: 'blocked' });
  });

  it('a page on free hosting is judged by its own path: a brand and a lure there warn, the other pages do not', async () => {
    expect(await check('https://sites.google.com/view/my-garden')).toMatchObject({ kind: 'clean' });
    expect(await check('https://sites.google.com/view/icbc-verify')).toMatchObject({
      kind: 'blocked',
      reason: { listId: 'lookalike', imitates: { domain: 'icbc.com.cn' } },
    });
    expect(await check('https://sites.google.com/view/my-garden')).toMatchObject({ kind: 'clean' });
    expect(await check('https://someone.github.io/paypal-login/')).toMatchObject({
      kind: 'blocked',
      reason: { imitates: { domain: 'paypal.com' } },
    });
    expect(await check('https://someone.github.io/notes/')).toMatchObject({ kind: 'clean' });
  });

  it('“this time only” in one tab leaves the other tabs warned', async () => {
    expect(await check('https://other-evil.test/', 1)).toMatchObject({ kind: 'blocked' });
    await ask('page.proceed', { always: false }, tab('https://other-evil.test/', 1));
    expect(await check('https://other-evil.test/', 1)).toMatchObject({ kind: 'allowed', by: 'bypass' });
    expect(await check('https://other-evil.test/', 2)).toMatchObject({ kind: 'blocked' });
  });
});

describe('lists from the popup', () => {
  it('protects from the bundled list before any network', async () => {
    const status = await service.status();
    expect(status).toMatchObject({ protectionOn: true, entriesInForce: 2, storage: 'indexeddb' });
    expect(status.lists[0]).toMatchObject({ id: 'bundled-a', entryCount: 2, format: 'hosts' });
    expect(server.requests.filter((r) => r.url.includes('a.txt'))).toEqual([]);
  });

  it('subscribes to a feed, blocks from it, and keeps it when the feed later fails', async () => {
    server.setFeed('sub.txt', { body: 'feed-evil.test\n*.phish.test\n' });
    const reply = await ask('lists.subscribe', { url: server.feedUrl('sub.txt', '127.0.0.1') }, popup);
    expect(reply).toMatchObject({ ok: true, value: { summary: { results: [{ outcome: 'updated', entryCount: 2 }] } } });
    expect(await ask('page.check', {}, tab('https://a.feed-evil.test/'))).toMatchObject({ value: { kind: 'blocked' } });

    server.setFeed('sub.txt', { status: 500, body: 'broken' });
    const update = await ask('lists.update', {}, popup);
    expect(update).toMatchObject({ ok: true });
    const status = await service.status();
    const sub = status.lists.find((l) => l.source === 'subscription');
    expect(sub?.lastError).toMatch(/500/);
    expect(sub?.entryCount).toBe(2);
    expect(await ask('page.check', {}, tab('https://x.phish.test/'))).toMatchObject({ value: { kind: 'blocked' } });
  });

  it('holds back a list that suddenly shrinks by more than 90 %', async () => {
    const many = Array.from({ length: 200 }, (_, i) => `evil${i}.test`).join('\n');
    server.setFeed('shrink.txt', { body: many });
    await ask('lists.subscribe', { url: server.feedUrl('shrink.txt', '127.0.0.1') }, popup);
    server.setFeed('shrink.txt', { body: 'evil1.test\n' });
    await ask('lists.update', {}, popup);
    const sub = (await service.status()).lists.find((l) => l.source === 'subscription');
    expect(sub?.entryCount).toBe(200);
    expect(sub?.lastError).toMatch(/shrank/);
  });

  it('refuses plain-http feeds from the network and duplicate subscriptions', async () => {
    expect(await ask('lists.subscribe', { url: 'http://example.org/list.txt' }, popup)).toMatchObject({
      ok: false,
      code: 'feedUrlNotHttps',
    });
    server.setFeed('dup.txt', { body: 'dup.test\n' });
    await ask('lists.subscribe', { url: server.feedUrl('dup.txt', '127.0.0.1') }, popup);
    expect(await ask('lists.subscribe', { url: server.feedUrl('dup.txt', '127.0.0.1') }, popup)).toMatchObject({
      ok: false,
      code: 'feedDuplicate',
    });
  });

  it('two “Update now” at once run one update', async () => {
    server.setFeed('twice.txt', { body: 'twice.test\n' });
    await ask('lists.subscribe', { url: server.feedUrl('twice.txt', '127.0.0.1') }, popup);
    server.clearRequests();
    const [a, b] = await Promise.all([ask('lists.update', {}, popup), ask('lists.update', {}, popup)]);
    expect(a).toEqual(b);
    expect(server.feedRequests('twice.txt').length).toBe(1);
  });

  it('blocks a site by hand, refusing whole public suffixes', async () => {
    expect(await ask('sites.block', { site: 'https://Mine.Example.COM/path' }, popup)).toMatchObject({
      ok: true,
      value: { blockedSites: ['mine.example.com'] },
    });
    expect(await ask('page.check', {}, tab('https://www.mine.example.com/'))).toMatchObject({
      value: { kind: 'blocked', reason: { listId: 'user' } },
    });
    expect(await ask('sites.block', { site: 'com.cn' }, popup)).toMatchObject({ ok: false, code: 'siteInvalid' });
    await ask('sites.unblock', { site: 'mine.example.com' }, popup);
    expect(await ask('page.check', {}, tab('https://www.mine.example.com/'))).toMatchObject({
      value: { kind: 'clean' },
    });
  });

  it('falls back to the bundled lists in memory when IndexedDB cannot open, and says so', async () => {
    service = makeService(() => Promise.reject(new Error('IndexedDB disabled')));
    ctx = { ...ctx, service };
    const status = await service.status();
    expect(status).toMatchObject({ storage: 'memory', storageError: 'IndexedDB disabled', protectionOn: true });
    expect(await ask('page.check', {}, tab('https://bundled-evil.test/'))).toMatchObject({
      value: { kind: 'blocked' },
    });
    expect(await ask('sites.block', { site: 'x.example' }, popup)).toMatchObject({
      ok: false,
      code: 'storageUnavailable',
    });
  });

  it('keeps lists across a restart of the background (same database)', async () => {
    const name = `svc-restart-${dbCount++}`;
    const first = makeService(() => openFraudDb(name));
    await first.blockSite('kept.example');
    const second = makeService(() => openFraudDb(name));
    expect((await second.verdictForPage('https://kept.example/', 1)).kind).toBe('blocked');
    expect((await second.status()).entriesInForce).toBe(3);
  });
});

describe('bundled lists: static rulesets in Chrome, and what an update changes', () => {
  /** A service whose bundled list updates from the local feed server, with Chrome's rules in memory. */
  function withRules() {
    const api = memoryDnr(Infinity, ['bundled-a']);
    const lists: DefaultList[] = [{ ...BUNDLED[0]!, url: server.feedUrl('bundled-a.txt', '127.0.0.1') }];
    const preload = new DnrSync(api, slots(), `${ORIGIN}warning.html`, bundledRules(api, undefined, ['bundled-a']));
    const svc = new SentryService({
      openDb: () => openFraudDb(`svc-${dbCount++}`),
      readBundled: async (path) => BUNDLED_TEXT[path] ?? '',
      bypass: new BypassStore(null),
      defaultLists: lists,
      userListName: 'My blocked sites',
      preload,
    });
    return { api, svc };
  }
  const byAction = (api: ReturnType<typeof memoryDnr>, type: string) =>
    [...api.dynamic.values()].filter((r) => r.action.type === type).flatMap((r) => r.condition.requestDomains ?? []);

  it('installs no rules for a bundled list at start: its ruleset is in the package', async () => {
    const { api, svc } = withRules();
    await svc.ready;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(api.dynamic.size).toBe(0);
    expect([...api.enabled]).toEqual(['bundled-a']);
    expect((await svc.status()).preload?.domains).toBe(2);
  });

  it('an update puts in only its difference from the package’s copy: added domains blocked, removed ones let through', async () => {
    const { api, svc } = withRules();
    server.setFeed('bundled-a.txt', { body: 'bundled-evil.test\nnew-evil.test\n' });
    await svc.updateLists(['bundled-a']);
    await expect.poll(() => byAction(api, 'redirect')).toEqual(['new-evil.test']);
    expect(byAction(api, 'allow')).toEqual(['other-evil.test']);
    // The next update's difference replaces this one (still from the package's copy).
    server.setFeed('bundled-a.txt', { body: 'bundled-evil.test\nother-evil.test\nlater-evil.test\n' });
    await svc.updateLists(['bundled-a']);
    await expect.poll(() => byAction(api, 'redirect')).toEqual(['later-evil.test']);
    expect(byAction(api, 'allow')).toEqual([]);
  });

  it('a bundled list switched off stops warning and its ruleset and update rules go off; on again, they come back', async () => {
    const { api, svc } = withRules();
    server.setFeed('bundled-a.txt', { body: 'bundled-evil.test\nother-evil.test\nnew-evil.test\n' });
    await svc.updateLists(['bundled-a']);
    await expect.poll(() => byAction(api, 'redirect')).toEqual(['new-evil.test']);

    const off = await svc.setListEnabled('bundled-a', false);
    expect(off.lists.find((l) => l.id === 'bundled-a')?.enabled).toBe(false);
    expect([...api.enabled]).toEqual([]);
    expect(api.dynamic.size).toBe(0);
    expect((await svc.verdictForPage('https://bundled-evil.test/', 1)).kind).toBe('clean');

    await svc.setListEnabled('bundled-a', true);
    expect([...api.enabled]).toEqual(['bundled-a']);
    expect(byAction(api, 'redirect')).toEqual(['new-evil.test']);
    expect((await svc.verdictForPage('https://new-evil.test/', 1)).kind).toBe('blocked');
  });

  it('a new release starts the difference from zero: its rulesets are the new copies, and so is the list in force', async () => {
    const { api, svc } = withRules();
    server.setFeed('bundled-a.txt', { body: 'bundled-evil.test\nnew-evil.test\n' });
    await svc.updateLists(['bundled-a']);
    await expect.poll(() => byAction(api, 'redirect')).toEqual(['new-evil.test']);
    await svc.newRelease();
    expect(api.dynamic.size).toBe(0);
    expect((await svc.verdictForPage('https://other-evil.test/', 1)).kind).toBe('blocked');
    expect((await svc.verdictForPage('https://new-evil.test/', 1)).kind).toBe('clean');
    // Due for an update at once, downloaded whole (no validators of the copy).
    const list = (await svc.status()).lists.find((l) => l.id === 'bundled-a');
    expect(list?.entryCount).toBe(2);
  });

  it('a subscription cannot be switched off (only removed)', async () => {
    await expect(service.setListEnabled('nope', false)).rejects.toMatchObject({ code: 'listUnknown' });
    server.setFeed('sub-on.txt', { body: 'sub-evil.test\n' });
    const { id } = await service.subscribe(server.feedUrl('sub-on.txt', '127.0.0.1'));
    await expect(service.setListEnabled(id, false)).rejects.toMatchObject({ code: 'listNotBundled' });
  });
});

/**
 * The before-load layer of a browser that closes the moment a list's rules are handed over:
 * the list's new version is saved (or the list removed) by then, its install (or removal)
 * never starts, and nothing written to storage from then on lands.
 */
class ClosingDnrSync extends DnrSync {
  closing = false;
  next: ClosableSlots | null = null;
  /** The lists whose rules this life was asked to install. */
  readonly asked: string[] = [];

  constructor(
    api: DnrApi,
    private readonly storage: ClosableSlots,
  ) {
    super(api, storage, 'chrome-extension://x/warning.html', packagedRules());
    void this.restoreCounts();
  }

  override replaceList(listId: string, block: readonly string[], allow: readonly string[]) {
    this.asked.push(listId);
    if (!this.closing) return super.replaceList(listId, block, allow);
    return this.close();
  }

  override noted(listId: string) {
    // Nothing lands once the browser is closed.
    if (this.next) return new Promise<void>(() => undefined);
    return super.noted(listId);
  }

  override removeList(listId: string) {
    if (!this.closing) return super.removeList(listId);
    return this.close();
  }

  private close(): Promise<void> {
    this.next ??= this.storage.close();
    return new Promise<void>(() => undefined);
  }
}

describe('the browser closes between saving a list and installing its rules', () => {
  const life = (dbName: string, preload: DnrSync): SentryService =>
    new SentryService({
      openDb: () => openFraudDb(dbName),
      readBundled: async (path) => BUNDLED_TEXT[path] ?? '',
      bypass: new BypassStore(null),
      defaultLists: BUNDLED,
      userListName: 'My blocked sites',
      preload: preload satisfies ServiceDeps['preload'],
    });
  const domainsIn = (api: ReturnType<typeof memoryDnr>) =>
    [...api.dynamic.values()].flatMap((r) => r.condition.requestDomains ?? []);

  it('[fault] the browser closes after a new subscription is saved, before its before-load rules are installed: the next start installs them', async () => {
    const api = memoryDnr();
    const dbName = `svc-${dbCount++}`;
    const first = new ClosingDnrSync(api, slots());
    first.closing = true;
    server.setFeed('first-install.txt', { body: 'first-evil.test\n' });
    const { id } = await life(dbName, first).subscribe(server.feedUrl('first-install.txt', '127.0.0.1'));
    await expect.poll(() => first.next).not.toBeNull();
    expect(domainsIn(api)).toEqual([]);

    const second = new ClosingDnrSync(api, first.next!);
    await life(dbName, second).ready;
    await expect.poll(() => second.covers(id)).toBe(true);
    expect(domainsIn(api)).toEqual(['first-evil.test']);
  });

  it('[fault] the browser closes after an update is saved, before its before-load rules are installed: the next start installs the new version', async () => {
    const api = memoryDnr();
    const dbName = `svc-${dbCount++}`;
    const first = new ClosingDnrSync(api, slots());
    const service = life(dbName, first);
    server.setFeed('closing.txt', { body: 'v1-evil.test\n' });
    const { id } = await service.subscribe(server.feedUrl('closing.txt', '127.0.0.1'));
    await expect.poll(() => first.covers(id)).toBe(true);
    expect(domainsIn(api)).toContain('v1-evil.test');

    server.setFeed('closing.txt', { body: 'v1-evil.test\nv2-evil.test\n' });
    first.closing = true;
    await service.updateLists([id]);
    expect(first.next).not.toBeNull();
    expect(domainsIn(api)).not.toContain('v2-evil.test');

    const second = new ClosingDnrSync(api, first.next!);
    await life(dbName, second).ready;
    // The next start downloads the list again: on a loaded machine that can take seconds.
    await expect.poll(() => domainsIn(api).includes('v2-evil.test'), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => second.covers(id)).toBe(true);
    expect(domainsIn(api).sort()).toEqual(['v1-evil.test', 'v2-evil.test']);
  });

  it('a normal restart installs nothing again: the pending flag is cleared once the install is noted', async () => {
    const api = memoryDnr();
    const dbName = `svc-${dbCount++}`;
    const storage = slots();
    const first = new ClosingDnrSync(api, storage);
    const service = life(dbName, first);
    server.setFeed('normal.txt', { body: 'normal-evil.test\n' });
    const { id } = await service.subscribe(server.feedUrl('normal.txt', '127.0.0.1'));
    await expect.poll(() => first.covers(id)).toBe(true);
    const store = new ListStore(await openFraudDb(dbName));
    await expect.poll(async () => (await store.getMeta(id))?.rulesPending).toBe(false);

    const second = new ClosingDnrSync(api, storage.close());
    await life(dbName, second).ready;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(second.asked).toEqual([]);
  });

  it('[fault] the browser closes after a list is removed, before its before-load rules are: the next start removes them', async () => {
    const api = memoryDnr();
    const dbName = `svc-${dbCount++}`;
    const first = new ClosingDnrSync(api, slots());
    const service = life(dbName, first);
    server.setFeed('removed.txt', { body: 'gone-evil.test\n' });
    const { id } = await service.subscribe(server.feedUrl('removed.txt', '127.0.0.1'));
    await expect.poll(() => first.covers(id)).toBe(true);
    first.closing = true;
    void service.removeList(id);
    await expect.poll(() => first.next).not.toBeNull();
    expect(domainsIn(api)).toContain('gone-evil.test');

    const second = new ClosingDnrSync(api, first.next!);
    await life(dbName, second).ready;
    await expect.poll(() => domainsIn(api).includes('gone-evil.test')).toBe(false);
    expect(domainsIn(api)).toEqual([]);
  });
});

describe('script verdicts', () => {
  it('answers without waiting once the lists are loaded, the same as the waiting path', async () => {
    const fresh = makeService();
    // Before the lists are loaded there is no synchronous answer (the caller waits instead).
    expect(fresh.scriptVerdictNow('http://bundled-evil.test/x.js', 'https://shop.test/', true)).toBeUndefined();
    const waited = await fresh.scriptVerdict('http://bundled-evil.test/x.js', 'https://shop.test/', true);
    expect(waited).toMatchObject({ kind: 'blocked', host: 'shop.test', reason: { script: { stopped: true } } });
    expect(fresh.scriptVerdictNow('http://bundled-evil.test/x.js', 'https://shop.test/', true)).toEqual(waited);
    expect(fresh.scriptVerdictNow('http://cdn.good.test/x.js', 'https://shop.test/', true)).toBeNull();
  });
});
