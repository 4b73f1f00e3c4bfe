import { describe, expect, it } from 'vitest';
import { applyDelta, buildHashSet, diffSorted, hasHash } from '../../../src/match/hash-set';
import { hash53 } from '../../../src/match/hash';
import { ListStore } from '../../../src/store/list-store';
import { openFraudDb } from '../../../src/store/open-db';
import { newListMeta } from '../../../src/update/new-list-meta';
import type { ListMeta } from '../../../src/model/list-meta';
import { rulesVersionOf, type RulesVersion } from '../../../src/store/rules-version';
import { importListText } from '../../../src/update/import-list';

let n = 0;
const none = { etag: null, lastModified: null };

function meta(id: string): ListMeta {
  return {
    ...newListMeta({ id, name: id, category: 'fraud', source: 'subscription', url: 'https://example.org/list.txt' }, 0),
  };
}

const domains = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `site${from + i}.example`);

describe('sorted hash set deltas', () => {
  it('diff then apply gives back the new set, for random sets', () => {
    for (let round = 0; round < 50; round++) {
      const a = buildHashSet(domains(0, 500).filter(() => Math.random() < 0.7));
      const b = buildHashSet(domains(0, 500).filter(() => Math.random() < 0.7));
      const { added, removed } = diffSorted(a, b);
      expect([...applyDelta(a, added, removed)]).toEqual([...b]);
    }
  });
});

describe('importing a changed list', () => {
  async function setup() {
    const store = new ListStore(await openFraudDb(`delta-${n++}`));
    await store.putMeta(meta('big'));
    let current = await importListText({ store, now: 1 }, meta('big'), domains(0, 10_000).join('\n'), none);
    const indexes = async () => (await store.loadIndexes())[0]!;
    return {
      store,
      indexes,
      get current() {
        return current;
      },
      set current(m) {
        current = m;
      },
    };
  }

  it('writes a 1 % change as a delta, far smaller than the list, and loads the merged result', async () => {
    const s = await setup();
    expect(s.current.lastImport).toMatchObject({ mode: 'full', bytesWritten: 80_000, entries: 10_000 });
    const before = await s.indexes();
    const changed = [...domains(100, 10_000), ...domains(20_000, 20_100)].join('\n');
    const next = await importListText({ store: s.store, now: 2, currentRules: () => before }, s.current, changed, none);
    expect(next.lastImport).toMatchObject({ mode: 'delta', bytesWritten: 200 * 8, entries: 10_000 });
    expect(next.deltas.length).toBe(1);
    const after = await s.indexes();
    expect(hasHash(after.blockDomains, hash53('site0.example'))).toBe(false);
    expect(hasHash(after.blockDomains, hash53('site20050.example'))).toBe(true);
    expect(hasHash(after.blockDomains, hash53('site5000.example'))).toBe(true);
    expect(after.blockDomains.length).toBe(10_000);
  });

  it('tells the before-load layer which version it gets and, for a delta of block entries, only what it adds', async () => {
    const s = await setup();
    const handed: RulesVersion[] = [];
    const onParsed = async (_id: string, _parsed: unknown, version: RulesVersion) => void handed.push(version);
    const first = s.current;
    let rules = await s.indexes();
    const v2 = [...domains(100, 10_000), ...domains(20_000, 20_050)].join('\n');
    const second = await importListText(
      { store: s.store, now: 2, currentRules: () => rules, onParsed },
      first,
      v2,
      none,
    );
    expect(handed[0]).toEqual({
      version: rulesVersionOf(second),
      delta: { from: rulesVersionOf(first), added: domains(20_000, 20_050) },
    });
    expect(handed[0]?.version).not.toBe(handed[0]?.delta?.from);
    // An allow entry changes too: the before-load rules hold those, so no delta for them.
    rules = await s.indexes();
    const third = await importListText(
      { store: s.store, now: 3, currentRules: () => rules, onParsed },
      second,
      `${v2}\n@@||ok.example^`,
      none,
    );
    expect(third.lastImport?.mode).toBe('delta');
    expect(handed[1]?.delta).toBeUndefined();
    expect(handed[1]?.version).toBe(rulesVersionOf((await s.store.getMeta('big'))!));
  });

  it('stores nothing new when the rules did not change', async () => {
    const s = await setup();
    const before = await s.indexes();
    const next = await importListText(
      { store: s.store, now: 2, currentRules: () => before },
      s.current,
      domains(0, 10_000).reverse().join('\n'),
      none,
    );
    expect(next.lastImport).toMatchObject({ mode: 'unchanged', bytesWritten: 0 });
    expect(next.activeVersion).toBe(s.current.activeVersion);
  });

  it('rewrites the list whole once the deltas add up to more than a tenth of it', async () => {
    const s = await setup();
    let current = s.current;
    const modes: string[] = [];
    for (let step = 1; step <= 4; step++) {
      const rules = await s.indexes();
      const text = domains(step * 400, 10_000 + step * 400).join('\n');
      current = await importListText({ store: s.store, now: 2 + step, currentRules: () => rules }, current, text, none);
      modes.push(current.lastImport!.mode);
    }
    expect(modes).toEqual(['delta', 'full', 'delta', 'full']);
    expect((await s.indexes()).blockDomains.length).toBe(10_000);
    expect(await s.store.removeOrphans()).toBe(0);
  });

  it('an import the browser cut short between its two steps leaves the old rules and is cleaned up', async () => {
    const s = await setup();
    const db = await openFraudDb(`delta-${n - 1}`);
    const before = await s.indexes();
    await db.put('listDelta', {
      listId: 'big',
      seq: Date.now() + 99,
      delta: {
        blockDomains: { added: new Float64Array([1]), removed: new Float64Array() },
        allowDomains: { added: new Float64Array(), removed: new Float64Array() },
        blockUrls: { added: new Float64Array(), removed: new Float64Array() },
        allowUrls: { added: new Float64Array(), removed: new Float64Array() },
      },
    });
    expect((await s.indexes()).blockDomains).toEqual(before.blockDomains);
    expect(await s.store.removeOrphans()).toBe(1);
  });
});
