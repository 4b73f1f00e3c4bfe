import { applyRuleDelta, deltaSize, type RuleArrays, type RuleDelta } from '../match/rule-arrays';
import type { ListIndex } from '../match/types';
import type { Db } from './open-db';
import type { ListMeta, UserSettings } from '../model/list-meta';

export type { RuleArrays } from '../match/rule-arrays';

const EMPTY_SETTINGS: UserSettings = { blockedSites: [], trustedSites: [], warningsShown: 0 };

/** Every key of one list in a [listId, number] store. */
function keysOf(id: string): IDBKeyRange {
  return IDBKeyRange.bound([id, -Infinity], [id, Infinity]);
}

export class ListStore {
  constructor(private readonly db: Db) {}

  allMeta(): Promise<ListMeta[]> {
    return this.db.getAll('lists');
  }

  getMeta(id: string): Promise<ListMeta | undefined> {
    return this.db.get('lists', id);
  }

  async putMeta(meta: ListMeta): Promise<void> {
    await this.db.put('lists', meta);
  }

  /**
   * Clears rulesPending, but only while the list is still at `seen` (its version and deltas):
   * a newer version saved meanwhile keeps its own flag.
   */
  async settleRulesPending(id: string, seen: Pick<ListMeta, 'activeVersion' | 'deltas'>): Promise<void> {
    const tx = this.db.transaction('lists', 'readwrite');
    const current = await tx.store.get(id);
    const same = current?.activeVersion === seen.activeVersion && current.deltas.join() === seen.deltas.join();
    if (current?.rulesPending && same) await tx.store.put({ ...current, rulesPending: false });
    await tx.done;
  }

  /** Changes metadata only (errors, schedule); never touches which rules are in force. */
  async patchMeta(
    id: string,
    patch: Partial<Omit<ListMeta, 'id' | 'activeVersion' | 'deltas' | 'deltaEntries'>>,
  ): Promise<ListMeta | undefined> {
    const tx = this.db.transaction('lists', 'readwrite');
    const current = await tx.store.get(id);
    if (!current) return undefined;
    const next = { ...current, ...patch };
    await tx.store.put(next);
    await tx.done;
    return next;
  }

  /**
   * Puts a complete new version of a list in force. The rules are written in their own
   * transaction first; only then does a second transaction point the metadata at them and
   * drop the old version and its deltas. If either step fails, the old version stays.
   */
  async commitVersion(id: string, rules: RuleArrays, patch: Partial<ListMeta>): Promise<ListMeta> {
    const before = await this.requireMeta(id);
    const version = Math.max((before.activeVersion ?? 0) + 1, Date.now());
    await this.db.put('listData', { listId: id, version, ...rules });

    const tx = this.db.transaction(['lists', 'listData', 'listDelta'], 'readwrite');
    const current = await tx.objectStore('lists').get(id);
    if (!current) {
      // Removed while we were writing: don't resurrect it.
      await tx.objectStore('listData').delete([id, version]);
      await tx.done;
      throw new Error(`List ${id} was removed during the update`);
    }
    const next: ListMeta = { ...current, ...patch, id, activeVersion: version, deltas: [], deltaEntries: 0 };
    await tx.objectStore('lists').put(next);
    if (current.activeVersion !== null && current.activeVersion !== version) {
      await tx.objectStore('listData').delete([id, current.activeVersion]);
    }
    await tx.objectStore('listDelta').delete(keysOf(id));
    await tx.done;
    return next;
  }

