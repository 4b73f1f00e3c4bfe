import { Matcher } from '../match/matcher';
import type { ListIndex } from '../match/types';
import type { RuleRef, Verdict } from '../model/verdict';
import { parseList, parseListAsync } from '../lists';
import type { ParsedList } from '../lists/types';
import type { ListOrigin, ListSummary, RedirectWarningPush, StatusSnapshot } from '../model/protocol';
import { ListStore } from '../store/list-store';
import { newListMeta } from '../update/new-list-meta';
import type { Db } from '../store/open-db';
import type { ListMeta, UserSettings } from '../model/list-meta';
import type { RulesVersion } from '../store/rules-version';
import type { PreloadState } from '../blocking/dnr-sync';
import { PACKAGED_REGISTRY, type DefaultList } from '../update/default-lists';
import { RegistryKeeper, type RegistryPersistence } from '../update/registry-keeper';
import { registryUrl } from '../update/registry-url';
import { UPDATE_INTERVAL_MS } from '../update/schedule';
import { firstUrl, type Registry } from '../update/registry-types';
import type { BundledRules } from '../blocking/bundled-rules';
import { bundledDelta } from '../blocking/bundled-delta';
import { checkFeedUrl } from '../update/feed-url';
import { importListText, rulesOf } from '../update/import-list';
import { Updater } from '../update/updater';
import type { UpdateSummary } from '../model/status';
import { hash53 } from '../match/hash';
import { ruleBytes, ruleCount } from '../match/rule-arrays';
import type { BypassStore } from './bypass';
import { Diagnostics } from './diagnostics';
import type { DiagnosticsSnapshot } from '../model/status';
import { siteFromInput } from './site-input';
import { lookalikeVerdict } from './lookalike-verdict';
import { RecentVerdicts } from './recent-verdicts';
import {
  heuristicReason,
  PENDING_REDIRECT_MS,
  pendingRedirect,
  PendingRedirects,
  type PendingRedirect,
  sameSiteHosts,
  type ReportedFinding,
} from './heuristic-findings';
import { sameSite } from '../heuristics/site';

/**
 * The layer that stops a listed site before it loads. Chrome: the bundled lists' static
 * rulesets (compiled at build time) and dynamic rules for subscriptions and for what an
 * update of a bundled list changed (src/blocking). Firefox decides each request from the
 * matcher itself (webRequest), so it needs no such layer.
 */
export interface PreloadLayer {
  /** The bundled lists' static rulesets and their updates' differences. */
  readonly bundled: Pick<BundledRules, 'has' | 'syncEnabled' | 'setEnabled' | 'applyDelta' | 'reset'>;
  /** A subscription's rules. `version`: which version of the list this is, and what it adds to the one before. */
  replaceList(
    listId: string,
    block: readonly string[],
    allow: readonly string[],
    version?: RulesVersion,
  ): Promise<void>;
  removeList(listId: string): Promise<void>;
  setUserRules(blocked: readonly string[], trusted: readonly string[]): Promise<void>;
  allowOnce(tabId: number, host: string): Promise<unknown>;
  /** Lets a tab through to a host whose before-load rule outlived its listing. */
  passThrough(tabId: number, host: string): Promise<void>;
  clearBypasses(tabId?: number): Promise<void>;
  /** Whether a list's rules are in force in the browser now. */
  covers(listId: string): boolean;
  /** Resolves once the list's install (asked for already) is noted where the next start looks. */
  noted(listId: string): Promise<void>;
  /**
   * Of the lists in force, those an earlier life of the worker did not finish installing;
   * `pending`: lists saved with rulesPending still set (their install may never have been noted).
   */
  installsToRedo(inForce: readonly string[], pending: readonly string[]): Promise<string[]>;
  /** Lists with rules in the browser that are not among `known` (removed before their rules were). */
  orphans(known: readonly string[]): Promise<string[]>;
  readonly state: PreloadState;
}

export interface ServiceDeps {
  openDb: () => Promise<Db>;
  /** Reads a file shipped in the package (a bundled list). */
  readBundled: (path: string) => Promise<string>;
  bypass: BypassStore;
  fetchImpl?: typeof fetch;
  now?: () => number;
  /** Fixed default lists (tests); missing: those of the source registry in force. */
  defaultLists?: readonly DefaultList[];
  /** The source registry shipped in the package (tests give a small one). */
  packagedRegistry?: Registry;
  /** Where a refreshed source registry is kept between starts. */
  registryPersistence?: RegistryPersistence;
  /** A local registry address set for tests (see registry-url.ts); missing: the project's own. */
  registryUrlOverride?: () => Promise<unknown>;
  userListName?: string;
  preload?: PreloadLayer;
  /** Tells a tab's top-frame content script (the background's tabs.sendMessage). */
  pushToTab?: (tabId: number, message: RedirectWarningPush) => Promise<unknown>;
}

