// One benchmark run in one browser: fresh profile, 1M-entry import, an update while a page
// from the old list is opened, a 1 %-changed delta, a cold start, warm verdicts,
// navigation-to-warning, page-load overhead against a browser without the extension, heap
// and storage, and the naive one-record-per-domain store for comparison.
import type { Page } from 'puppeteer-core';
import type { Response } from '../../src/model/protocol';
import type { TestServer } from '../../tests/e2e/support/feed-server.ts';
import type { BenchLists } from './data.ts';
import { waitRulesInstalled, type ExtBrowser, type PlainBrowser } from './drivers.ts';
import { median, quantile, sleep } from './stats.ts';

type ImportReport = NonNullable<Response<'lists.update'>['results'][number]['import']>;
type Diagnostics = Response<'diagnostics.get'>;
type Status = Response<'status.get'>;

export interface ScenarioCounts {
  /** Navigations to listed sites for navigation-to-warning. */
  navToWarning: number;
  /** Unlisted page loads per browser (with and without the extension). */
  pageLoads: number;
  /** Verdicts the warm figure is taken over (filled up with extra navigations). */
  warmVerdicts: number;
  /** Entries the naive one-record-per-domain store writes (then scaled to the list size). */
  naiveEntries: number;
  /** Skip the page-load and naive phases (scaling runs). */
  lite: boolean;
  /** Chrome: also measure once every before-load install has ended (SteadyResult). */
  steady?: boolean;
}

/** Chrome keeps installing a list's before-load rules for minutes after a whole import. */
const STEADY_WAIT_MS = 420_000;

/**
 * Chrome, once every before-load install had ended: what a user sees on most days, when
 * no whole list is being installed (the main figures are taken while one is).
 */
export interface SteadyResult {
  /** ms waited after the other phases for the installs to end. */
  rulesWaitMs: number;
  /** Update D (C with another 1 % replaced): its import, and ms from its answer until its rules were in. */
  deltaImport: ImportReport;
  deltaRulesMs: number | null;
  /** Rules domains before and after D: a delta adds D's new domains, a whole install replaces all. */
  domainsBefore: number;
  domainsAfter: number;
  nav: NavSample;
  pageLoadExtMs: number;
  pageLoadPlainMs: number;
  pageLoadRatio: number;
}

interface NavSample {
  p50Ms: number;
  p95Ms: number;
  misses: number;
  how: string[];
  where: Record<string, number>;
  p50ByWhere: Record<string, number>;
  originLagMs: number;
  wallMs: number;
}

/** Everything one run measures. null: not measurable in this browser (see notes). */
export interface RunResult {
  import: ImportReport;
  updateFull: ImportReport;
  diff: ImportReport;
  oldListNavs: number;
  oldListWarned: number;
  oldListNavToWarningMs: number[];
  oldListVerdictWaitMs: number[];
  coldLookupMs: number;
  coldWaitMs: number;
  coldReadyMs: number;
  coldOpenDbMs: number;
  coldLoadMs: number;
  coldNavToWarningMs: number | null;
  coldAttempts: number;
  coldPageLoadMs: number;
  /** How the warning's time was read (see navToWarning). */
  navHow: string[];
  warmMedianMs: number;
  warmP95Ms: number;
  warmCount: number;
  navP50Ms: number;
  navP95Ms: number;
  navMisses: number;
  /** Where the warnings were shown: the warning page after a before-load redirect, or the in-page dialog. */
  navWhere: Record<string, number>;
  /** Median navigation-to-warning time of each of those two ways (the two differ in cost). */
  navP50ByWhere: Record<string, number>;
  /** Median of the page's time origin minus the harness's navigation request (see WarningTiming). */
  navOriginLagMs: number;
  /** Median wall-clock ms from the harness's request to seeing the warning (includes polling). */
  navWallMs: number;
  /** ms waited for the browser to be idle before a phase (waitQuiet), by phase. */
  quietMs: Record<string, number>;
  /** status.get's before-load layer (Chrome's declarativeNetRequest) when the navigation phase began. */
  preloadAtNav: Status['preload'];
  /** The before-load layer when the heap was read: an install still running holds its list's domains. */
  preloadAtHeap: Status['preload'];
  pageLoadExtMs: number;
  pageLoadPlainMs: number;
  pageLoadRatio: number;
  heapMb: number | null;
  heapJsMb: number | null;
  heapBaselineMb: number | null;
  indexMb: number;
  indexEntries: number;
  storageBytes: number;
  storageTotalBytes: number;
  storageEndBytes: number;
  longestTaskMs: number | null;
  probeTicks: number | null;
  naiveMs: number | null;
  naiveScaledMs: number | null;
  layoutWriteMs: number | null;
  /** Chrome only, and only when the installs ended within STEADY_WAIT_MS; see steadyNote. */
  steady: SteadyResult | null;
  steadyNote: string | null;
  phaseMs: Record<string, number>;
}

