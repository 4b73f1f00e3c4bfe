import type { ListStore } from '../store/list-store';
import type { RuleArrays } from '../match/rule-arrays';
import type { ListMeta } from '../model/list-meta';
import { FeedError, ShrinkError } from './feed-error';
import { DEFAULT_LIMITS, type FetchLimits } from './fetch-feed';
import { fetchFromSources } from './fetch-source';
import { importListText, type ImportContext } from './import-list';
import type { SourceSpec } from './registry-types';
import { nextUpdateAfterFailure, nextUpdateAfterSuccess, UPDATE_INTERVAL_MS } from './schedule';
import type { ListUpdateResult, UpdateProgress, UpdateSummary } from '../model/status';

/** Where a list is fetched from and how often: from the source registry for default lists. */
export interface FetchPlan {
  sources: readonly SourceSpec[];
  refreshMs: number;
  /** Recent additions only: it empties itself by design, so no shrink guard. */
  rolling?: boolean;
}

export interface UpdateSelection {
  ids?: readonly string[];
  /** Only lists whose time (or back-off) has come. */
  dueOnly?: boolean;
  /** The user accepted a list that shrank by more than 90 %. */
  allowShrink?: boolean;
  /** Download whole (no validators) and hand the rules to the before-load layer even if unchanged. */
  refreshPreload?: boolean;
}

export interface UpdaterOptions {
  store: ListStore;
  /** Called after any list changed, so the background rebuilds what it matches against. */
  onListsChanged: () => Promise<void>;
  /** The rules of a list now in force, so an update can store only what changed. */
  currentRules?: (id: string) => RuleArrays | undefined;
  onParsed?: ImportContext['onParsed'];
  rulesPending?: boolean;
  /** The registry's plan for a list; missing (a subscription): its own URL, the default interval. */
  planFor?: (meta: ListMeta) => FetchPlan | undefined;
  fetchImpl?: typeof fetch;
  limits?: FetchLimits;
  now?: () => number;
}

/**
 * Fetches and imports lists one at a time. A second "Update now" while one runs joins
 * the running update instead of starting a parallel one that could race on the same list.
 */
export class Updater {
  progress: UpdateProgress | null = null;
  lastSummary: UpdateSummary | null = null;
  private running: Promise<UpdateSummary> | null = null;

  constructor(private readonly options: UpdaterOptions) {}

  /** Updates the given lists (all when omitted), or only those due when `dueOnly`. */
  update(select: UpdateSelection = {}): Promise<UpdateSummary> {
    if (this.running) return this.running;
    this.running = this.run(select).finally(() => {
      this.running = null;
      this.progress = null;
    });
    return this.running;
  }

  private async run(select: UpdateSelection): Promise<UpdateSummary> {
    const now = this.now();
    const metas = (await this.options.store.allMeta()).filter(
      (m) => (!select.ids || select.ids.includes(m.id)) && (!select.dueOnly || m.nextUpdate <= now),
    );
    this.progress = { done: 0, total: metas.length, current: null, currentShare: 0 };
    const results: ListUpdateResult[] = [];
    let changed = false;
    for (const meta of metas) {
      this.progress = { ...this.progress, current: meta.name, currentShare: 0 };
      const result = await this.updateOne(meta, select);
      if (result.outcome === 'updated') changed = true;
      results.push(result);
      this.progress = { ...this.progress, done: this.progress.done + 1 };
    }
    if (changed) await this.options.onListsChanged();
    const summary = { finishedAt: this.now(), results };
    this.lastSummary = summary;
    return summary;
  }

  private async updateOne(meta: ListMeta, select: UpdateSelection): Promise<ListUpdateResult> {
    const { store } = this.options;
    const started = this.now();
    const base = { id: meta.id, name: meta.name };
    const plan = this.options.planFor?.(meta) ?? { sources: [{ url: meta.url }], refreshMs: UPDATE_INTERVAL_MS };
    try {
      // Without rules in force a 304 would leave the list empty: ask for the whole body.
      const whole = meta.activeVersion === null || select.refreshPreload;
      const feed = await fetchFromSources(
        plan.sources,
        whole
          ? { etag: null, lastModified: null, servedBy: null }
          : { etag: meta.etag, lastModified: meta.lastModified, servedBy: meta.servedBy ?? meta.url },
        this.options.limits ?? DEFAULT_LIMITS,
        this.options.fetchImpl,
      );
      if (feed.status === 'not-modified') {
        const next = await store.patchMeta(meta.id, {
          lastAttempt: started,
          lastSuccess: started,
          lastError: null,
          failures: 0,
          servedBy: feed.servedBy,
          failingSince: null,
          nextUpdate: nextUpdateAfterSuccess(started, plan.refreshMs),
        });
        return { ...base, outcome: 'unchanged', entryCount: next?.entryCount ?? meta.entryCount };
      }
      const next = await importListText(
        {
          store,
          currentRules: this.options.currentRules,
          onParsed: this.options.onParsed,
          rulesPending: this.options.rulesPending,
          now: started,
          allowShrink: select.allowShrink === true || plan.rolling === true,
          preloadUnchanged: select.refreshPreload === true,
          refreshMs: plan.refreshMs,
          metaPatch: { servedBy: feed.servedBy, failingSince: null },
          onProgress: (share) => {
            if (this.progress) this.progress = { ...this.progress, currentShare: share };
          },
        },
        meta,
        feed.text,
        feed.validators,
      );
      const unchanged = next.lastImport?.mode === 'unchanged';
      return {
        ...base,
        outcome: unchanged ? 'unchanged' : 'updated',
        entryCount: next.entryCount,
        import: next.lastImport,
      };
    } catch (error) {
      const message = error instanceof FeedError || error instanceof Error ? error.message : String(error);
      const failures = meta.failures + 1;
      const shrunk = error instanceof ShrinkError;
      await store
        .patchMeta(meta.id, {
          lastAttempt: started,
          lastError: message,
          // Held back is not a failure of the server: the user is asked instead.
          heldBack: shrunk ? { entryCount: error.after } : null,
          failingSince: shrunk ? (meta.failingSince ?? null) : (meta.failingSince ?? started),
          failures,
          nextUpdate: nextUpdateAfterFailure(started, failures, plan.refreshMs),
        })
        .catch(() => undefined);
      return { ...base, outcome: 'failed', error: message, entryCount: meta.entryCount };
    }
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}
