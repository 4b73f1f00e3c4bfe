// A cloaking redirect reported by the page it leaves, and warned about on the page it lands on.
import type { Runtime } from 'webextension-polyfill';
import { beforeEach, describe, expect, it } from 'vitest';
import { BypassStore } from '../../../src/background/bypass';
import { handleMessage, type HandlerContext } from '../../../src/background/handle-message';
import { PENDING_REDIRECT_MS, pendingRedirect, sameSiteHosts } from '../../../src/background/heuristic-findings';
import { SentryService, type ServiceDeps } from '../../../src/background/service';
import { sameSite } from '../../../src/heuristics/site';
import { openFraudDb } from '../../../src/store/open-db';

const EXT_ID = 'fraud-sentry-test';
const ORIGIN = 'chrome-extension://fraud-sentry-test/';
const SCHOOL = 'https://www.county-school.edu.cn/about.html';
const CASINO = 'https://lucky-casino.example/';
const CLOAKING = {
  id: 'cloaking-redirect',
  score: 0.95,
  reason: 'This page sends visitors who arrive from a search engine to a different site.',
  reasonZh: '此网页会把从搜索引擎进入的访客跳转到其他网站。',
};

let dbCount = 0;
let clock: { t: number };
let ctx: HandlerContext;

function makeService(dbName: string, pushToTab?: ServiceDeps['pushToTab']): SentryService {
  return new SentryService({
    openDb: () => openFraudDb(`${dbName}-${dbCount++}`),
    readBundled: async () => '',
    bypass: new BypassStore(null),
    defaultLists: [],
    userListName: 'My blocked sites',
    now: () => clock.t,
    pushToTab,
  });
}

/** Puts in a service that records what it tells tabs (redirect.landed); returns the record. */
function recordPushes(): { tabId: number; message: unknown }[] {
  const pushed: { tabId: number; message: unknown }[] = [];
  ctx = {
    ...ctx,
    service: makeService('redirect-late', async (tabId, message) => void pushed.push({ tabId, message })),
  };
  return pushed;
}

beforeEach(() => {
  clock = { t: 1_000_000 };
  ctx = {
    service: makeService('redirect'),
    extensionId: EXT_ID,
    extensionOrigin: ORIGIN,
    tabs: {
      goBack: async () => undefined,
      navigate: async () => undefined,
      openExtensionPage: async () => undefined,
      tabUrl: async () => null,
    },
  };
});

function tab(url: string, tabId = 7, frameId = 0): Runtime.MessageSender {
  return {
    id: EXT_ID,
    url,
    frameId,
    tab: { id: tabId, index: 0, highlighted: false, active: true, pinned: false, incognito: false, url },
  };
}

async function ask(type: string, data: object, sender: Runtime.MessageSender) {
  const reply = await handleMessage({ type, data }, sender, ctx);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value as Record<string, unknown>;
}

const redirecting = (sender = tab(SCHOOL), findings: object[] = [CLOAKING], targets = ['lucky-casino.example']) =>
  ask('page.redirecting', { findings, targets }, sender);

describe('cloaking redirect: warned on the landing page', () => {
  it('warns the page the tab lands on, naming the site that sent it there, once', async () => {
    // Not awaited: the landing page may ask before the report's decision is made.
    const noted = redirecting();
    const verdict = await ask('page.check', {}, tab(CASINO));
    expect(await noted).toEqual({ noted: true });
    expect(verdict).toMatchObject({ kind: 'blocked', host: 'lucky-casino.example' });
    const reason = verdict.reason as { ruleType: string; rule: string; why: { en: string; zh: string } };
    expect(reason).toMatchObject({ ruleType: 'heuristic', rule: 'cloaking-redirect' });
    expect(reason.why.en).toContain('A script on www.county-school.edu.cn sent you here');
    expect(reason.why.zh).toContain('www.county-school.edu.cn 上的脚本');
    // A reload, or the next page in the tab, is not warned again.
    expect(await ask('page.check', {}, tab(CASINO))).toMatchObject({ kind: 'clean' });
  });

  it('holds the finding for that tab only, and only a few seconds', async () => {
    await redirecting();
    expect(await ask('page.check', {}, tab(CASINO, 8))).toMatchObject({ kind: 'clean' });
    clock.t += PENDING_REDIRECT_MS + 1;
    expect(await ask('page.check', {}, tab(CASINO))).toMatchObject({ kind: 'clean' });
  });

  it('waits past pages on the source site itself for the real landing page', async () => {
    await redirecting();
    expect(await ask('page.check', {}, tab('https://m.county-school.edu.cn/'))).toMatchObject({ kind: 'clean' });
    expect(await ask('page.check', {}, tab(CASINO))).toMatchObject({ kind: 'blocked' });
  });

  it('keeps nothing for redirects within the same site, findings under the threshold or of another detector', async () => {
    expect(await redirecting(tab(SCHOOL), [CLOAKING], ['m.county-school.edu.cn'])).toEqual({ noted: false });
    expect(await redirecting(tab(SCHOOL), [{ ...CLOAKING, score: 0.5 }])).toEqual({ noted: false });
    expect(await redirecting(tab(SCHOOL), [{ ...CLOAKING, id: 'gambling-injection' }])).toEqual({ noted: false });
    expect(await redirecting(tab(SCHOOL), [CLOAKING], ['<script>', 42 as unknown as string])).toEqual({
      noted: false,
    });
    expect(await ask('page.check', {}, tab(CASINO))).toMatchObject({ kind: 'clean' });
  });

  it('ignores frames, which do not move the tab', async () => {
    expect(await redirecting(tab(SCHOOL, 7, 3))).toEqual({ noted: false });
    expect(await ask('page.check', {}, tab(CASINO))).toMatchObject({ kind: 'clean' });
  });

  it('is silent when the user trusts the source site', async () => {
    await ask('page.proceed', { always: true }, tab(SCHOOL));
    expect(await redirecting()).toEqual({ noted: false });
    expect(await ask('page.check', {}, tab(CASINO))).toMatchObject({ kind: 'clean' });
  });

  it('"Go back" from a warning drops a pending redirect of that tab', async () => {
    await redirecting();
    await ask('page.leave', {}, tab('https://elsewhere.example/'));
    expect(await ask('page.check', {}, tab(CASINO))).toMatchObject({ kind: 'clean' });
  });

  it('"Continue anyway" on the landing page lets it load', async () => {
    await redirecting();
    expect(await ask('page.check', {}, tab(CASINO))).toMatchObject({ kind: 'blocked' });
    await ask('page.proceed', { always: false }, tab(CASINO));
    await redirecting();
    expect(await ask('page.check', {}, tab(CASINO))).toMatchObject({ kind: 'clean' });
  });
});