const MB = 1024 * 1024;

export interface ScenarioEnv {
  ext: ExtBrowser;
  plain: PlainBrowser | null;
  server: TestServer;
  lists: BenchLists;
  counts: ScenarioCounts;
  log: (line: string) => void;
}

const WARNING_MARK = 'fraud-sentry:warning-shown';

/**
 * Installed in every document of the benchmark's tab before any page script: records
 * performance.now() when a warning appears, whichever way the product shows it — the
 * in-page overlay (<fraud-sentry-warning>) or the extension's warning page (a dialog in
 * its own document after a before-load redirect). As source text: it runs in the page.
 */
export const WARNING_OBSERVER = `(() => {
  const seen = () => document.querySelector('fraud-sentry-warning, [role="alertdialog"]');
  const record = () => { if (!window.__fsbSeen && seen()) window.__fsbSeen = performance.now(); };
  new MutationObserver(record).observe(document, { childList: true, subtree: true });
})()`;

export interface WarningTiming {
  /** ms from navigation start (the page's time origin) to the warning. */
  ms: number;
  /** 'mark': the product's performance mark; 'observer': the preload observer; 'poll': seen by polling (upper bound). */
  how: 'mark' | 'observer' | 'poll';
  /** 'extension': the warning page after a before-load redirect; 'page': the in-page dialog on the site itself. */
  where: 'extension' | 'page';
  /**
   * The page's time origin minus the harness's clock when it asked for the navigation:
   * near 0 when the page's clock starts at the navigation (redirect included), as it should.
   */
  originLagMs: number;
  /** Wall-clock ms from asking for the navigation until the harness saw the warning (includes polling). */
  wallMs: number;
}

/**
 * Navigates and waits for the warning. Returns when it appeared (ms after the navigation
 * started, in the page's own clock) or null if no warning came in time.
 *
 * Every navigation starts from about:blank, as a fresh tab would: over WebDriver BiDi
 * (Firefox) a redirect to a moz-extension page is never seen to finish, and a navigation
 * started from a tab that shows the warning page is only reachable ~2 s later, which
 * measured the harness, not the product. The same start in both browsers keeps them comparable.
 */
export async function navToWarning(page: Page, url: string, timeoutMs = 10_000): Promise<WarningTiming | null> {
  await page.goto('about:blank', { timeout: timeoutMs }).catch(() => undefined);
  const started = Date.now();
  // Not awaited: over BiDi a redirect to a moz-extension page never completes for puppeteer.
  void page.goto(url, { waitUntil: 'domcontentloaded', timeout: timeoutMs }).catch(() => undefined);
  const deadline = started + timeoutMs;
  while (Date.now() < deadline) {
    const seen = await page
      .evaluate(
        (mark, u) => {
          // The overlay stays on the site's URL; the warning page carries it after '#'. The
          // browser may have upgraded it to https first (HSTS-preloaded names, such as .dev).
          const urls = [u, u.replace(/^http:/, 'https:')];
          const where = urls.includes(location.href)
            ? 'page'
            : urls.some((x) => location.href.endsWith(`#${x}`))
              ? 'extension'
              : null;
          if (!where) return null;
          // No named inner functions: tsx would wrap them in a __name() helper the page lacks.
          const m = performance.getEntriesByName(mark)[0];
          const observed = (window as unknown as { __fsbSeen?: number }).__fsbSeen;
          let ms: number | null = null;
          let how = 'poll';
          if (m) [ms, how] = [m.startTime, 'mark'];
          else if (observed) [ms, how] = [observed, 'observer'];
          else if (document.querySelector('fraud-sentry-warning, [role="alertdialog"]')) ms = performance.now();
          if (ms !== null) return { ms, how, where, origin: performance.timeOrigin };
          return null;
        },
        WARNING_MARK,
        url,
      )
      .catch(() => null);
    if (seen) {
      const { origin, ...rest } = seen as Omit<WarningTiming, 'originLagMs' | 'wallMs'> & { origin: number };
      return { ...rest, originLagMs: origin - started, wallMs: Date.now() - started };
    }
    await sleep(5);
  }
  return null;
}

