import type { Browser } from 'wxt/browser';
import type { RulesVersion } from '../store/rules-version';
import type { BundledRules } from './bundled-rules';
import {
  allowRule,
  DOMAINS_PER_RULE,
  exactHostPattern,
  FIRST_BYPASS_ID,
  listRules,
  PackedDomains,
  passThroughRule,
  PRIORITY,
  redirectRule,
  SLOT_SIZE,
  slotIds,
  TRUSTED_ID,
  USER_BLOCK_ID,
  type DnrRule,
} from './dnr-rules';

/** The part of browser.declarativeNetRequest this uses (a fake in unit tests). */
export interface DnrApi {
  updateDynamicRules(options: Browser.declarativeNetRequest.UpdateRuleOptions): Promise<void>;
  getDynamicRules(filter?: { ruleIds?: number[] }): Promise<DnrRule[]>;
  updateSessionRules(options: Browser.declarativeNetRequest.UpdateRuleOptions): Promise<void>;
  getSessionRules(): Promise<DnrRule[]>;
}

/** Where list slots are remembered (storage.local): list ids are strings, rule ids numbers. */
export interface SlotStorage {
  load(): Promise<Record<string, number>>;
  save(slots: Record<string, number>): Promise<void>;
  /** Lists whose install began and has not finished: the worker or the browser may stop meanwhile. */
  loadUnfinished(): Promise<string[]>;
  saveUnfinished(ids: string[]): Promise<void>;
  /** Which version of each list its installed rules are (see RulesVersion). */
  loadVersions(): Promise<Record<string, string>>;
  saveVersions(versions: Record<string, string>): Promise<void>;
}

/** Where a list's rules are: its slot, the half in use, and the last rule id in that half. */
interface Placement {
  slot: number;
  half: 0 | 1;
  lastId: number;
}

/** Pass-through rules kept at most, across tabs (see passThrough). */
const MAX_PASS_THROUGH = 20;

const isPassThrough = (r: DnrRule) => r.condition.regexFilter !== undefined && r.condition.tabIds !== undefined;

/** A newer version of the same list was handed over while this one was being installed. */
class Superseded extends Error {}

export interface PreloadState {
  domains: number;
  /** Lists whose install is queued or running: until it ends, the in-page check covers them alone. */
  installing: number;
  error: string | null;
}

/**
 * Keeps Chrome's declarativeNetRequest rules in step with the lists, so a listed site is
 * redirected to the warning page before its HTML is fetched. The content-script check
 * stays the second layer for what these rules cannot express (URL paths, pushState,
 * bfcache) and for any moment the two are out of step.
 */
export class DnrSync {
  private counts = new Map<string, number>();
  private lastError: string | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private userQueue: Promise<unknown> = Promise.resolve();
  /** The latest version asked for, per list: an older install still queued or running gives way. */
  private generation = new Map<string, number>();
  private unfinished = new Set<string>();
  /** Installs cut short in an earlier life of the worker, found by restoreCounts. */
  private cutShort: string[] = [];
  /** Lists that had a slot (an install was at least begun) when this life of the worker began. */
  private slottedAtStart = new Set<string>();
  private restored: Promise<void> = Promise.resolve();
  /** The latest save of the unfinished set. */
  private saving: Promise<void> = Promise.resolve();
  /** Known once restore has run: until then every install is a whole one. */
  private placements = new Map<string, Placement>();
  private versions: Record<string, string> = {};

  constructor(
    private readonly api: DnrApi,
    private readonly slots: SlotStorage,
    private readonly warningPageUrl: string,
    /** The bundled lists: static rulesets, and their updates' differences as dynamic rules. */
    readonly bundled: BundledRules,
  ) {}

  /** Whether a list's rules are in force in the browser now (a bundled list's are from install). */
  covers(listId: string): boolean {
    return this.counts.has(listId) || this.bundled.has(listId);
  }

  get state(): PreloadState {
    let domains = 0;
    for (const n of this.counts.values()) domains += n;
    return { domains, installing: this.unfinished.size, error: this.lastError ?? this.bundled.lastError };
  }