export class UserError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

const EMPTY_SETTINGS: UserSettings = { blockedSites: [], trustedSites: [], warningsShown: 0 };

/**
 * Everything the background knows and decides. Built once per background start; every
 * public method waits for `ready`, so the first page after a service-worker restart is
 * checked against the complete lists, never a half-loaded state.
 */
export class SentryService {
  readonly ready: Promise<void>;
  private store: ListStore | null = null;
  private updater: Updater | null = null;
  private matcher: Matcher;
  private settings: UserSettings = EMPTY_SETTINGS;
  private lists: ListIndex[] = [];
  private storageError: string | null = null;
  private readonly diagnostics = new Diagnostics();
  private readonly recent = new RecentVerdicts();
  /** Cloaking redirects waiting for the page their tab lands on (see PendingRedirects). */
  private readonly redirects: PendingRedirects;
  /** The last page each tab asked about, and whether the lists found it clean (see landedAlready). */
  private readonly lastPage = new Map<number, { host: string; at: number; clean: boolean }>();

  private isReady = false;
  /** The source registry in force: where each default list comes from and how often. */
  private readonly registry: RegistryKeeper;
  private registryLists: readonly DefaultList[];

  constructor(private readonly deps: ServiceDeps) {
    this.registry = new RegistryKeeper(deps.packagedRegistry ?? PACKAGED_REGISTRY, {
      persistence: deps.registryPersistence,
      url: async () => registryUrl(await deps.registryUrlOverride?.().catch(() => undefined)),
      fetchImpl: deps.fetchImpl,
      now: deps.now,
    });
    this.registryLists = this.registry.defaultLists();
    this.redirects = new PendingRedirects(() => this.now);
    this.matcher = this.buildMatcher();
    this.ready = this.start().finally(() => {
      this.diagnostics.readyMs = performance.now() - this.diagnostics.startedAt;
      this.isReady = true;
    });
  }

  private get now(): number {
    return (this.deps.now ?? Date.now)();
  }

  private get defaults(): readonly DefaultList[] {
    return this.deps.defaultLists ?? this.registryLists;
  }

  private async start(): Promise<void> {
    // A saved registry that no longer passes its checks is ignored: the package's own stays.
    await this.registry.load().catch(() => undefined);
    this.registryLists = this.registry.defaultLists();
    let db: Db;
    const openStart = performance.now();
    try {
      db = await this.deps.openDb();
      this.diagnostics.openDbMs = performance.now() - openStart;
    } catch (error) {
      // Private modes can refuse IndexedDB: protect from the bundled lists, held in memory.
      this.storageError = error instanceof Error ? error.message : String(error);
      await this.loadBundledIntoMemory();
      return;
    }
    const store = new ListStore(db);
    this.store = store;
    this.updater = new Updater({
      store,
      onListsChanged: () => this.reload(),
      currentRules: (id) => this.lists.find((l) => l.id === id),
      // The before-load rules follow in the background: an import is done, and its list in
      // force for the matcher and the content script, without waiting for them.
      onParsed: async (id, parsed, version) => void this.preloadList(id, parsed, version),
      rulesPending: this.deps.preload !== undefined,
      planFor: (meta) => {
        const def = meta.source === 'bundled' ? this.defaults.find((d) => d.id === meta.id) : undefined;
        if (!def) return undefined;
        return {
          sources: def.sources ?? [{ url: def.url }],
          refreshMs: def.refreshMs ?? UPDATE_INTERVAL_MS,
          rolling: def.rolling === true,
        };
      },
      fetchImpl: this.deps.fetchImpl,
      now: this.deps.now,
    });
    await store.removeOrphans();
    await this.installDefaults(store);
    const loadStart = performance.now();
    await this.reload();
    this.diagnostics.loadMs = performance.now() - loadStart;
    // In the background: protection (the matcher, the content script) is already on.
    void this.resumePreload(store).catch((error: unknown) =>
      console.error('Fraud Sentry: the before-load rules could not be resumed', error),
    );
  }