/** Loads a page to its load event; returns loadEventEnd (ms after navigation start). */
export async function loadTime(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
  for (let i = 0; i < 50; i++) {
    const end = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return nav?.loadEventEnd ?? 0;
    });
    if (end > 0) return end;
    await sleep(10);
  }
  throw new Error(`no loadEventEnd for ${url}`);
}

/** Navigation-to-warning over `urls`, each from about:blank (see navToWarning). */
async function navigations(tab: Page, urls: string[]): Promise<NavSample> {
  const times: number[] = [];
  const lags: number[] = [];
  const walls: number[] = [];
  let misses = 0;
  const how = new Set<string>();
  const where: Record<string, number> = {};
  const byWhere: Record<string, number[]> = {};
  for (const url of urls) {
    const t = await navToWarning(tab, url);
    if (t === null) {
      misses++;
      continue;
    }
    times.push(t.ms);
    lags.push(t.originLagMs);
    walls.push(t.wallMs);
    how.add(t.how);
    where[t.where] = (where[t.where] ?? 0) + 1;
    (byWhere[t.where] ??= []).push(t.ms);
  }
  return {
    p50Ms: quantile(times, 0.5),
    p95Ms: quantile(times, 0.95),
    misses,
    how: [...how],
    where,
    p50ByWhere: Object.fromEntries(Object.entries(byWhere).map(([k, v]) => [k, median(v)])),
    originLagMs: median(lags),
    wallMs: median(walls),
  };
}

/** Load events of `count` unlisted pages (after 3 warm-ups), with the extension and without, interleaved. */
async function pageLoads(ext: Page, plain: Page, urls: string[], count: number) {
  const out = { ext: [] as number[], plain: [] as number[] };
  const warmups = 3;
  for (let i = 0; i < count + warmups; i++) {
    const url = urls[i % urls.length] as string;
    const a = await loadTime(ext, url);
    const b = await loadTime(plain, url);
    if (i >= warmups) {
      out.ext.push(a);
      out.plain.push(b);
    }
  }
  return out;
}

function importOf(summary: Response<'lists.update'>, what: string): ImportReport {
  const r = summary.results[0];
  if (!r || r.outcome === 'failed' || !r.import) throw new Error(`${what}: ${r?.error ?? 'no import report'}`);
  return r.import;
}

/** Writes `domains` one record per domain into a fresh IndexedDB of a plain page, then our layout's one record. */
async function naiveStore(page: Page, url: string, domains: string[], layoutEntries: number) {
  await page.goto(url, { waitUntil: 'load' });
  // No named inner functions: tsx would wrap them in a __name() helper the page lacks.
  return page.evaluate(
    async (names, layoutN) => {
      const name = `fs-bench-naive-${Date.now()}`;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(name, 1);
        req.onupgradeneeded = () => req.result.createObjectStore('domains');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const t0 = performance.now();
      for (let i = 0; i < names.length; i += 1000) {
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction('domains', 'readwrite');
          const store = tx.objectStore('domains');
          for (let j = i; j < Math.min(i + 1000, names.length); j++) store.put(1, names[j] as string);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
      }
      const naiveMs = performance.now() - t0;
      // The product's layout for comparison: the whole list as one sorted Float64Array record.
      const hashes = new Float64Array(layoutN);
      for (let i = 0; i < layoutN; i++) hashes[i] = Math.floor(Math.random() * 2 ** 53);
      hashes.sort();
      const t1 = performance.now();
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('domains', 'readwrite');
        tx.objectStore('domains').put(hashes, 'layout');
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      const layoutMs = performance.now() - t1;
      db.close();
      indexedDB.deleteDatabase(name);
      return { naiveMs, layoutMs };
    },
    domains,
    layoutEntries,
  );
}