  /**
   * Replaces one list's rules; a failure (a browser limit) is kept for the popup, never
   * thrown. The new rules go in one per call, with a turn of the event loop between, so
   * no single task of the background handles a million domains at once.
   *
   * `version.delta`: when the rules in force are exactly the version it was made from, only
   * its added domains are installed, as rules of their own: each call makes Chrome re-index
   * every rule of the extension, so a 1 % update of a 1M list takes one call instead of
   * fifty. The domains it removed keep their rules until the list's next whole install; the
   * warning page lets the tab through to such a site once the background says it is no
   * longer listed (passThrough).
   */
  replaceList(
    listId: string,
    block: readonly string[],
    allow: readonly string[],
    version?: RulesVersion,
  ): Promise<void> {
    const generation = (this.generation.get(listId) ?? 0) + 1;
    this.generation.set(listId, generation);
    const superseded = () => this.generation.get(listId) !== generation;
    // Decided now, while nothing of this list is queued: a later request of the same list
    // supersedes this one, and one made while this is unfinished installs whole.
    const append = version?.delta ? this.appendable(listId, version.delta) : null;
    // Packed now (in slices, see pack), so the caller's million strings can be collected
    // while the install runs.
    const packing = PackedDomains.pack(append ? (version?.delta?.added ?? []) : block);
    const allowed = [...allow];
    // Noted now, not when its turn comes: lists queued behind a long install are unfinished too.
    const noted = this.markUnfinished(listId, true);
    return this.serial(async () => {
      await noted;
      const packed = await packing;
      // A newer version of this list is queued behind: install only that one.
      if (superseded()) return;
      const added: number[] = [];
      try {
        if (append) {
          let id = append.lastId;
          const rules = (function* (url: string) {
            for (const domains of packed.chunks(DOMAINS_PER_RULE))
              yield redirectRule(++id, domains, url, PRIORITY.listBlock);
          })(this.warningPageUrl);
          await this.addOneByOne(rules, () => [], superseded, added);
          this.placements.set(listId, { ...append, lastId: id });
          // Domains the delta removed are still counted: their rules stay until the next whole install.
          this.counts.set(listId, (this.counts.get(listId) ?? 0) + packed.count);
        } else {
          const slot = await this.slotFor(listId);
          const existing = await this.idsInSlot(slot);
          const inHalf = (half: 0 | 1) => {
            const { first, last } = slotIds(slot, half);
            return existing.filter((id) => id >= first && id <= last);
          };
          const old = inHalf(0).length > 0 ? 0 : 1;
          const fresh = old === 0 ? 1 : 0;
          const leftover = inHalf(fresh);
          await this.addOneByOne(
            listRules(slot, packed, allowed, this.warningPageUrl, fresh),
            (id) => (leftover.includes(id) ? [id] : []),
            superseded,
            added,
          );
          await this.api.updateDynamicRules({ removeRuleIds: inHalf(old) });
          this.placements.set(listId, { slot, half: fresh, lastId: added.at(-1) ?? slotIds(slot, fresh).first - 1 });
          this.counts.set(listId, packed.count);
        }
        await this.rememberVersion(listId, version?.version);
        this.lastError = null;
        await this.markUnfinished(listId, false);
        // A site let through may be listed again now; the warning page lets it through anew if not.
        void this.dropPassThroughs().catch(() => undefined);
      } catch (error) {
        // Keep the old rules; drop the half-added new ones.
        await this.api.updateDynamicRules({ removeRuleIds: added }).catch(() => undefined);
        if (error instanceof Superseded) return;
        this.lastError = error instanceof Error ? error.message : String(error);
        // The old rules are whole again: nothing is left to resume.
        await this.markUnfinished(listId, false);
      }
    });
  }

