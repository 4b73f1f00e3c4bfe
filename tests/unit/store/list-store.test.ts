import { beforeEach, describe, expect, it } from 'vitest';
import { buildHashSet } from '../../../src/match/hash-set';
import { hash53 } from '../../../src/match/hash';
import { hasHash } from '../../../src/match/hash-set';
import { ListStore, type RuleArrays } from '../../../src/store/list-store';
import { openFraudDb } from '../../../src/store/open-db';
import { newListMeta } from '../../../src/update/new-list-meta';
import type { ListMeta } from '../../../src/model/list-meta';

let n = 0;
let store: ListStore;

function meta(id: string): ListMeta {
  return {
    ...newListMeta({ id, name: id, category: 'fraud', source: 'subscription', url: 'https://example.org/list.txt' }, 0),
  };
}

function rules(domains: string[]): RuleArrays {
  return {
    blockDomains: buildHashSet(domains),
    allowDomains: new Float64Array(),
    blockUrls: new Float64Array(),
    allowUrls: new Float64Array(),
  };
}

beforeEach(async () => {
  store = new ListStore(await openFraudDb(`test-${n++}`));
});

describe('ListStore', () => {
  it('stores a list with its metadata and loads it back as an index', async () => {
    await store.putMeta(meta('a'));
    await store.commitVersion('a', rules(['evil.com', 'bad.cn']), { entryCount: 2, etag: '"v1"' });
    const [index] = await store.loadIndexes();
    expect(index?.id).toBe('a');
    expect(hasHash(index!.blockDomains, hash53('evil.com'))).toBe(true);
    expect((await store.getMeta('a'))?.etag).toBe('"v1"');
  });

  it('swaps versions atomically and drops the old one', async () => {
    await store.putMeta(meta('a'));
    await store.commitVersion('a', rules(['old.com']), { entryCount: 1 });
    await store.commitVersion('a', rules(['new.com']), { entryCount: 1 });
    const [index] = await store.loadIndexes();
    expect(hasHash(index!.blockDomains, hash53('new.com'))).toBe(true);
    expect(hasHash(index!.blockDomains, hash53('old.com'))).toBe(false);
    expect(await store.removeOrphans()).toBe(0);
  });

  it('a failed update leaves the old list in force and its metadata untouched', async () => {
    await store.putMeta(meta('a'));
    await store.commitVersion('a', rules(['old.com']), { entryCount: 1, lastSuccess: 1 });
    // A value IndexedDB cannot store makes the write fail as a real storage error would.
    const broken = { ...rules(['new.com']), blockDomains: (() => 0) as unknown as Float64Array };
    await expect(store.commitVersion('a', broken, { entryCount: 99, lastSuccess: 2 })).rejects.toThrow();
    const [index] = await store.loadIndexes();
    expect(hasHash(index!.blockDomains, hash53('old.com'))).toBe(true);
    const after = await store.getMeta('a');
    expect(after?.entryCount).toBe(1);
    expect(after?.lastSuccess).toBe(1);
  });

  it('cleans up a version an interrupted import left behind', async () => {
    await store.putMeta(meta('a'));
    const kept = await store.commitVersion('a', rules(['old.com']), { entryCount: 1 });
    // Simulate the browser closing between the two steps of commitVersion.
    const db = await openFraudDb(`test-${n - 1}`);
    await db.put('listData', { listId: 'a', version: (kept.activeVersion ?? 0) + 5, ...rules(['half.com']) });
    expect(await store.removeOrphans()).toBe(1);
    expect((await store.loadIndexes()).length).toBe(1);
  });

  it('removes a list and its rules', async () => {
    await store.putMeta(meta('a'));
    await store.commitVersion('a', rules(['x.com']), { entryCount: 1 });
    await store.removeList('a');
    expect(await store.loadIndexes()).toEqual([]);
    expect(await store.allMeta()).toEqual([]);
  });

  it('keeps user settings with read-modify-write', async () => {
    expect(await store.settings()).toEqual({ blockedSites: [], trustedSites: [], warningsShown: 0 });
    await Promise.all([
      store.updateSettings((s) => ({ ...s, warningsShown: s.warningsShown + 1 })),
      store.updateSettings((s) => ({ ...s, warningsShown: s.warningsShown + 1 })),
    ]);
    expect((await store.settings()).warningsShown).toBe(2);
  });
});