  /**
   * Bundled lists' rulesets as the user left them (a new release enables all of them).
   * Dynamic rules whose install an earlier life of the worker began but never finished, or
   * never began (the browser closed, the worker was stopped), are partial or missing: a
   * full download installs them again; rules of a list removed meanwhile go (so do those
   * an older release installed for the bundled lists, now static rulesets).
   */
  private async resumePreload(store: ListStore): Promise<void> {
    const { preload } = this.deps;
    if (!preload) return;
    const all = await store.allMeta();
    await preload.bundled.syncEnabled(
      all.filter((m) => m.source === 'bundled' && m.enabled === false).map((m) => m.id),
    );
    // Lists whose rules are dynamic: subscriptions, and default lists with no copy in the
    // package (no static ruleset: the rolling lists of recent additions).
    const dynamic = all.filter((m) => !preload.bundled.has(m.id));
    for (const id of await preload.orphans(dynamic.map((m) => m.id))) {
      void preload.removeList(id).catch(() => undefined);
    }
    const inForce = dynamic.filter((m) => m.activeVersion !== null).map((m) => m.id);
    const pending = all.filter((m) => m.activeVersion !== null && m.rulesPending).map((m) => m.id);
    const ids = await preload.installsToRedo(inForce, pending);
    if (ids.length > 0) await this.updater?.update({ ids, refreshPreload: true });
  }

  /**
   * A new release of the extension is installed: its static rulesets are the new build's
   * copies of the bundled lists, so each list goes back to that copy (the next update
   * downloads it whole and installs the difference from there).
   */
  async newRelease(): Promise<void> {
    await this.ready;
    const { store } = this;
    if (!store) return;
    await this.deps.preload?.bundled.reset();
    for (const def of this.defaults) {
      if (!def.bundledPath) continue;
      const meta = await store.getMeta(def.id);
      if (!meta) continue;
      try {
        const text = await this.deps.readBundled(def.bundledPath);
        await importListText(
          {
            store,
            now: this.now,
            refreshMs: def.refreshMs,
            currentRules: (id) => this.lists.find((l) => l.id === id),
            allowShrink: true,
          },
          meta,
          text,
          {
            etag: null,
            lastModified: null,
          },
        );
        // Due at once: the copy may be older than what was in force.
        await store.patchMeta(def.id, { nextUpdate: this.now });
      } catch (error) {
        await store.patchMeta(def.id, { lastError: error instanceof Error ? error.message : String(error) });
      }
    }
    await this.reload();
  }

  /** First run (or a new default list in an update): import the copy shipped in the package. */
  private async installDefaults(store: ListStore): Promise<void> {
    const known = new Map((await store.allMeta()).map((m) => [m.id, m]));
    for (const def of this.defaults) {
      let meta = known.get(def.id);
      if (!meta) {
        meta = newListMeta(
          { id: def.id, name: def.name, category: def.category, source: 'bundled', url: def.url },
          this.now,
          // A list with no copy in the package is due at once (the alarm fetches it).
          def.bundledPath ? def.refreshMs : 0,
        );
        await store.putMeta(meta);
      } else if (meta.url !== def.url || meta.name !== def.name) {
        // The registry moved or renamed the list: show where it is fetched from now.
        meta = (await store.patchMeta(def.id, { url: def.url, name: def.name })) ?? meta;
      }
      if (meta.activeVersion !== null || !def.bundledPath) continue;
      try {
        const text = await this.deps.readBundled(def.bundledPath);
        // The bundled copy's before-load rules are the package's static ruleset: nothing to install.
        await importListText({ store, now: this.now, refreshMs: def.refreshMs }, meta, text, {
          etag: null,
          lastModified: null,
        });
      } catch (error) {
        await store.patchMeta(def.id, { lastError: error instanceof Error ? error.message : String(error) });
      }
    }
  }

  private async loadBundledIntoMemory(): Promise<void> {
    const lists: ListIndex[] = [];
    for (const def of this.defaults) {
      if (!def.bundledPath) continue;
      try {
        const rules = rulesOf(parseList(await this.deps.readBundled(def.bundledPath)));
        lists.push({ id: def.id, name: def.name, category: def.category, ...rules });
      } catch {
        // One bad bundled file must not take the others down.
      }
    }
    this.lists = lists;
    this.matcher = this.buildMatcher();
  }

  /** Re-reads what is in force and swaps the matcher in one step. */
  private async reload(): Promise<void> {
    if (!this.store) return;
    const [lists, settings] = await Promise.all([this.store.loadIndexes(), this.store.settings()]);
    this.lists = lists;
    this.settings = settings;
    this.matcher = this.buildMatcher();
  }

  /** Hands a freshly imported list's domains to the before-load layer; its failures never undo the import. */
  // Not async: an async function would keep `parsed` (a million strings) alive for as long
  // as the install runs; the layer packs what it needs within a few hundred ms.
  private preloadList(id: string, parsed: ParsedList, version: RulesVersion): Promise<void> {
    const { preload } = this.deps;
    if (!preload) return Promise.resolve();
    // Read now, before any newer version of the list can be saved (see settleRulesPending).
    const seen = this.store?.getMeta(id);
    const def = this.defaults.find((d) => d.id === id);
    if (def?.bundledPath) {
      // Settled once the difference is in: a close before then redoes it at the next start.
      return this.preloadBundled(def.id, def.bundledPath, parsed)
        .then(() => seen)
        .then((meta) => (meta ? this.store?.settleRulesPending(id, meta) : undefined))
        .catch(() => undefined);
    }
    const install = preload.replaceList(id, parsed.blockDomains, parsed.allowDomains, version);
    // The version was saved with rulesPending; once the layer has noted the install, the
    // layer's note carries it and the flag can go.
    void Promise.all([seen, preload.noted(id)])
      .then(([meta]) => (meta ? this.store?.settleRulesPending(id, meta) : undefined))
      .catch(() => undefined);
    return install.catch(() => undefined);
  }