  /**
   * One rule a call, a turn of the event loop between; `added` collects the ids that went
   * in, for the caller to take out again if the install stops. `replaces`: ids of a
   * cut-short earlier install that hold the same id.
   */
  private async addOneByOne(
    rules: Iterable<DnrRule>,
    replaces: (id: number) => number[],
    superseded: () => boolean,
    added: number[],
  ): Promise<void> {
    for (const rule of rules) {
      if (superseded()) throw new Superseded();
      await this.api.updateDynamicRules({ removeRuleIds: replaces(rule.id), addRules: [rule] });
      added.push(rule.id);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }

  /**
   * Where a delta's rules can go: only onto the very version it was made from, whole (not
   * cut short, nothing of this list queued), with room left in its half of the slot.
   */
  private appendable(listId: string, delta: NonNullable<RulesVersion['delta']>): Placement | null {
    const placed = this.placements.get(listId);
    if (!placed || this.unfinished.has(listId) || this.versions[listId] !== delta.from) return null;
    const needed = Math.ceil(delta.added.length / DOMAINS_PER_RULE);
    return placed.lastId + needed <= slotIds(placed.slot, placed.half).last ? placed : null;
  }

  /** Saved before the install is marked finished: a close between leaves it unfinished, so redone whole. */
  private async rememberVersion(listId: string, version: string | undefined): Promise<void> {
    if (version === undefined) delete this.versions[listId];
    else this.versions[listId] = version;
    // An unsaved version only makes the next delta install whole.
    await this.slots.saveVersions({ ...this.versions }).catch(() => undefined);
  }

  /**
   * The warning page was reached for a site the lists no longer name (a delta removed it;
   * its rule stays until the next whole install): lets this tab through to that host.
   */
  passThrough(tabId: number, host: string): Promise<void> {
    return this.serialUser(async () => {
      const rules = await this.api.getSessionRules();
      const passes = rules.filter(isPassThrough);
      const pattern = exactHostPattern(host);
      if (passes.some((r) => r.condition.regexFilter === pattern && r.condition.tabIds?.includes(tabId))) return;
      // One a tab, few in all: each is a regex rule, and Chrome counts those against one
      // limit with the lists' own; a page bouncing a tab through the warning page must not
      // use it up.
      const drop = passes.filter((r) => r.condition.tabIds?.includes(tabId) || passes.length >= MAX_PASS_THROUGH);
      await this.api.updateSessionRules({
        removeRuleIds: drop.map((r) => r.id),
        addRules: [passThroughRule(this.freeSessionId(rules), host, tabId)],
      });
    });
  }

  /**
   * Resolves once the list's install, already asked for, is noted in storage (or done):
   * from then on a close of the browser before it finishes is known to the next start.
   */
  noted(listId: string): Promise<void> {
    return this.unfinished.has(listId) ? this.saving : Promise.resolve();
  }

  /**
   * Of the lists in force, those whose rules need installing again: an earlier life of the
   * worker began their install and never finished it (the browser closed, the worker was
   * stopped), or never began it. Lists already handed over in this life are left out.
   */
  async installsToRedo(inForce: readonly string[], pending: readonly string[] = []): Promise<string[]> {
    await this.restored;
    const redo = new Set([...this.cutShort, ...pending]);
    for (const id of inForce) if (!this.slottedAtStart.has(id)) redo.add(id);
    return [...redo].filter((id) => !this.generation.has(id));
  }

  /**
   * Lists that have rules (or a begun install) but are no longer known: the list was
   * removed and the browser closed before its rules were. They would go on redirecting.
   */
  async orphans(known: readonly string[]): Promise<string[]> {
    await this.restored;
    const keep = new Set(known);
    const had = new Set([...this.slottedAtStart, ...this.cutShort]);
    return [...had].filter((id) => !keep.has(id) && !this.generation.has(id));
  }

  removeList(listId: string): Promise<void> {
    // An install of this list, running or queued, gives way at its next rule.
    this.generation.set(listId, (this.generation.get(listId) ?? 0) + 1);
    return this.serial(async () => {
      const all = await this.slots.load();
      const slot = all[listId];
      if (slot !== undefined) {
        const remove = await this.idsInSlot(slot);
        await this.api.updateDynamicRules({ removeRuleIds: remove });
        delete all[listId];
        await this.slots.save(all);
      }
      this.counts.delete(listId);
      this.placements.delete(listId);
      if (listId in this.versions) await this.rememberVersion(listId, undefined);
      // Even with no slot: its install may have been noted, then given way.
      await this.markUnfinished(listId, false);
    });
  }

  /** The user's own blocks and trusted sites, which override the lists. */
  setUserRules(blocked: readonly string[], trusted: readonly string[]): Promise<void> {
    return this.serialUser(async () => {
      const addRules: DnrRule[] = [];
      if (blocked.length)
        addRules.push(redirectRule(USER_BLOCK_ID, [...blocked], this.warningPageUrl, PRIORITY.userBlock));
      if (trusted.length) addRules.push(allowRule(TRUSTED_ID, [...trusted], PRIORITY.trusted));
      await this.api.updateDynamicRules({ removeRuleIds: [USER_BLOCK_ID, TRUSTED_ID], addRules });
    });
  }

  private dropPassThroughs(): Promise<void> {
    return this.serialUser(async () => {
      const ids = (await this.api.getSessionRules()).filter(isPassThrough).map((r) => r.id);
      if (ids.length) await this.api.updateSessionRules({ removeRuleIds: ids });
    });
  }

  /** "This time only": a session rule for that tab and host, gone when the browser closes. */
  allowOnce(tabId: number, host: string): Promise<number> {
    return this.serialUser(async () => {
      const id = this.freeSessionId(await this.api.getSessionRules());
      await this.api.updateSessionRules({ addRules: [allowRule(id, [host], PRIORITY.bypass, [tabId])] });
      return id;
    });
  }

  private freeSessionId(rules: readonly DnrRule[]): number {
    const used = new Set(rules.map((r) => r.id));
    let id = FIRST_BYPASS_ID;
    while (used.has(id)) id++;
    return id;
  }

  /** Drops the bypass (and pass-through) rules of a closed tab, or all of them when their time is up. */
  clearBypasses(tabId?: number): Promise<void> {
    return this.serialUser(async () => {
      const rules = await this.api.getSessionRules();
      const ids = rules.filter((r) => tabId === undefined || r.condition.tabIds?.includes(tabId)).map((r) => r.id);
      if (ids.length) await this.api.updateSessionRules({ removeRuleIds: ids });
    });
  }

  /** Counts what is in force after a restart, from the rules the browser kept. */
  restoreCounts(): Promise<void> {
    this.restored = this.restore();
    return this.restored;
  }

  private async restore(): Promise<void> {
    const slots = await this.slots.load();
    this.slottedAtStart = new Set(Object.keys(slots));
    const rules = await this.api.getDynamicRules();
    this.cutShort = await this.slots.loadUnfinished();
    this.versions = await this.slots.loadVersions();
    for (const id of this.cutShort) this.unfinished.add(id);
    for (const [listId, slot] of Object.entries(slots)) {
      // Partial rules do not count as the list covered.
      if (this.unfinished.has(listId)) continue;
      const { first, last } = slotIds(slot);
      const inSlot = rules.filter((r) => r.id >= first && r.id <= last);
      const ids = inSlot.map((r) => r.id);
      const half = ids.length > 0 && Math.min(...ids) >= slotIds(slot, 1).first ? 1 : 0;
      this.placements.set(listId, { slot, half, lastId: ids.length > 0 ? Math.max(...ids) : first - 1 });
      const n = inSlot
        .filter((r) => r.action.type === ('redirect' as Browser.declarativeNetRequest.RuleActionType))
        .reduce((sum, r) => sum + (r.condition.requestDomains?.length ?? 0), 0);
      this.counts.set(listId, n);
    }
  }

  /**
   * The rule ids present in a slot. Asks for those ids only: fetching every rule would copy
   * every domain of every list out of the browser on each update.
   */
  private async idsInSlot(slot: number): Promise<number[]> {
    const { first, last } = slotIds(slot);
    const ids = Array.from({ length: last - first + 1 }, (_, i) => first + i);
    return (await this.api.getDynamicRules({ ruleIds: ids })).map((r) => r.id);
  }

  private async slotFor(listId: string): Promise<number> {
    const all = await this.slots.load();
    const known = all[listId];
    if (known !== undefined) return known;
    const used = new Set(Object.values(all));
    let slot = 0;
    while (used.has(slot)) slot++;
    if ((slot + 2) * SLOT_SIZE > Number.MAX_SAFE_INTEGER) throw new Error('No rule slot left');
    all[listId] = slot;
    await this.slots.save(all);
    return slot;
  }

  /** Resolves once the set as it is now (or a later one) is saved: saves land in order. */
  private markUnfinished(listId: string, unfinished: boolean): Promise<void> {
    if (unfinished !== this.unfinished.has(listId)) {
      if (unfinished) this.unfinished.add(listId);
      else this.unfinished.delete(listId);
      this.saving = this.slots.saveUnfinished([...this.unfinished]);
    }
    return this.saving;
  }

  /** One change at a time: two imports must not interleave their remove/add of rule ids. */
  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * The user's own rules and bypasses use ids no list uses, so they have a queue of their
   * own: a click is never kept waiting behind a million-domain list being installed.
   */
  private serialUser<T>(task: () => Promise<T>): Promise<T> {
    const run = this.userQueue.then(task, task);
    this.userQueue = run.catch(() => undefined);
    return run;
  }
}