describe('page.sameSite: the public-suffix list stays in the background', () => {
  it('answers which hosts share the page’s registrable domain', async () => {
    const hosts = ['m.county-school.edu.cn', 'edu.cn', 'other-school.edu.cn', 'www.county-school.edu.cn', 'x.invalid'];
    expect(await ask('page.sameSite', { hosts }, tab(SCHOOL))).toEqual({
      same: ['m.county-school.edu.cn', 'www.county-school.edu.cn'],
    });
  });

  it('treats private suffixes as sites of their own and drops anything that is not a host', () => {
    expect(sameSiteHosts('alice.github.io', ['bob.github.io', 'www.alice.github.io'], sameSite)).toEqual([
      'www.alice.github.io',
    ]);
    expect(sameSiteHosts('a.example', 'a.example', sameSite)).toEqual([]);
    expect(sameSiteHosts('a.example', ['A.EXAMPLE/x', {}, 'a.example'], sameSite)).toEqual(['a.example']);
  });
});

describe('pendingRedirect', () => {
  it('keeps only targets on other sites, and needs a cloaking finding at the threshold', () => {
    const p = pendingRedirect(
      SCHOOL,
      'www.county-school.edu.cn',
      [CLOAKING],
      ['m.county-school.edu.cn', 'x.example'],
      sameSite,
    );
    expect(p?.targets).toEqual(['x.example']);
    expect(pendingRedirect(SCHOOL, 'www.county-school.edu.cn', 'nope', ['x.example'], sameSite)).toBeNull();
    expect(pendingRedirect(SCHOOL, 'www.county-school.edu.cn', [CLOAKING], 'x.example', sameSite)).toBeNull();
  });
});

describe('cloaking redirect: report arriving after the landing page asked', () => {
  it('tells the landing page afterwards, once, naming the source', async () => {
    const pushed = recordPushes();
    await ask('page.check', {}, tab(SCHOOL));
    // The landing page's question overtakes the report (two processes, no order between them).
    expect(await ask('page.check', {}, tab(CASINO))).toMatchObject({ kind: 'clean' });
    expect(await redirecting()).toEqual({ noted: true });
    expect(pushed).toHaveLength(1);
    expect(pushed[0]).toMatchObject({
      tabId: 7,
      message: { type: 'redirect.landed', verdict: { kind: 'blocked', host: 'lucky-casino.example' } },
    });
    const why = (pushed[0]!.message as { verdict: { reason: { why: { en: string } } } }).verdict.reason.why.en;
    expect(why).toContain('A script on www.county-school.edu.cn sent you here');
    // Told once: the next question from the tab is not warned again.
    expect(await ask('page.check', {}, tab(CASINO))).toMatchObject({ kind: 'clean' });
  });

  it('does not tell the source page itself, nor a page asked about long before', async () => {
    const pushed = recordPushes();
    await ask('page.check', {}, tab(SCHOOL));
    expect(await redirecting()).toEqual({ noted: true });
    expect(pushed).toEqual([]);
    await ask('page.check', {}, tab(CASINO, 9));
    clock.t += PENDING_REDIRECT_MS + 1;
    expect(await redirecting(tab(SCHOOL, 9))).toEqual({ noted: true });
    expect(pushed).toEqual([]);
  });
});