  /** A bundled list's update: only its difference from the package's copy goes in. */
  private async preloadBundled(id: string, bundledPath: string, parsed: ParsedList): Promise<void> {
    const built = await parseListAsync(await this.deps.readBundled(bundledPath));
    const others = new Matcher(
      this.lists.filter((l) => l.id !== id),
      EMPTY_SETTINGS,
    );
    const delta = bundledDelta(built, parsed, (d) => others.check(`http://${d}/`).kind === 'blocked');
    await this.deps.preload?.bundled.applyDelta(id, delta);
  }

  private buildMatcher(): Matcher {
    return new Matcher(this.lists, this.settings, this.deps.userListName);
  }

  /**
   * The verdict for the page in `tabId`'s frame at `url`. `movedTo`: the address the page
   * reports for itself after history.pushState, already checked to be on `url`'s origin;
   * it can only add a warning, never lift one. One verdict, one timing, at most one
   * warning counted, whichever of the two addresses it is for.
   */
  async verdictForPage(url: string, tabId: number, movedTo: string | null = null): Promise<Verdict> {
    const asked = performance.now();
    await this.ready;
    const lookupStart = performance.now();
    let verdict = this.check(url);
    if (verdict.kind !== 'blocked' && movedTo !== null && movedTo !== url) {
      const moved = this.check(movedTo);
      if (moved.kind === 'blocked') verdict = moved;
    }
    this.diagnostics.verdict(performance.now() - lookupStart, lookupStart - asked);
    this.lastPage.set(tabId, { host: verdict.host, at: this.now, clean: verdict.kind === 'clean' });
    if (verdict.kind === 'clean') return this.redirectedHere(verdict, tabId);
    if (verdict.kind === 'blocked') {
      if (await this.deps.bypass.isAllowed(tabId, verdict.host)) {
        return { kind: 'allowed', host: verdict.host, by: 'bypass', reason: verdict.reason };
      }
      this.countWarning(verdict.reason);
    }
    return verdict;
  }

  /**
   * A page no list names, which a cloaking redirect in the same tab may just have led to:
   * warned about where it came from. A trusted landing site never gets here (its verdict is
   * 'allowed'); "Continue anyway" here silences it like any heuristic warning.
   */
  private async redirectedHere(verdict: Verdict & { kind: 'clean' }, tabId: number): Promise<Verdict> {
    const pending = await this.redirects.take(tabId, verdict.host, sameSite);
    if (pending === null || (await this.deps.bypass.isAllowed(tabId, verdict.host))) return verdict;
    this.countWarning(pending.reason);
    return { kind: 'blocked', host: verdict.host, reason: pending.reason };
  }

  /**
   * The content script of `url` (top frame of `tabId`) saw a script send the visitor elsewhere
   * right after reading the referrer. Stored at once (before any await), so that the landing
   * page's own question, which may follow within milliseconds, finds it.
   */
  noteRedirect(url: string, tabId: number, findings: unknown, targets: unknown): Promise<{ noted: boolean }> {
    const decided = (async () => {
      await this.ready;
      const source = this.matcher.check(url);
      // Trusted (or allow-listed) sources are silent; a listed one was warned about already.
      if (source.kind !== 'clean' || (await this.deps.bypass.isAllowed(tabId, source.host))) return null;
      return pendingRedirect(url, source.host, findings, targets, sameSite);
    })();
    this.redirects.set(tabId, decided);
    return (async () => {
      const pending = await decided;
      if (pending !== null) await this.landedAlready(tabId, pending).catch(() => undefined);
      return { noted: pending !== null };
    })();
  }

  /**
   * The report and the landing page's question come from two processes, in no guaranteed
   * order. When the landing page has already asked (the tab's last page is on another site
   * than the source, asked about after the source's own question, which that page made when
   * it loaded), it is told now instead.
   */
  private async landedAlready(tabId: number, pending: PendingRedirect): Promise<void> {
    const last = this.lastPage.get(tabId);
    if (last === undefined || !last.clean || this.now - last.at > PENDING_REDIRECT_MS) return;
    if (last.host === '' || sameSite(last.host, pending.sourceHost)) return;
    if (!this.redirects.forgetIf(tabId, pending)) return;
    if (await this.deps.bypass.isAllowed(tabId, last.host)) return;
    this.countWarning(pending.reason);
    const verdict: Verdict = { kind: 'blocked', host: last.host, reason: pending.reason };
    await this.deps.pushToTab?.(tabId, { type: 'redirect.landed', verdict }).catch(() => undefined);
  }