export async function runScenario(env: ScenarioEnv): Promise<RunResult> {
  const { ext, plain, server, lists, counts, log } = env;
  const estimate = () => ext.storageUsage();
  const phase: Record<string, number> = {};
  let phaseStart = Date.now();
  const lap = (name: string) => {
    phase[name] = Date.now() - phaseStart;
    phaseStart = Date.now();
  };
  const site = (host: string) => server.url(host, '/');

  await ext.tab.evaluateOnNewDocument(WARNING_OBSERVER).catch(() => undefined);
  // Ready: the bundled lists (~340k entries) are imported at install.
  const status = await ext.send<Status>('status.get', {});
  log(`  ready: ${status.entriesInForce} bundled entries in force`);
  const heapBase = await ext.heap();
  const storageBase = await estimate();
  lap('ready');

  // Goal 1 + 8: the first import of the N-entry list, with the long-task probe running.
  const feedA = `bench-${lists.size}.txt`;
  server.setFeed(feedA, { body: lists.textA, etag: false });
  await ext.probeStart();
  const sub = await ext.send<Response<'lists.subscribe'>>('lists.subscribe', { url: server.feedUrl(feedA, '127.0.0.1') });
  const probeA = await ext.probeRead();
  const imp = importOf(sub.summary, 'import A');
  const storageAfterA = await estimate();
  log(
    `  import A: ${imp.mode} ${imp.totalMs} ms (parse ${imp.parseMs}, hash ${imp.hashMs}, write ${imp.writeMs}); longest task ${probeA?.longestMs.toFixed(0) ?? '–'} ms`,
  );
  lap('importA');

  // Goal 1 (second half): a 15 %-changed version is a full rewrite; while it is imported,
  // pages from the OLD list must still be warned.
  server.setFeed(feedA, { body: lists.textB, etag: false });
  const before = await ext.send<Diagnostics>('diagnostics.get', {});
  await ext.probeStart();
  let done = false;
  const updating = ext.send<Response<'lists.update'>>('lists.update', { ids: [sub.id] }).finally(() => {
    done = true;
  });
  // Wait until the import itself runs (the download is not part of it).
  for (let i = 0; i < 400 && !done; i++) {
    const s = await ext.send<Status>('status.get', {});
    if (s.update && s.update.currentShare > 0) break;
    await sleep(20);
  }
  const oldNav: number[] = [];
  let oldNavs = 0;
  // A few only: every page load competes with the import for the 2 cores and slows it.
  for (const host of lists.oldOnlyHosts.slice(0, 6)) {
    if (done) break;
    const t = await navToWarning(ext.tab, site(host), 4_000);
    // A verdict that came after the import finished is not evidence either way.
    if (t === null && done) break;
    oldNavs++;
    if (t !== null) oldNav.push(t.ms);
  }
  const updateFull = importOf(await updating, 'update B');
  const probeB = await ext.probeRead();
  const after = await ext.send<Diagnostics>('diagnostics.get', {});
  const duringWaits = after.waitMs.slice(before.waitMs.length);
  log(
    `  update B: ${updateFull.mode} ${updateFull.totalMs} ms; old-list pages warned ${oldNav.length}/${oldNavs} during it; longest task ${probeB?.longestMs.toFixed(0) ?? '–'} ms`,
  );
  lap('updateB');

  // Goal 7: a 1 %-changed version should be written as a delta.
  server.setFeed(feedA, { body: lists.textC, etag: false });
  const diff = importOf(await ext.send<Response<'lists.update'>>('lists.update', { ids: [sub.id] }), 'update C');
  log(`  update C: ${diff.mode} ${diff.totalMs} ms, ${diff.bytesWritten} bytes (full ${updateFull.bytesWritten})`);
  lap('updateC');

  // Goal 2: cold start. The first verdict after the background restarts: an unlisted page,
  // whose content script asks the background (listed pages may be stopped before load).
  // Firefox closes tabs that show the extension's pages (the warning page) when it reloads.
  await ext.tab.goto('about:blank').catch(() => undefined);
  await ext.stopBackground();
  let coldDiag: Diagnostics | null = null;
  let coldAttempts = 0;
  let coldPageLoadMs = Number.NaN;
  while (coldAttempts < 5 && !coldDiag?.lookupMs.length) {
    coldAttempts++;
    coldPageLoadMs = await loadTime(ext.tab, server.url(lists.unlistedHosts[0] as string, `/?cold${coldAttempts}`));
    await sleep(100);
    await ext.reattach();
    coldDiag = await ext.send<Diagnostics>('diagnostics.get', {});
  }
  if (!coldDiag) throw new Error('no diagnostics after the cold start');
  const coldLookup = coldDiag.lookupMs[0] ?? Number.NaN;
  const coldWait = coldDiag.waitMs[0] ?? Number.NaN;
  // And the user-visible cost: a listed site right after another cold start.
  // Firefox closes tabs that show the extension's pages (the warning page) when it reloads.
  await ext.tab.goto('about:blank').catch(() => undefined);
  await ext.stopBackground();
  const coldWarn = await navToWarning(ext.tab, site(lists.listedHosts[0] as string));
  await ext.reattach();
  const coldNav = coldWarn?.ms ?? null;
  log(
    `  cold: lookup ${coldLookup.toFixed(3)} ms, wait ${coldWait.toFixed(1)} ms (ready ${coldDiag.readyMs?.toFixed(1)}, open ${coldDiag.openDbMs?.toFixed(1)}, load ${coldDiag.loadMs?.toFixed(1)}), first page load ${coldPageLoadMs.toFixed(0)} ms, listed nav→warning ${coldNav?.toFixed(1)} ms (${coldWarn?.how})`,
  );
  lap('cold');

  // Goal 4: navigation to a visible warning on listed sites, once the browser has finished
  // what the updates left it to do (Chrome installs the new lists' before-load rules).
  const quietMs: Record<string, number> = {};
  quietMs.navToWarning = await ext.quiet();
  // Chrome: the before-load rules in force now (a listed site they miss gets the in-page dialog: see navWhere).
  const preloadAtNav = (await ext.send<Status>('status.get', {})).preload;
  lap('quietNav');
  const nav = await navigations(ext.tab, lists.listedHosts.slice(1, 1 + counts.navToWarning).map(site));
  lap('navToWarning');

  // Goal 5: load event on unlisted pages, with the extension and without, interleaved.
  let loads: { ext: number[]; plain: number[] } = { ext: [], plain: [] };
  if (plain && !counts.lite) {
    quietMs.pageLoad = await ext.quiet();
    lap('quietPageLoad');
    loads = await pageLoads(ext.tab, plain.tab, lists.unlistedHosts.map(site), counts.pageLoads);
  }
  lap('pageLoad');

  // Goal 3: warm verdicts (every unlisted page's content script asks the background). Top
  // up with quick navigations until there are enough since the cold start.
  const sofar = (await ext.send<Diagnostics>('diagnostics.get', {})).lookupMs.length;
  for (let i = 0; i < counts.warmVerdicts + 1 - sofar; i++) {
    const host = lists.unlistedHosts[i % lists.unlistedHosts.length] as string;
    await ext.tab.goto(server.url(host, `/?warm${i}`), { waitUntil: 'domcontentloaded' }).catch(() => undefined);
  }
  await sleep(100);
  const diag = await ext.send<Diagnostics>('diagnostics.get', {});
  const warm = diag.lookupMs.slice(1);
  lap('warm');

  // Goal 6: memory and storage.
  const heap = await ext.heap();
  const preloadAtHeap = (await ext.send<Status>('status.get', {})).preload;
  const storageEnd = await estimate();
  lap('memory');

  let steady: SteadyResult | null = null;
  let steadyNote: string | null = null;
  if (!counts.lite && counts.steady && plain && preloadAtHeap) {
    const rulesWaitMs = await waitRulesInstalled(ext, STEADY_WAIT_MS);
    if (rulesWaitMs === null) steadyNote = `before-load installs still running after ${STEADY_WAIT_MS / 1000} s`;
    else {
      log(`  steady: the before-load rules were all in ${(rulesWaitMs / 1000).toFixed(0)} s after the phases above`);
      const domainsBefore = (await ext.send<Status>('status.get', {})).preload?.domains ?? 0;
      server.setFeed(feedA, { body: lists.textD, etag: false });
      const deltaImport = importOf(await ext.send<Response<'lists.update'>>('lists.update', { ids: [sub.id] }), 'update D');
      const deltaRulesMs = await waitRulesInstalled(ext, 120_000, 50);
      const domainsAfter = (await ext.send<Status>('status.get', {})).preload?.domains ?? 0;
      log(
        `  update D: ${deltaImport.mode} ${deltaImport.totalMs} ms; its before-load rules in ${deltaRulesMs ?? '>120000'} ms (domains ${domainsBefore} → ${domainsAfter})`,
      );
      await ext.quiet();
      const hosts = lists.listedHosts.slice(1 + counts.navToWarning, 1 + 2 * counts.navToWarning);
      const steadyNav = await navigations(ext.tab, hosts.map(site));
      await ext.quiet();
      const steadyLoads = await pageLoads(ext.tab, plain.tab, lists.unlistedHosts.map(site), counts.pageLoads);
      steady = {
        rulesWaitMs,
        deltaImport,
        deltaRulesMs,
        domainsBefore,
        domainsAfter,
        nav: steadyNav,
        pageLoadExtMs: median(steadyLoads.ext),
        pageLoadPlainMs: median(steadyLoads.plain),
        pageLoadRatio: median(steadyLoads.ext) / median(steadyLoads.plain),
      };
      log(
        `  steady: nav→warning p50 ${steadyNav.p50Ms.toFixed(0)} p95 ${steadyNav.p95Ms.toFixed(0)} ms ${JSON.stringify(steadyNav.where)}; page load ${steady.pageLoadExtMs.toFixed(1)} vs ${steady.pageLoadPlainMs.toFixed(1)} ms (×${steady.pageLoadRatio.toFixed(3)})`,
      );
    }
  }
  lap('steady');

  // The naive store, in a plain 127.0.0.1 page of the browser without the extension.
  let naive: { naiveMs: number; layoutMs: number } | null = null;
  if (plain && !counts.lite && counts.naiveEntries > 0) {
    const names = lists.textA.split('\n', counts.naiveEntries);
    naive = await naiveStore(plain.tab, server.url('127.0.0.1', '/naive'), names, lists.size);
    log(`  naive: ${names.length} records in ${naive.naiveMs.toFixed(0)} ms; layout write ${naive.layoutMs.toFixed(1)} ms`);
  }
  lap('naive');

  const heapTotal = (h: typeof heap) => (h ? (h.usedBytes + h.backingBytes + h.embedderBytes) / MB : null);
  const longest = [probeA, probeB].filter((p) => p !== null);
  return {
    import: imp,
    updateFull,
    diff,
    oldListNavs: oldNavs,
    oldListWarned: oldNav.length,
    oldListNavToWarningMs: oldNav,
    oldListVerdictWaitMs: duringWaits,
    coldLookupMs: coldLookup,
    coldWaitMs: coldWait,
    coldReadyMs: coldDiag.readyMs ?? Number.NaN,
    coldOpenDbMs: coldDiag.openDbMs ?? Number.NaN,
    coldLoadMs: coldDiag.loadMs ?? Number.NaN,
    coldNavToWarningMs: coldNav,
    coldAttempts,
    coldPageLoadMs,
    navHow: nav.how,
    warmMedianMs: median(warm),
    warmP95Ms: quantile(warm, 0.95),
    warmCount: warm.length,
    navP50Ms: nav.p50Ms,
    navP95Ms: nav.p95Ms,
    navMisses: nav.misses,
    navWhere: nav.where,
    navP50ByWhere: nav.p50ByWhere,
    navOriginLagMs: nav.originLagMs,
    navWallMs: nav.wallMs,
    quietMs,
    preloadAtNav,
    preloadAtHeap,
    pageLoadExtMs: median(loads.ext),
    pageLoadPlainMs: median(loads.plain),
    pageLoadRatio: median(loads.ext) / median(loads.plain),
    heapMb: heapTotal(heap),
    heapJsMb: heap ? heap.usedBytes / MB : null,
    heapBaselineMb: heapTotal(heapBase),
    indexMb: diag.indexBytes / MB,
    indexEntries: diag.indexEntries,
    storageBytes: storageAfterA - storageBase,
    storageTotalBytes: storageAfterA,
    storageEndBytes: storageEnd,
    longestTaskMs: longest.length ? Math.max(...longest.map((p) => p.longestMs)) : null,
    probeTicks: longest.length ? longest.reduce((n, p) => n + p.ticks, 0) : null,
    naiveMs: naive?.naiveMs ?? null,
    naiveScaledMs: naive ? (naive.naiveMs * lists.size) / counts.naiveEntries : null,
    layoutWriteMs: naive?.layoutMs ?? null,
    steady,
    steadyNote,
    phaseMs: phase,
  };
}