  /**
   * Records a change on top of the version in force, written the same two-step way. A
   * 1 % change to a million-entry list writes ~160 KB instead of 8 MB.
   */
  async commitDelta(id: string, delta: RuleDelta, patch: Partial<ListMeta>): Promise<ListMeta> {
    const before = await this.requireMeta(id);
    if (before.activeVersion === null) throw new Error(`List ${id} has no version to change`);
    const seq = Math.max((before.deltas.at(-1) ?? 0) + 1, Date.now());
    await this.db.put('listDelta', { listId: id, seq, delta });

    const tx = this.db.transaction(['lists', 'listDelta'], 'readwrite');
    const current = await tx.objectStore('lists').get(id);
    if (!current || current.activeVersion !== before.activeVersion) {
      await tx.objectStore('listDelta').delete([id, seq]);
      await tx.done;
      throw new Error(`List ${id} changed during the update`);
    }
    const next: ListMeta = {
      ...current,
      ...patch,
      id,
      activeVersion: current.activeVersion,
      deltas: [...current.deltas, seq],
      deltaEntries: current.deltaEntries + deltaSize(delta),
    };
    await tx.objectStore('lists').put(next);
    await tx.done;
    return next;
  }

  async removeList(id: string): Promise<void> {
    const tx = this.db.transaction(['lists', 'listData', 'listDelta'], 'readwrite');
    await tx.objectStore('lists').delete(id);
    await tx.objectStore('listData').delete(keysOf(id));
    await tx.objectStore('listDelta').delete(keysOf(id));
    await tx.done;
  }

  /** The rules in force for every list imported at least once and not switched off: its version plus its deltas. */
  async loadIndexes(): Promise<ListIndex[]> {
    const metas = await this.allMeta();
    const tx = this.db.transaction(['listData', 'listDelta'], 'readonly');
    const data = tx.objectStore('listData');
    const deltas = tx.objectStore('listDelta');
    const out: ListIndex[] = [];
    for (const meta of metas) {
      if (meta.activeVersion === null || meta.enabled === false) continue;
      const base = await data.get([meta.id, meta.activeVersion]);
      if (!base) continue;
      let rules: RuleArrays = base;
      for (const seq of meta.deltas) {
        const record = await deltas.get([meta.id, seq]);
        if (record) rules = applyRuleDelta(rules, record.delta);
      }
      out.push({
        id: meta.id,
        name: meta.name,
        category: meta.category,
        blockDomains: rules.blockDomains,
        allowDomains: rules.allowDomains,
        blockUrls: rules.blockUrls,
        allowUrls: rules.allowUrls,
        ...(rules.urlHosts ? { urlHosts: rules.urlHosts } : {}),
      });
    }
    await tx.done;
    return out;
  }

  /** Drops versions and deltas no metadata points at: left by an import the browser interrupted. */
  async removeOrphans(): Promise<number> {
    const metas = await this.allMeta();
    const versions = new Set(metas.map((m) => `${m.id}\u0000${m.activeVersion}`));
    const deltas = new Set(metas.flatMap((m) => m.deltas.map((seq) => `${m.id}\u0000${seq}`)));
    const tx = this.db.transaction(['listData', 'listDelta'], 'readwrite');
    let removed = 0;
    for (const key of await tx.objectStore('listData').getAllKeys()) {
      if (!versions.has(`${key[0]}\u0000${key[1]}`)) {
        await tx.objectStore('listData').delete(key);
        removed++;
      }
    }
    for (const key of await tx.objectStore('listDelta').getAllKeys()) {
      if (!deltas.has(`${key[0]}\u0000${key[1]}`)) {
        await tx.objectStore('listDelta').delete(key);
        removed++;
      }
    }
    await tx.done;
    return removed;
  }

  async settings(): Promise<UserSettings> {
    return { ...EMPTY_SETTINGS, ...(await this.db.get('settings', 'user')) };
  }

  /** Read-modify-write in one transaction, so two quick clicks cannot lose each other's change. */
  async updateSettings(change: (s: UserSettings) => UserSettings): Promise<UserSettings> {
    const tx = this.db.transaction('settings', 'readwrite');
    const next = change({ ...EMPTY_SETTINGS, ...(await tx.store.get('user')) });
    await tx.store.put(next, 'user');
    await tx.done;
    return next;
  }

  private async requireMeta(id: string): Promise<ListMeta> {
    const meta = await this.db.get('lists', id);
    if (!meta) throw new Error(`No list with id ${id}`);
    return meta;
  }
}