  /** `page.sameSite`: answered with the public-suffix list, which content scripts do not carry. */
  sameSiteAs(url: string, hosts: unknown): { same: string[] } {
    let host = '';
    try {
      host = new URL(url).hostname.toLowerCase();
    } catch {
      /* not a URL: nothing is the same site */
    }
    return { same: sameSiteHosts(host, hosts, sameSite) };
  }

  /** The user left the warned page ("Go back"): a pending redirect must not follow them. */
  forgetRedirect(tabId: number): void {
    this.redirects.forget(tabId);
  }

  /** "Continue anyway": decided for the page the browser says the tab shows. */
  /**
   * "Continue anyway" for `url` in `tabId`. Returns the URL to go on to, or null when the
   * URL is not one this extension blocks (so a crafted request can never open anything
   * else, such as a javascript: or data: URL).
   */
  async proceed(url: string, tabId: number, always: boolean, requireBlocked = false): Promise<string | null> {
    await this.ready;
    const verdict = this.check(url);
    if (verdict.kind === 'ignored' || (requireBlocked && verdict.kind !== 'blocked')) return null;
    // A clean verdict here is a detector's warning (a script, a heuristic): the user's
    // choice applies to the page's own host all the same.
    if (verdict.kind !== 'blocked') {
      await this.allowHost(verdict.host, tabId, always);
      return new URL(url).href;
    }
    await this.allowHost(verdict.host, tabId, always);
    return new URL(url).href;
  }

  private async allowHost(host: string, tabId: number, always: boolean): Promise<void> {
    if (always) {
      await this.changeSettings((s) => ({ ...s, trustedSites: addUnique(s.trustedSites, host) }));
    } else {
      await this.deps.bypass.allow(tabId, host);
      await this.deps.preload?.allowOnce(tabId, host).catch(() => undefined);
    }
  }

  /**
   * The lists' verdict, then, for a site no list knows, the lookalike detector's; for a
   * host judged recently against the same matcher, the verdict it had then (see RecentVerdicts).
   */
  private check(url: string): Verdict {
    return this.recent.verdict(this.matcher, url, this.judge);
  }

  private readonly judge = (url: URL, seen: { pathMatters: boolean }): Verdict => {
    const verdict = this.matcher.checkUrl(url, seen);
    return verdict.kind === 'clean' ? (lookalikeVerdict(verdict.host, url, seen) ?? verdict) : verdict;
  };

  /**
   * A content script found signs of a scam or hacked page. The findings come from the
   * extension's own content script; trusted sites and "this time only" silence them.
   */
  async heuristicVerdict(url: string, tabId: number, findings: ReportedFinding[]): Promise<Verdict> {
    await this.ready;
    const verdict = this.matcher.check(url);
    if (verdict.kind !== 'clean') return verdict;
    const reason = heuristicReason(findings);
    if (!reason || (await this.deps.bypass.isAllowed(tabId, verdict.host))) return verdict;
    this.countWarning(reason);
    return { kind: 'blocked', host: verdict.host, reason };
  }

  /**
   * A script the page in `tabId` requested (seen by the background's webRequest
   * listener, which no page can hide from). Null unless a list names it.
   */
  async scriptVerdict(
    scriptUrl: string,
    pageUrl: string | undefined,
    stopsEveryListedScript: boolean,
  ): Promise<Verdict | null> {
    await this.ready;
    return this.judgeScript(scriptUrl, pageUrl, stopsEveryListedScript);
  }

  /**
   * scriptVerdict without waiting, once the lists are loaded; undefined before. Firefox's
   * blocking listener holds each script request of a page until it answers, and a Promise
   * costs a turn of the event loop even when the answer is known.
   */
  scriptVerdictNow(
    scriptUrl: string,
    pageUrl: string | undefined,
    stopsEveryListedScript: boolean,
  ): Verdict | null | undefined {
    return this.isReady ? this.judgeScript(scriptUrl, pageUrl, stopsEveryListedScript) : undefined;
  }

