import type { Browser } from 'wxt/browser';
import {
  allowRule,
  DOMAINS_PER_RULE,
  PRIORITY,
  redirectRule,
  scriptBlockRule,
  unlistedRule,
  type DnrRule,
} from './dnr-rules';
import type { DnrApi } from './dnr-sync';
import { staticAllowRuleIds } from './static-rulesets';

/** The part of browser.declarativeNetRequest that handles the package's static rulesets. */
export interface StaticDnrApi {
  getEnabledRulesets(): Promise<string[]>;
  updateEnabledRulesets(options: Browser.declarativeNetRequest.UpdateRulesetOptions): Promise<void>;
  updateStaticRules(options: Browser.declarativeNetRequest.UpdateStaticRulesOptions): Promise<void>;
}

/** What an update of a bundled list changed against the copy compiled into the package. */
export interface BundledDelta {
  /** Block domains the build's copy lacks: dynamic rules, like a subscription's. */
  added: readonly string[];
  /** Block domains of the build's copy the list dropped (and no other list names): let through. */
  removed: readonly string[];
  /** Subdomains of `removed` the list still names: left out of the allow. */
  keep: readonly string[];
  /** All of the list's allow entries when they differ from the build's copy; null when the same. */
  allow: readonly string[] | null;
  /** Allow entries in the build's copy: its ruleset's allow rules are ids 1.. (static-rulesets.ts). */
  builtAllowCount: number;
}

/** Where the dynamic rules of a switched-off bundled list wait (storage.local). */
export interface ParkedStorage {
  load(): Promise<Record<string, DnrRule[]>>;
  save(parked: Record<string, DnrRule[]>): Promise<void>;
}

/** Dynamic ids of bundled lists' deltas: far above the subscriptions' slots (dnr-rules.ts). */
export const BUNDLED_FIRST_ID = 1_000_000_000;
export const BUNDLED_RANGE = 10_000;

/**
 * Bundled lists' before-load rules at run time. Their build's copy is a static ruleset
 * each (in force from install, nothing to do); this switches a ruleset off and on, and
 * keeps an update's difference from the build's copy as dynamic rules:
 * - added domains: redirects at the lists' priority, like any list's block;
 * - removed domains: an allow at the lists' allow-entry priority, which outranks every
 *   list's block and stays under the user's own blocks; the caller leaves out domains
 *   another list still names (an allow is not tied to one ruleset). Cheaper than
 *   updateStaticRules' disableRuleIds: a static rule holds 10,000 domains, so switching
 *   rules off would mean reinstalling nearly all of them for a 1 % update;
 * - changed allow entries: the build's allow rules are switched off (updateStaticRules:
 *   the lists carry a handful of them) and the list's present ones go in dynamically.
 * A new release of the extension brings new rulesets: `reset` starts the difference from zero.
 */
export class BundledRules {
  private queue: Promise<unknown> = Promise.resolve();
  /** The last failure (a browser limit), for the popup; cleared by the next success. */
  lastError: string | null = null;

  constructor(
    private readonly api: DnrApi & StaticDnrApi,
    /** The bundled lists in the package's order (fixes each list's id range), script-host ones flagged. */
    private readonly lists: readonly { id: string; scripts: boolean }[],
    private readonly parked: ParkedStorage,
    private readonly warningPageUrl: string,
  ) {}

  /** Whether `listId` is a bundled list (its rules are in force from install). */
  has(listId: string): boolean {
    return this.lists.some((l) => l.id === listId);
  }

  /** Makes the browser's enabled rulesets match the user's choice (at each start: a release re-enables all). */
  syncEnabled(off: readonly string[]): Promise<void> {
    return this.serial(async () => {
      const enabled = new Set(await this.api.getEnabledRulesets());
      const ids = this.lists.map((l) => l.id);
      const enableRulesetIds = ids.filter((id) => !off.includes(id) && !enabled.has(id));
      const disableRulesetIds = ids.filter((id) => off.includes(id) && enabled.has(id));
      if (enableRulesetIds.length + disableRulesetIds.length === 0) return;
      await this.api.updateEnabledRulesets({ enableRulesetIds, disableRulesetIds });
    });
  }

