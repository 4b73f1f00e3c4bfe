import type { ListIndex } from '../match/types';
import type { Db } from './open-db';
import type { ListData, ListMeta, UserSettings } from './schema';

export type RuleArrays = Pick<ListData, 'blockDomains' | 'allowDomains' | 'blockUrls' | 'allowUrls'>;

const EMPTY_SETTINGS: UserSettings = { blockedSites: [], trustedSites: [], warningsShown: 0 };

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

  /** Changes metadata only (errors, schedule); never touches which rules are in force. */
  async patchMeta(id: string, patch: Partial<Omit<ListMeta, 'id' | 'activeVersion'>>): Promise<ListMeta | undefined> {
    const tx = this.db.transaction('lists', 'readwrite');
    const current = await tx.store.get(id);
    if (!current) return undefined;
    const next = { ...current, ...patch };
    await tx.store.put(next);
    await tx.done;
    return next;
  }

  /**
   * Puts a new version of a list in force. The rules are written completely in their
   * own transaction first; only then does a second transaction point the metadata at
   * them and drop the old version. If either step fails, the old version stays in force.
   */
  async commitVersion(id: string, rules: RuleArrays, patch: Partial<ListMeta>): Promise<ListMeta> {
    const before = await this.db.get('lists', id);
    if (!before) throw new Error(`No list with id ${id}`);
    const version = Math.max((before.activeVersion ?? 0) + 1, Date.now());
    await this.db.put('listData', { listId: id, version, ...rules });

    const tx = this.db.transaction(['lists', 'listData'], 'readwrite');
    const current = await tx.objectStore('lists').get(id);
    if (!current) {
      // Removed while we were writing: don't resurrect it.
      await tx.objectStore('listData').delete([id, version]);
      await tx.done;
      throw new Error(`List ${id} was removed during the update`);
    }
    const next: ListMeta = { ...current, ...patch, id, activeVersion: version };
    await tx.objectStore('lists').put(next);
    if (current.activeVersion !== null && current.activeVersion !== version) {
      await tx.objectStore('listData').delete([id, current.activeVersion]);
    }
    await tx.done;
    return next;
  }

  async removeList(id: string): Promise<void> {
    const tx = this.db.transaction(['lists', 'listData'], 'readwrite');
    await tx.objectStore('lists').delete(id);
    await tx.objectStore('listData').delete(IDBKeyRange.bound([id, 0], [id, Infinity]));
    await tx.done;
  }

  /** The rules in force for every list that has been imported at least once. */
  async loadIndexes(): Promise<ListIndex[]> {
    const metas = await this.allMeta();
    const tx = this.db.transaction('listData', 'readonly');
    const out: ListIndex[] = [];
    for (const meta of metas) {
      if (meta.activeVersion === null) continue;
      const data = await tx.store.get([meta.id, meta.activeVersion]);
      if (!data) continue;
      out.push({
        id: meta.id,
        name: meta.name,
        category: meta.category,
        blockDomains: data.blockDomains,
        allowDomains: data.allowDomains,
        blockUrls: data.blockUrls,
        allowUrls: data.allowUrls,
      });
    }
    await tx.done;
    return out;
  }

  /** Drops versions that no metadata points at: left by an import the browser interrupted. */
  async removeOrphans(): Promise<number> {
    const active = new Set((await this.allMeta()).map((m) => `${m.id}\u0000${m.activeVersion}`));
    const tx = this.db.transaction('listData', 'readwrite');
    let removed = 0;
    for (const key of await tx.store.getAllKeys()) {
      if (!active.has(`${key[0]}\u0000${key[1]}`)) {
        await tx.store.delete(key);
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
}