  private judgeScript(scriptUrl: string, pageUrl: string | undefined, stopsEveryListedScript: boolean): Verdict | null {
    const verdict = this.matcher.check(scriptUrl);
    if (verdict.kind !== 'blocked') return null;
    const page = pageUrl ? this.matcher.check(pageUrl) : null;
    if (page?.kind === 'allowed') return null;
    // Chrome stops a script before it loads only through a script-host list's rules in force.
    const stopped =
      stopsEveryListedScript ||
      (verdict.reason.category === 'script' && (this.deps.preload?.covers(verdict.reason.listId) ?? false));
    const reason = { ...verdict.reason, ruleType: 'script' as const, script: { url: scriptUrl, stopped } };
    return { kind: 'blocked', host: page?.host || verdict.host, reason };
  }

  /**
   * For the warning page: its URL comes from the page's address (which any site can
   * craft, the page being reachable from the web), so it is only ever checked, never trusted.
   * Not blocked, the page goes on to the site; Chrome's rule that sent the tab here may
   * have outlived the listing (a delta removed the site), so the tab is let through to
   * exactly that host first, or it would come straight back.
   */
  async verdictForWarningPage(url: string, tabId: number | null): Promise<Verdict> {
    await this.ready;
    const verdict = this.check(url);
    if (verdict.kind === 'blocked') {
      this.countWarning(verdict.reason);
    } else if (tabId !== null && verdict.host) {
      await this.deps.preload?.passThrough(tabId, verdict.host).catch(() => undefined);
    }
    return verdict;
  }

  /**
   * Firefox's before-load check of a navigation (webRequest, blocking). Answers at once
   * once the lists are loaded, so ordinary page loads never wait on a promise; only the
   * first navigations after a start wait for the lists.
   */
  redirectBeforeLoad(
    url: string,
    tabId: number,
    warningPageUrl: string,
  ): { redirectUrl?: string } | Promise<{ redirectUrl?: string }> {
    if (this.isReady) {
      const verdict = this.check(url);
      if (verdict.kind !== 'blocked') return {};
      const bypassed = this.deps.bypass.isAllowedNow(tabId, verdict.host);
      if (bypassed !== undefined) return bypassed ? {} : { redirectUrl: `${warningPageUrl}#${url}` };
    }
    return this.ready.then(async () => {
      const verdict = this.check(url);
      if (verdict.kind !== 'blocked' || (await this.deps.bypass.isAllowed(tabId, verdict.host))) return {};
      return { redirectUrl: `${warningPageUrl}#${url}` };
    });
  }

  async status(): Promise<StatusSnapshot> {
    await this.ready;
    const metas = this.store ? await this.store.allMeta() : [];
    const order = new Map(this.defaults.map((d, i) => [d.id, i]));
    metas.sort((a, b) => (order.get(a.id) ?? 1e6) - (order.get(b.id) ?? 1e6) || a.addedAt - b.addedAt);
    return {
      protectionOn: this.matcher.entryCount > 0,
      storage: this.store ? 'indexeddb' : 'memory',
      storageError: this.storageError,
      entriesInForce: this.matcher.entryCount,
      warningsShown: this.settings.warningsShown,
      warningsByList: Object.entries(this.settings.warningsByList ?? {})
        .map(([id, { name, count }]) => ({ id, name, count }))
        .sort((a, b) => b.count - a.count),
      warningsByKind: { ...this.settings.warningsByKind },
      lists: this.store
        ? metas.map((m) => summary(m, this.defaults))
        : this.lists.map((l) => memorySummary(l, this.defaults)),
      registry: this.registry.status(),
      blockedSites: [...this.settings.blockedSites],
      trustedSites: [...this.settings.trustedSites],
      update: this.updater?.progress ?? null,
      lastUpdate: this.updater?.lastSummary ?? null,
      preload: this.deps.preload ? this.preloadState(metas) : null,
    };
  }

  /** The dynamic rules' state, with the domains of the bundled lists' rulesets switched on. */
  private preloadState(metas: readonly ListMeta[]): PreloadState | null {
    const state = this.deps.preload?.state;
    if (!state) return null;
    const builtIn = metas.filter((m) => m.source === 'bundled' && m.enabled !== false);
    return { ...state, domains: state.domains + builtIn.reduce((n, m) => n + m.entryCount, 0) };
  }

  async diagnosticsSnapshot(): Promise<DiagnosticsSnapshot> {
    await this.ready;
    const bytes = this.lists.reduce((n, l) => n + ruleBytes(l), 0);
    const entries = this.lists.reduce((n, l) => n + ruleCount(l), 0);
    return this.diagnostics.snapshot(bytes, entries);
  }

  async updateLists(ids?: string[]): Promise<UpdateSummary> {
    await this.ready;
    const updater = this.requireUpdater();
    await this.refreshRegistry(true);
    return updater.update({ ids });
  }