  /** Switches a bundled list's before-load rules off (its ruleset and its update's rules) or on again. */
  setEnabled(listId: string, on: boolean): Promise<void> {
    return this.serial(async () => {
      const parked = await this.parked.load();
      if (on) {
        await this.api.updateEnabledRulesets({ enableRulesetIds: [listId] });
        const rules = parked[listId];
        if (rules) {
          await this.install(listId, rules);
          delete parked[listId];
          await this.parked.save(parked);
        }
        return;
      }
      await this.api.updateEnabledRulesets({ disableRulesetIds: [listId] });
      if (listId in parked) return;
      const rules = await this.api.getDynamicRules({ ruleIds: this.idRange(listId) });
      parked[listId] = rules;
      await this.parked.save(parked);
      await this.api.updateDynamicRules({ removeRuleIds: rules.map((r) => r.id) });
    });
  }

  /** Puts an update's difference from the build's copy in force (or parks it while the list is off). */
  applyDelta(listId: string, delta: BundledDelta): Promise<void> {
    return this.serial(async () => {
      try {
        await this.putDelta(listId, delta);
        this.lastError = null;
      } catch (error) {
        this.lastError = error instanceof Error ? error.message : String(error);
        throw error;
      }
    });
  }

  private async putDelta(listId: string, delta: BundledDelta): Promise<void> {
    const rules = this.deltaRules(listId, delta);
    if (delta.builtAllowCount > 0) {
      const ids = staticAllowRuleIds(delta.builtAllowCount);
      await this.api.updateStaticRules(
        delta.allow ? { rulesetId: listId, disableRuleIds: ids } : { rulesetId: listId, enableRuleIds: ids },
      );
    }
    const parked = await this.parked.load();
    if (listId in parked) {
      parked[listId] = rules;
      await this.parked.save(parked);
      return;
    }
    await this.install(listId, rules);
  }

  /** A new release: its static rulesets are the new build's copies, so no difference is left. */
  reset(): Promise<void> {
    return this.serial(async () => {
      const ids = this.lists.flatMap((l) => this.idRange(l.id));
      const present = (await this.api.getDynamicRules({ ruleIds: ids })).map((r) => r.id);
      if (present.length) await this.api.updateDynamicRules({ removeRuleIds: present });
      await this.parked.save({});
    });
  }

  private deltaRules(listId: string, delta: BundledDelta): DnrRule[] {
    const scripts = this.lists.find((l) => l.id === listId)?.scripts ?? false;
    const rules: DnrRule[] = [];
    let id = this.idRange(listId)[0] as number;
    for (const domains of chunks(delta.allow ?? [])) rules.push(allowRule(id++, domains, PRIORITY.listAllow));
    for (const domains of chunks(delta.removed)) rules.push(unlistedRule(id++, domains, [...delta.keep], scripts));
    for (const domains of chunks(delta.added)) {
      rules.push(redirectRule(id++, domains, this.warningPageUrl, PRIORITY.listBlock));
      if (scripts) rules.push(scriptBlockRule(id++, domains));
    }
    if (id > (this.idRange(listId).at(-1) as number) + 1)
      throw new Error(`Update of ${listId} too large for its rules`);
    return rules;
  }

  /**
   * Replaces the list's dynamic rules with `rules`, one rule a call with a turn of the
   * event loop between (each call converts its domains on the background's thread).
   */
  private async install(listId: string, rules: readonly DnrRule[]): Promise<void> {
    const old = new Set((await this.api.getDynamicRules({ ruleIds: this.idRange(listId) })).map((r) => r.id));
    const unused = [...old].filter((id) => !rules.some((r) => r.id === id));
    if (rules.length === 0) {
      if (unused.length) await this.api.updateDynamicRules({ removeRuleIds: unused });
      return;
    }
    for (const [i, rule] of rules.entries()) {
      const replaced = old.has(rule.id) ? [rule.id] : [];
      await this.api.updateDynamicRules({
        removeRuleIds: i === 0 ? [...unused, ...replaced] : replaced,
        addRules: [rule],
      });
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }

  private idRange(listId: string): number[] {
    const index = this.lists.findIndex((l) => l.id === listId);
    if (index < 0) throw new Error(`Not a bundled list: ${listId}`);
    const first = BUNDLED_FIRST_ID + index * BUNDLED_RANGE;
    return Array.from({ length: BUNDLED_RANGE }, (_, i) => first + i);
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

function* chunks(domains: readonly string[]): Generator<string[]> {
  for (let i = 0; i < domains.length; i += DOMAINS_PER_RULE) yield domains.slice(i, i + DOMAINS_PER_RULE);
}
