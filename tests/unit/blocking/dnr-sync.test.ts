import { describe, expect, it } from 'vitest';
import { DOMAINS_PER_RULE, PRIORITY, slotIds } from '../../../src/blocking/dnr-rules';
import { DnrSync, type DnrApi } from '../../../src/blocking/dnr-sync';
import { bundledRules, countingDnr, memoryDnr, slots } from './memory-dnr';

const domains = (n: number, tag = 'd') => Array.from({ length: n }, (_, i) => `${tag}${i}.example`);

describe('before-load rules (declarativeNetRequest) kept in step with the lists', () => {
  it('replaces a list in the free half of its slot, never leaving it without rules', async () => {
    const api = memoryDnr();
    const sync = new DnrSync(api, slots(), 'chrome-extension://x/warning.html', bundledRules(memoryDnr()));
    await sync.replaceList('a', domains(120_000), ['ok.example']);
    const first = [...api.dynamic.keys()];
    expect(first.every((id) => id >= slotIds(0, 0).first && id <= slotIds(0, 0).last)).toBe(true);
    // one allow rule, and block rules of ≤ DOMAINS_PER_RULE domains
    expect(first.length).toBe(1 + Math.ceil(120_000 / DOMAINS_PER_RULE));
    await sync.replaceList('a', domains(10, 'new'), []);
    const second = [...api.dynamic.keys()];
    expect(second.every((id) => id >= slotIds(0, 1).first)).toBe(true);
    expect(sync.state).toEqual({ domains: 10, installing: 0, error: null });
  });

  it('keeps the old rules and reports the error when the browser refuses the new ones', async () => {
    const api = memoryDnr(100_000);
    const sync = new DnrSync(api, slots(), 'chrome-extension://x/warning.html', bundledRules(memoryDnr()));
    await sync.replaceList('a', domains(1000), []);
    await sync.replaceList('a', domains(200_000, 'big'), []);
    expect(sync.state.error).toMatch(/exceeded/);
    const kept = [...api.dynamic.values()].flatMap((r) => r.condition.requestDomains ?? []);
    expect(kept.length).toBe(1000);
  });

  it('gives each list its own slot and removes only that list', async () => {
    const api = memoryDnr();
    const sync = new DnrSync(api, slots(), 'chrome-extension://x/warning.html', bundledRules(memoryDnr()));
    await sync.replaceList('a', domains(5, 'a'), []);
    await sync.replaceList('b', domains(7, 'b'), []);
    await sync.removeList('a');
    const left = [...api.dynamic.values()].flatMap((r) => r.condition.requestDomains ?? []);
    expect(left).toEqual(domains(7, 'b'));
  });

  it('user blocks, trusted sites and one-time bypasses outrank list rules', async () => {
    const api = memoryDnr();
    const sync = new DnrSync(api, slots(), 'chrome-extension://x/warning.html', bundledRules(memoryDnr()));
    await sync.setUserRules(['mine.example'], ['trusted.example']);
    await sync.allowOnce(3, 'evil.example');
    const user = [...api.dynamic.values()];
    expect(user.map((r) => [r.action.type, r.priority])).toEqual([
      ['redirect', 3],
      ['allow', 4],
    ]);
    const [bypass] = await api.getSessionRules();
    expect(bypass?.condition.tabIds).toEqual([3]);
    expect(bypass?.priority).toBe(5);
    await sync.clearBypasses(3);
    expect(await api.getSessionRules()).toEqual([]);
  });

  it('installs only the newest version when a newer one of the same list arrives meanwhile', async () => {
    const api = memoryDnr();
    const counting = countingDnr(api);
    const sync = new DnrSync(counting, slots(), 'chrome-extension://x/warning.html', bundledRules(memoryDnr()));
    const first = sync.replaceList('a', domains(DOMAINS_PER_RULE * 6, 'v1-'), []);
    const second = sync.replaceList('a', domains(DOMAINS_PER_RULE * 6, 'v2-'), []);
    const third = sync.replaceList('a', domains(10, 'v3-'), []);
    await Promise.all([first, second, third]);
    // v1 stopped early, v2 never started: far fewer calls than three whole installs.
    expect(counting.calls()).toBeLessThan(8 + 2);
    const installed = [...api.dynamic.values()].flatMap((r) => r.condition.requestDomains ?? []);
    expect(installed.sort()).toEqual(domains(10, 'v3-').sort());
    expect(sync.state).toEqual({ domains: 10, installing: 0, error: null });
  });

  it('remembers an install cut short (the worker stopped) so the next life installs the list again', async () => {
    const api = memoryDnr();
    const store = slots();
    const first = new DnrSync(api, store, 'chrome-extension://x/warning.html', bundledRules(memoryDnr()));
    await first.replaceList('whole', domains(5, 'w'), []);
    // The worker dies in the middle of the second list: its promise never settles.
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    let added = 0;
    const dying: DnrApi = {
      ...api,
      updateDynamicRules: async (o) => {
        if ((o.addRules?.length ?? 0) > 0 && ++added === 2) {
          stop();
          return new Promise<void>(() => undefined);
        }
        await api.updateDynamicRules(o);
      },
    };
    const cut = new DnrSync(dying, store, 'chrome-extension://x/warning.html', bundledRules(memoryDnr()));
    void cut.replaceList('partial', domains(DOMAINS_PER_RULE * 3, 'p'), []);
    // Queued behind it, never started.
    void cut.replaceList('queued', domains(3, 'q'), []);
    await stopped;

    const next = new DnrSync(api, store, 'chrome-extension://x/warning.html', bundledRules(memoryDnr()));
    await next.restoreCounts();
    expect((await next.installsToRedo(['whole', 'partial', 'queued'])).sort()).toEqual(['partial', 'queued']);
    expect(next.covers('whole')).toBe(true);
    expect(next.covers('partial')).toBe(false);
    await next.replaceList('partial', domains(DOMAINS_PER_RULE * 3, 'p'), []);
    await next.replaceList('queued', domains(3, 'q'), []);
    expect(next.covers('partial')).toBe(true);
    const again = new DnrSync(api, store, 'chrome-extension://x/warning.html', bundledRules(memoryDnr()));
    await again.restoreCounts();
    expect(await again.installsToRedo(['whole', 'partial', 'queued'])).toEqual([]);
  });

  it('counts a list in force whose install never began, or saved as pending, as one to install, unless this life asked for it', async () => {
    const api = memoryDnr();
    const store = slots();
    const first = new DnrSync(api, store, 'chrome-extension://x/warning.html', bundledRules(memoryDnr()));
    await first.replaceList('installed', domains(3, 'i'), []);
    await first.replaceList('updated', domains(3, 'u'), []);

    const next = new DnrSync(api, store.close(), 'chrome-extension://x/warning.html', bundledRules(memoryDnr()));
    await next.restoreCounts();
    void next.replaceList('asked-now', domains(2, 'a'), []);
    const inForce = ['installed', 'updated', 'never-begun', 'asked-now'];
    // 'updated': a newer version saved with rulesPending, then the browser closed.
    expect((await next.installsToRedo(inForce, ['updated', 'asked-now'])).sort()).toEqual(['never-begun', 'updated']);
  });

  it('says when an install is noted: only after the note is saved', async () => {
    const store = slots();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let saves = 0;
    const slow = {
      ...store,
      saveUnfinished: async (ids: string[]) => {
        saves++;
        await held;
        await store.saveUnfinished(ids);
      },
    };
    const sync = new DnrSync(memoryDnr(), slow, 'chrome-extension://x/warning.html', bundledRules(memoryDnr()));
    void sync.replaceList('a', domains(3), []);
    let noted = false;
    void sync.noted('a').then(() => (noted = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(saves).toBe(1);
    expect(noted).toBe(false);
    release();
    await expect.poll(() => noted).toBe(true);
  });

  it('names the lists whose rules outlived them, and a removal stops that list’s install at once', async () => {
    const api = memoryDnr();
    const counting = countingDnr(api);
    const store = slots();
    const first = new DnrSync(counting, store, 'chrome-extension://x/warning.html', bundledRules(memoryDnr()));
    await first.replaceList('kept', domains(3, 'k'), []);
    await first.replaceList('removed-meanwhile', domains(3, 'r'), []);
    const big = first.replaceList('big', domains(DOMAINS_PER_RULE * 20, 'b'), []);
    const removal = first.removeList('big');
    await Promise.all([big, removal]);
    // A few calls of the big install at most, not its twenty rules.
    expect(counting.calls()).toBeLessThan(2 + 2 + 6);
    expect([...api.dynamic.values()].flatMap((r) => r.condition.requestDomains ?? []).sort()).toEqual(
      [...domains(3, 'k'), ...domains(3, 'r')].sort(),
    );

    const next = new DnrSync(api, store.close(), 'chrome-extension://x/warning.html', bundledRules(memoryDnr()));
    await next.restoreCounts();
    expect(await next.orphans(['kept'])).toEqual(['removed-meanwhile']);
  });
});

describe('a list update stored as a delta', () => {
  const url = 'chrome-extension://x/warning.html';
  const blocked = (api: ReturnType<typeof memoryDnr>) =>
    [...api.dynamic.values()]
      .filter((r) => r.action.type === 'redirect')
      .flatMap((r) => r.condition.requestDomains ?? [])
      .sort();

  it('installs only the added domains, in one call, onto the version it was made from', async () => {
    const api = memoryDnr();
    const counting = countingDnr(api);
    const sync = new DnrSync(counting, slots(), url, bundledRules(memoryDnr()));
    const v1 = domains(DOMAINS_PER_RULE * 3, 'v');
    await sync.replaceList('a', v1, ['ok.example'], { version: '1:' });
    const before = [...api.dynamic.keys()];
    const callsBefore = counting.calls();
    const v2 = [...v1.slice(1), 'new.example'];
    await sync.replaceList('a', v2, ['ok.example'], {
      version: '1:2',
      delta: { from: '1:', added: ['new.example'] },
    });
    expect(counting.calls() - callsBefore).toBe(1);
    // The old rules stay as they were (the removed domain too, until the next whole install).
    expect([...api.dynamic.keys()].slice(0, before.length)).toEqual(before);
    expect(blocked(api)).toEqual([...v1, 'new.example'].sort());
    expect(sync.state).toEqual({ domains: v1.length + 1, installing: 0, error: null });

    // The next whole install replaces everything, delta rules and removed domains included.
    await sync.replaceList('a', v2, ['ok.example'], { version: '2:' });
    expect(blocked(api)).toEqual([...v2].sort());
    expect([...api.dynamic.keys()].every((id) => id >= slotIds(0, 1).first)).toBe(true);
  });

  it('installs whole when the rules in force are another version, or an install of the list is unfinished', async () => {
    const api = memoryDnr();
    const counting = countingDnr(api);
    const sync = new DnrSync(counting, slots(), url, bundledRules(memoryDnr()));
    await sync.replaceList('a', domains(100, 'v'), [], { version: '1:' });
    // Made from a version whose rules never went in: the whole list.
    await sync.replaceList('a', domains(101, 'v'), [], {
      version: '1:3',
      delta: { from: '1:2', added: ['v100.example'] },
    });
    expect(blocked(api)).toEqual(domains(101, 'v').sort());
    expect([...api.dynamic.keys()].every((id) => id >= slotIds(0, 1).first)).toBe(true);

    // A delta asked for while a whole install of the list is still queued cannot go onto it.
    const whole = sync.replaceList('a', domains(50, 'w'), [], { version: '2:' });
    const delta = sync.replaceList('a', [...domains(50, 'w'), 'x.example'], [], {
      version: '2:1',
      delta: { from: '2:', added: ['x.example'] },
    });
    await Promise.all([whole, delta]);
    expect(blocked(api)).toEqual([...domains(50, 'w'), 'x.example'].sort());
  });

  it('remembers the version in force across a restart, and installs whole a list cut short', async () => {
    const api = memoryDnr();
    const store = slots();
    // The first life's calls stop landing once the browser closes.
    let closed = false;
    const dying: DnrApi = {
      ...api,
      updateDynamicRules: async (o) => {
        if (closed) return new Promise(() => undefined);
        await api.updateDynamicRules(o);
        // The browser closes right after the cut-short install's first rule (c0… is in it).
        if (o.addRules?.some((r) => r.condition.requestDomains?.includes('c0.example'))) closed = true;
      },
    };
    const first = new DnrSync(dying, store, url, bundledRules(memoryDnr()));
    await first.replaceList('a', domains(100, 'a'), [], { version: '1:' });
    await first.replaceList('b', domains(100, 'b'), [], { version: '1:' });
    // The browser closes during b's next whole install, after its first rule.
    void first.replaceList('b', domains(DOMAINS_PER_RULE * 4, 'c'), [], { version: '2:' });
    await expect.poll(() => closed).toBe(true);

    const counting = countingDnr(api);
    const again = new DnrSync(counting, store.close(), url, bundledRules(memoryDnr()));
    await again.restoreCounts();
    await again.replaceList('a', [...domains(100, 'a'), 'n.example'], [], {
      version: '1:1',
      delta: { from: '1:', added: ['n.example'] },
    });
    expect(counting.calls()).toBe(1);
    await again.replaceList('b', [...domains(100, 'b'), 'm.example'], [], {
      version: '1:1',
      delta: { from: '1:', added: ['m.example'] },
    });
    // b's rules were partial: the whole list went in, and nothing of the cut-short install is left.
    expect(counting.calls()).toBeGreaterThan(2);
    expect(blocked(api)).toEqual([...domains(100, 'a'), 'n.example', ...domains(100, 'b'), 'm.example'].sort());
  });
});

describe('letting a tab through to a site whose rule outlived its listing', () => {
  it('allows exactly that host in that tab, outranked by the user’s blocks, one rule a tab', async () => {
    const api = memoryDnr();
    const sync = new DnrSync(api, slots(), 'chrome-extension://x/warning.html', bundledRules(memoryDnr()));
    await sync.passThrough(7, 'gone.example');
    await sync.passThrough(7, 'gone.example');
    let [rule, ...more] = await api.getSessionRules();
    expect(more).toEqual([]);
    expect(rule?.action.type).toBe('allow');
    expect(rule?.condition.tabIds).toEqual([7]);
    expect(rule?.priority).toBeGreaterThan(PRIORITY.listBlock);
    expect(rule?.priority).toBeLessThan(PRIORITY.userBlock);
    const re = new RegExp(rule?.condition.regexFilter ?? '$^');
    expect(['http://gone.example/', 'https://gone.example:8443/a'].every((u) => re.test(u))).toBe(true);
    expect(
      ['http://sub.gone.example/', 'http://gone.example.evil/', 'http://x.test/?u=http://gone.example/'].some((u) =>
        re.test(u),
      ),
    ).toBe(false);

    await sync.passThrough(7, 'other.example');
    [rule, ...more] = await api.getSessionRules();
    expect(more).toEqual([]);
    expect(rule?.condition.regexFilter).toContain('other');
    await sync.clearBypasses(7);
    expect(await api.getSessionRules()).toEqual([]);
  });

  it('drops every pass-through once a list’s rules change (the site may be listed again), keeping the user’s bypasses', async () => {
    const api = memoryDnr();
    const sync = new DnrSync(api, slots(), 'chrome-extension://x/warning.html', bundledRules(memoryDnr()));
    await sync.passThrough(7, 'gone.example');
    await sync.allowOnce(7, 'bypassed.example');
    await sync.replaceList('a', ['gone.example'], [], { version: '1:' });
    await expect
      .poll(async () => (await api.getSessionRules()).map((r) => r.condition.requestDomains ?? r.condition.regexFilter))
      .toEqual([['bypassed.example']]);
  });

  it('keeps few such rules in all: a page bouncing tabs through the warning page cannot use up the regex limit', async () => {
    const api = memoryDnr();
    const sync = new DnrSync(api, slots(), 'chrome-extension://x/warning.html', bundledRules(memoryDnr()));
    await sync.allowOnce(1, 'kept-bypass.example');
    for (let tab = 0; tab < 100; tab++) await sync.passThrough(tab, `h${tab}.example`);
    const rules = await api.getSessionRules();
    expect(rules.filter((r) => r.condition.regexFilter).length).toBeLessThanOrEqual(20);
    expect(rules.some((r) => r.condition.requestDomains?.includes('kept-bypass.example'))).toBe(true);
  });
});

describe('packed domains', () => {
  it('gives back every domain, in order, in chunks of the rule size', async () => {
    const { PackedDomains } = await import('../../../src/blocking/dnr-rules');
    for (const n of [0, 1, 2, 5, 6, 7, 12]) {
      const all = domains(n);
      const chunks = [...(await PackedDomains.pack(all)).chunks(3)];
      expect(chunks.flat()).toEqual(all);
      expect(chunks.map((c) => c.length)).toEqual(
        Array.from({ length: Math.ceil(n / 3) }, (_, i) => Math.min(3, n - i * 3)),
      );
    }
  });

  it('keeps order and content across its packing batches and for non-ASCII names', async () => {
    const { PackedDomains } = await import('../../../src/blocking/dnr-rules');
    // 25,000 a batch: 120,001 crosses four batch boundaries and ends in a short chunk.
    const all = [...domains(120_000), 'xn--fiq228c.com', '例子.测试'].slice(1);
    const chunks = [...(await PackedDomains.pack(all)).chunks(20_000)];
    expect(chunks.flat()).toEqual(all);
    expect(chunks.map((c) => c.length)).toEqual([20_000, 20_000, 20_000, 20_000, 20_000, 20_000, 1]);
  });
});