  /**
   * Looks for a newer source registry ("Update now": always; the alarm: once a day) and,
   * when one is put in force, points the default lists at their new addresses before they
   * are fetched. A registry that fails its checks changes nothing (see RegistryKeeper).
   */
  private async refreshRegistry(force: boolean): Promise<void> {
    if (this.deps.defaultLists || !this.store || (!force && !this.registry.due())) return;
    if (!(await this.registry.refresh())) return;
    this.registryLists = this.registry.defaultLists();
    for (const def of this.registryLists) {
      const meta = await this.store.getMeta(def.id);
      if (meta && (meta.url !== def.url || meta.name !== def.name))
        await this.store.patchMeta(def.id, { url: def.url, name: def.name });
    }
  }

  /** The user accepts a list whose download shrank by more than 90 % (held back until now). */
  async acceptShrunkList(id: string): Promise<UpdateSummary> {
    await this.ready;
    return this.requireUpdater().update({ ids: [id], allowShrink: true });
  }

  /** Called by the alarm: only lists whose time (or back-off) has come. */
  async updateDueLists(): Promise<UpdateSummary | null> {
    await this.ready;
    if (!this.updater) return null;
    await this.refreshRegistry(false).catch(() => undefined);
    return this.updater.update({ dueOnly: true });
  }

  async subscribe(input: string): Promise<{ id: string; summary: UpdateSummary }> {
    await this.ready;
    const store = this.requireStore();
    const checked = checkFeedUrl(input);
    if (!checked.ok)
      throw new UserError(
        checked.error,
        checked.error === 'feedUrlNotHttps' ? 'List URLs must use https' : 'Not a valid URL',
      );
    const all = await store.allMeta();
    if (all.some((m) => m.url === checked.url)) throw new UserError('feedDuplicate', 'Already subscribed to this list');
    const id = `sub-${hash53(checked.url).toString(36)}`;
    const url = new URL(checked.url);
    const name = `${url.host}${url.pathname === '/' ? '' : url.pathname}`;
    await store.putMeta(
      newListMeta({ id, name, category: 'fraud', source: 'subscription', url: checked.url }, this.now),
    );
    const summary = await this.requireUpdater().update({ ids: [id] });
    return { id, summary };
  }

  async removeList(id: string): Promise<StatusSnapshot> {
    await this.ready;
    const store = this.requireStore();
    const meta = await store.getMeta(id);
    if (!meta) throw new UserError('listUnknown', 'No such list');
    if (meta.source !== 'subscription') throw new UserError('listBundled', 'Bundled lists cannot be removed');
    await store.removeList(id);
    await this.deps.preload?.removeList(id).catch(() => undefined);
    await this.reload();
    return this.status();
  }

  /** Switches a bundled list off (no warnings from it, its before-load rules off) or on again. */
  async setListEnabled(id: string, enabled: boolean): Promise<StatusSnapshot> {
    await this.ready;
    const store = this.requireStore();
    const meta = await store.getMeta(id);
    if (!meta) throw new UserError('listUnknown', 'No such list');
    if (meta.source !== 'bundled') throw new UserError('listNotBundled', 'Only bundled lists can be switched off');
    await store.patchMeta(id, { enabled });
    await this.deps.preload?.bundled.setEnabled(id, enabled).catch(() => undefined);
    await this.reload();
    return this.status();
  }

  async blockSite(input: string): Promise<StatusSnapshot> {
    const host = siteFromInput(input);
    if (!host) throw new UserError('siteInvalid', 'Not a site name that can be blocked');
    await this.changeSettings((s) => ({
      ...s,
      blockedSites: addUnique(s.blockedSites, host),
      trustedSites: s.trustedSites.filter((t) => t !== host),
    }));
    return this.status();
  }

  /** "Trust this site" from the popup or the report page: the same as "Always trust" in the warning. */
  async trustSite(input: string): Promise<StatusSnapshot> {
    const host = siteFromInput(input);
    if (!host) throw new UserError('siteInvalid', 'Not a site name that can be trusted');
    await this.changeSettings((s) => ({
      ...s,
      trustedSites: addUnique(s.trustedSites, host),
      blockedSites: s.blockedSites.filter((b) => b !== host),
    }));
    return this.status();
  }

  /**
   * What the popup shows about a tab's page: the verdict the lists give it now, without
   * counting a warning. The URL comes from the browser's tab, never from a message.
   */
  async siteVerdict(url: string): Promise<Verdict> {
    await this.ready;
    return this.check(url);
  }

  async unblockSite(site: string): Promise<StatusSnapshot> {
    await this.changeSettings((s) => ({ ...s, blockedSites: s.blockedSites.filter((b) => b !== site) }));
    return this.status();
  }

  async removeTrusted(site: string): Promise<StatusSnapshot> {
    await this.changeSettings((s) => ({ ...s, trustedSites: s.trustedSites.filter((t) => t !== site) }));
    return this.status();
  }

  async tabClosed(tabId: number): Promise<void> {
    this.redirects.forget(tabId);
    this.lastPage.delete(tabId);
    await this.deps.bypass.forgetTab(tabId);
    await this.deps.preload?.clearBypasses(tabId).catch(() => undefined);
  }

  /**
   * One warning shown: counted in total, by list and by kind, for the settings page's
   * statistics. Not awaited (the page's verdict must not wait for a write); a failed write
   * loses one count, and is logged.
   */
  private countWarning(reason: RuleRef): void {
    void this.changeSettings((s) => countedWarning(s, reason)).catch((error: unknown) =>
      console.warn('Fraud Sentry: the warning could not be counted', error),
    );
  }

  private async changeSettings(change: (s: UserSettings) => UserSettings): Promise<void> {
    await this.ready;
    const store = this.requireStore();
    const before = this.settings;
    this.settings = await store.updateSettings(change);
    this.matcher = this.buildMatcher();
    const sites = (s: UserSettings) => `${s.blockedSites.join()}|${s.trustedSites.join()}`;
    if (sites(before) !== sites(this.settings)) {
      // Not awaited: the browser applies rule changes one at a time and may be busy
      // installing a large list; the click is answered now (the matcher has the change).
      void this.deps.preload
        ?.setUserRules(this.settings.blockedSites, this.settings.trustedSites)
        .catch(() => undefined);
    }
  }

  private requireStore(): ListStore {
    if (!this.store) throw new UserError('storageUnavailable', `Storage is unavailable: ${this.storageError ?? ''}`);
    return this.store;
  }

  private requireUpdater(): Updater {
    if (!this.updater) throw new UserError('storageUnavailable', `Storage is unavailable: ${this.storageError ?? ''}`);
    return this.updater;
  }
}

function summary(m: ListMeta, defaults: readonly DefaultList[]): ListSummary {
  const { id, name, category, source, url, format, entryCount, lastSuccess, lastAttempt, lastError, stats } = m;
  const heldBack = m.heldBack ?? null;
  const enabled = m.enabled !== false;
  return {
    id,
    name,
    category,
    source,
    url,
    format,
    entryCount,
    lastSuccess,
    lastAttempt,
    lastError,
    heldBack,
    stats,
    enabled,
    origin: originOf(
      m,
      defaults.find((d) => d.id === m.id),
    ),
  };
}

function rankOf(servedBy: string | null, def: DefaultList | undefined): number | null {
  if (servedBy === null) return null;
  const index = (def?.sources ?? [{ url: def?.url ?? '' }]).findIndex((s) => firstUrl(s) === servedBy);
  return index < 0 ? null : index + 1;
}

/** Where a list came from and how it is kept fresh, for the popup. */
function originOf(
  m: Pick<ListMeta, 'servedBy' | 'failingSince' | 'nextUpdate'>,
  def: DefaultList | undefined,
): ListOrigin {
  return {
    servedBy: m.servedBy ?? null,
    failingSince: m.failingSince ?? null,
    refreshMs: def?.refreshMs ?? UPDATE_INTERVAL_MS,
    addresses: def?.sources?.length ?? 1,
    servedRank: rankOf(m.servedBy ?? null, def),
    nextUpdate: m.nextUpdate,
    homepage: def?.homepage ?? null,
    packaged: def?.bundledPath !== undefined,
  };
}

function memorySummary(l: ListIndex, defaults: readonly DefaultList[]): ListSummary {
  return {
    id: l.id,
    name: l.name,
    category: l.category,
    source: 'bundled',
    url: defaults.find((d) => d.id === l.id)?.url ?? '',
    format: null,
    entryCount: l.blockDomains.length + l.blockUrls.length,
    lastSuccess: null,
    lastAttempt: null,
    lastError: null,
    heldBack: null,
    stats: null,
    origin: originOf(
      { servedBy: null, failingSince: null, nextUpdate: 0 },
      defaults.find((d) => d.id === l.id),
    ),
    enabled: true,
  };
}

function addUnique(list: readonly string[], item: string): string[] {
  return list.includes(item) ? [...list] : [...list, item];
}

/** The settings after one more warning for `reason`. */
export function countedWarning(s: UserSettings, reason: RuleRef): UserSettings {
  const byList = { ...s.warningsByList };
  byList[reason.listId] = { name: reason.listName, count: (byList[reason.listId]?.count ?? 0) + 1 };
  const byKind = { ...s.warningsByKind };
  byKind[reason.ruleType] = (byKind[reason.ruleType] ?? 0) + 1;
  return { ...s, warningsShown: s.warningsShown + 1, warningsByList: byList, warningsByKind: byKind };
}
