// The benchmark driver: runs the scenario R times per browser, aggregates median/min/max,
// writes bench/results.json (or another file) and prints a table. Also the scaling table
// and the small smoke mode the test suite runs.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestServer } from '../../tests/e2e/support/feed-server.ts';
import { PROJECT_ROOT } from '../../tests/e2e/support/paths.ts';
import { buildLists, combinedDomains, listSource, type BenchLists } from './data.ts';
import {
  launchChromiumExt,
  launchChromiumPlain,
  launchFirefoxExt,
  launchFirefoxPlain,
  type BrowserName,
  type ExtBrowser,
  type PlainBrowser,
} from './drivers.ts';
import { runScenario, type RunResult, type ScenarioCounts, type SteadyResult } from './scenario.ts';
import { round, stat, statOrNull, type Stat } from './stats.ts';

export interface BenchOptions {
  size: number;
  runs: number;
  browsers: BrowserName[];
  counts: ScenarioCounts;
  /** Where results go (bench/results.json by default). */
  outFile: string;
  log?: (line: string) => void;
}

export const DEFAULT_COUNTS: ScenarioCounts = {
  navToWarning: 30,
  pageLoads: 50,
  warmVerdicts: 120,
  naiveEntries: 50_000,
  lite: false,
  steady: false,
};

export const SMOKE_OPTIONS: Omit<BenchOptions, 'outFile'> = {
  size: 20_000,
  runs: 1,
  browsers: ['chromium'],
  // With the steady phase, so that it cannot rot either: waits a minute or two for the
  // bundled lists' before-load rules.
  counts: { navToWarning: 5, pageLoads: 5, warmVerdicts: 20, naiveEntries: 2_000, lite: false, steady: true },
};

export const GOALS = {
  import_ms: 3000,
  cold_verdict_ms: 10,
  warm_verdict_ms: 0.1,
  nav_to_warning_p50_ms: 100,
  nav_to_warning_p95_ms: 300,
  pageload_overhead_ratio: 1.02,
  heap_mb: 40,
  storage_ratio: 1.5,
  longest_task_ms: 200,
} as const;

export interface BrowserResults {
  runs: number;
  import_ms: Stat;
  import_split_ms: { parse: Stat; hash: Stat; write: Stat };
  import_mode: string[];
  import_bytes_written: Stat;
  update_full_ms: Stat;
  import_old_list_answers: {
    navigations: number;
    warned: number;
    nav_to_warning_ms: Stat | null;
    verdict_wait_ms: Stat | null;
  };
  cold_verdict_ms: Stat;
  cold_wait_ms: Stat;
  cold_ready_ms: Stat;
  cold_open_db_ms: Stat;
  cold_load_ms: Stat;
  cold_nav_to_warning_ms: Stat | null;
  cold_first_pageload_ms: Stat;
  warm_verdict_ms: Stat;
  warm_verdict_p95_ms: Stat;
  warm_verdicts_per_run: number[];
  nav_to_warning_ms: {
    p50: Stat;
    p95: Stat;
    misses: number;
    how: string[];
    where: Record<string, number>;
    /** p50 of each way the warning was shown (warning page / in-page dialog), over the runs that had it. */
    p50_by_where: Record<string, Stat>;
    origin_lag_ms: Stat;
    wall_p50_ms: Stat;
    /** Per run: the before-load layer's state (domains, last error) when the phase began. */
    preload: RunResult['preloadAtNav'][];
  };
  quiet_wait_ms: Record<string, Stat>;
  pageload_overhead_ratio: Stat;
  pageload_ms: { extension: Stat; none: Stat };
  heap_mb: Stat | null;
  heap_js_mb: Stat | null;
  heap_baseline_mb: Stat | null;
  /** Per run: the before-load layer's state when the heap was read (Chrome; see preloadAtHeap). */
  heap_preload: RunResult['preloadAtHeap'][];
  index_mb: Stat;
  index_entries: number;
  storage_bytes: Stat;
  storage_ratio: Stat;
  storage_total_bytes: Stat;
  storage_end_bytes: Stat;
  diff_update_ms: Stat;
  diff_mode: string[];
  diff_bytes_written: Stat;
  full_bytes_written: Stat;
  diff_bytes_ratio: Stat;
  longest_task_ms: Stat | null;
  naive_import_ms_scaled: Stat | null;
  naive_import_ms: Stat | null;
  naive_entries: number;
  layout_write_ms: Stat | null;
  /** Chrome: the figures once every before-load install had ended (null: no run got there). */
  steady: {
    runs: number;
    rules_wait_ms: Stat;
    delta_mode: string[];
    delta_import_ms: Stat;
    /** ms from update D's answer until its before-load rules were in. */
    delta_rules_ms: Stat | null;
    delta_rules_domains_added: number[];
    nav_to_warning_ms: { p50: Stat; p95: Stat; misses: number; where: Record<string, number> };
    pageload_overhead_ratio: Stat;
    pageload_ms: { extension: Stat; none: Stat };
  } | null;
  /** Why a run has no steady figures. */
  steady_notes: string[];
  phase_ms: Record<string, Stat>;
  notes: Record<string, string>;
}

export interface BenchResults {
  chromium?: BrowserResults;
  firefox?: BrowserResults;
  /** Runs that failed (their figures are missing from the medians). */
  errors?: string[];
  meta: {
    date: string;
    machine: { nproc: number; mem_gb: number; cpu: string; node: string };
    list: { entries: number; raw_bytes: number; synthetic: number; source: string };
    runs: number;
    counts: ScenarioCounts;
    duration_s: number;
  };
}

function hostsFor(lists: BenchLists): string[] {
  return [...lists.listedHosts, ...lists.oldOnlyHosts, ...lists.unlistedHosts];
}

async function launch(name: BrowserName, lists: BenchLists, withPlain: boolean) {
  const ext: ExtBrowser = name === 'chromium' ? await launchChromiumExt() : await launchFirefoxExt(hostsFor(lists));
  let plain: PlainBrowser | null = null;
  if (withPlain) plain = name === 'chromium' ? await launchChromiumPlain() : await launchFirefoxPlain(hostsFor(lists));
  return { ext, plain };
}

function aggregate(rs: RunResult[], lists: BenchLists, counts: ScenarioCounts, notes: Record<string, string>) {
  const s = (f: (r: RunResult) => number, digits = 3) => stat(rs.map(f), digits);
  const sn = (f: (r: RunResult) => number | null, digits = 3) => statOrNull(rs.map(f), digits);
  const oldNav = rs.flatMap((r) => r.oldListNavToWarningMs);
  const oldWait = rs.flatMap((r) => r.oldListVerdictWaitMs);
  const phases = Object.keys(rs[0]?.phaseMs ?? {});
  const out: BrowserResults = {
    runs: rs.length,
    import_ms: s((r) => r.import.totalMs, 1),
    import_split_ms: {
      parse: s((r) => r.import.parseMs, 1),
      hash: s((r) => r.import.hashMs, 1),
      write: s((r) => r.import.writeMs, 1),
    },
    import_mode: rs.map((r) => r.import.mode),
    import_bytes_written: s((r) => r.import.bytesWritten, 0),
    update_full_ms: s((r) => r.updateFull.totalMs, 1),
    import_old_list_answers: {
      navigations: rs.reduce((n, r) => n + r.oldListNavs, 0),
      warned: rs.reduce((n, r) => n + r.oldListWarned, 0),
      nav_to_warning_ms: oldNav.length ? stat(oldNav, 1) : null,
      verdict_wait_ms: oldWait.length ? stat(oldWait, 3) : null,
    },
    cold_verdict_ms: s((r) => r.coldLookupMs),
    cold_wait_ms: s((r) => r.coldWaitMs, 1),
    cold_ready_ms: s((r) => r.coldReadyMs, 1),
    cold_open_db_ms: s((r) => r.coldOpenDbMs, 1),
    cold_load_ms: s((r) => r.coldLoadMs, 1),
    cold_nav_to_warning_ms: sn((r) => r.coldNavToWarningMs, 1),
    cold_first_pageload_ms: s((r) => r.coldPageLoadMs, 1),
    warm_verdict_ms: s((r) => r.warmMedianMs, 4),
    warm_verdict_p95_ms: s((r) => r.warmP95Ms, 4),
    warm_verdicts_per_run: rs.map((r) => r.warmCount),
    nav_to_warning_ms: {
      p50: s((r) => r.navP50Ms, 1),
      p95: s((r) => r.navP95Ms, 1),
      misses: rs.reduce((n, r) => n + r.navMisses, 0),
      how: [...new Set(rs.flatMap((r) => r.navHow))],
      where: rs.reduce<Record<string, number>>((sum, r) => {
        for (const [k, n] of Object.entries(r.navWhere)) sum[k] = (sum[k] ?? 0) + n;
        return sum;
      }, {}),
      p50_by_where: Object.fromEntries(
        [...new Set(rs.flatMap((r) => Object.keys(r.navP50ByWhere)))].map((k) => [
          k,
          stat(
            rs.flatMap((r) => (r.navP50ByWhere[k] === undefined ? [] : [r.navP50ByWhere[k]])),
            1,
          ),
        ]),
      ),
      origin_lag_ms: s((r) => r.navOriginLagMs, 1),
      wall_p50_ms: s((r) => r.navWallMs, 1),
      preload: rs.map((r) => r.preloadAtNav),
    },
    quiet_wait_ms: Object.fromEntries(
      Object.keys(rs[0]?.quietMs ?? {}).map((p) => [p, s((r) => r.quietMs[p] ?? Number.NaN, 0)]),
    ),
    pageload_overhead_ratio: s((r) => r.pageLoadRatio, 3),
    pageload_ms: { extension: s((r) => r.pageLoadExtMs, 1), none: s((r) => r.pageLoadPlainMs, 1) },
    heap_mb: sn((r) => r.heapMb, 2),
    heap_js_mb: sn((r) => r.heapJsMb, 2),
    heap_baseline_mb: sn((r) => r.heapBaselineMb, 2),
    heap_preload: rs.map((r) => r.preloadAtHeap),
    index_mb: s((r) => r.indexMb, 2),
    index_entries: rs[0]?.indexEntries ?? 0,
    storage_bytes: s((r) => r.storageBytes, 0),
    storage_ratio: s((r) => r.storageBytes / lists.rawBytes, 3),
    storage_total_bytes: s((r) => r.storageTotalBytes, 0),
    storage_end_bytes: s((r) => r.storageEndBytes, 0),
    diff_update_ms: s((r) => r.diff.totalMs, 1),
    diff_mode: rs.map((r) => r.diff.mode),
    diff_bytes_written: s((r) => r.diff.bytesWritten, 0),
    full_bytes_written: s((r) => r.updateFull.bytesWritten, 0),
    diff_bytes_ratio: s((r) => r.diff.bytesWritten / r.updateFull.bytesWritten, 4),
    longest_task_ms: sn((r) => r.longestTaskMs, 1),
    naive_import_ms_scaled: sn((r) => r.naiveScaledMs, 0),
    naive_import_ms: sn((r) => r.naiveMs, 0),
    naive_entries: counts.naiveEntries,
    layout_write_ms: sn((r) => r.layoutWriteMs, 1),
    steady: aggregateSteady(rs.flatMap((r) => (r.steady ? [r.steady] : []))),
    steady_notes: rs.flatMap((r) => (r.steadyNote ? [r.steadyNote] : [])),
    phase_ms: Object.fromEntries(phases.map((p) => [p, s((r) => r.phaseMs[p] ?? Number.NaN, 0)])),
    notes: {
      ...notes,
      import_ms: 'import report totalMs (parse + hash + write; the download is excluded) of the first full import',
      cold_verdict_ms: 'diagnostics lookupMs of the first verdict after the background restarted',
      cold_wait_ms: 'diagnostics waitMs of that verdict: how long it waited for IndexedDB open + load',
      cold_nav_to_warning_ms: 'a listed site opened right after another cold start: navigation start to the warning',
      nav_to_warning_ms:
        "navigation start (from about:blank) to the warning, in the page's clock: 'mark' = the product's performance mark (fraud-sentry:warning-shown, in the warning page and the in-page dialog), 'observer' = a MutationObserver installed before page scripts, 'poll' = first seen by 5 ms polling (upper bound); where = warning page (before-load redirect) or in-page dialog; origin_lag_ms = the page's time origin minus the harness's navigation request (≥ 0: the page's clock starts no earlier than the request, so the harness's own latency is not counted); wall_p50_ms = the harness's wall clock to seeing the warning, polling included",
      quiet_wait_ms:
        'ms waited before the navigation and page-load phases until the browser was idle (< 10 % of a core over 0.5 s, at most 30 s)',
      storage_bytes: 'navigator.storage.estimate() growth from importing the list (bundled lists excluded)',
      heap_mb: 'service-worker JS heap after GC + ArrayBuffer backing stores (the hash sets live there)',
      longest_task_ms: 'longest stall of a 10 ms interval timer in the background during the imports, minus 10 ms',
      steady:
        "Chrome, with --steady: after the phases above, wait (up to 7 min) until no before-load install is queued or running, then update D (another 1 % replaced: a delta, whose rules go in as rules of their own), then navigation-to-warning on 30 other listed sites and the page-load comparison again: the state of most days, when no whole list is being installed. The main nav_to_warning and pageload figures are taken while Chrome still installs the 1M list's rules (minutes of the browser's CPU after a whole import).",
      naive_import_ms_scaled: `one IndexedDB record per domain, ${counts.naiveEntries} records in batches of 1000 in a plain 127.0.0.1 page, scaled linearly to the list size`,
    },
  };
  return out;
}

function aggregateSteady(ss: SteadyResult[]): BrowserResults['steady'] {
  if (ss.length === 0) return null;
  const s = (f: (r: SteadyResult) => number, digits = 1) => stat(ss.map(f), digits);
  return {
    runs: ss.length,
    rules_wait_ms: s((r) => r.rulesWaitMs, 0),
    delta_mode: ss.map((r) => r.deltaImport.mode),
    delta_import_ms: s((r) => r.deltaImport.totalMs),
    delta_rules_ms: statOrNull(
      ss.map((r) => r.deltaRulesMs),
      0,
    ),
    delta_rules_domains_added: ss.map((r) => r.domainsAfter - r.domainsBefore),
    nav_to_warning_ms: {
      p50: s((r) => r.nav.p50Ms),
      p95: s((r) => r.nav.p95Ms),
      misses: ss.reduce((n, r) => n + r.nav.misses, 0),
      where: ss.reduce<Record<string, number>>((sum, r) => {
        for (const [k, n] of Object.entries(r.nav.where)) sum[k] = (sum[k] ?? 0) + n;
        return sum;
      }, {}),
    },
    pageload_overhead_ratio: s((r) => r.pageLoadRatio, 3),
    pageload_ms: { extension: s((r) => r.pageLoadExtMs), none: s((r) => r.pageLoadPlainMs) },
  };
}

export async function runBench(options: BenchOptions): Promise<BenchResults> {
  const log = options.log ?? ((line: string) => console.log(line));
  const started = Date.now();
  const { counts } = options;
  const lists = buildLists(options.size, {
    listed: 2 * counts.navToWarning + 20,
    oldOnly: 40,
    unlisted: Math.max(counts.pageLoads + 3, 20),
  });
  log(`list: ${lists.size} entries (${lists.synthetic} synthetic), ${(lists.rawBytes / 1e6).toFixed(1)} MB raw`);
  log(`list source: ${listSource().description}`);
  const server = await startTestServer();
  const results: BenchResults = {
    meta: {
      date: new Date().toISOString(),
      machine: {
        nproc: os.availableParallelism(),
        mem_gb: round(os.totalmem() / 2 ** 30, 1),
        cpu: os.cpus()[0]?.model ?? 'unknown',
        node: process.version,
      },
      list: {
        entries: lists.size,
        raw_bytes: lists.rawBytes,
        synthetic: lists.synthetic,
        source: `first ${lists.size - lists.synthetic} ${listSource().description}${lists.synthetic ? ` + ${lists.synthetic} synthetic names` : ''}`,
      },
      runs: options.runs,
      counts,
      duration_s: 0,
    },
  };
  try {
    for (const name of options.browsers) {
      const rs: RunResult[] = [];
      let failures: string[] = [];
      let notes: Record<string, string> = {};
      for (let run = 1; run <= options.runs; run++) {
        log(`${name} run ${run}/${options.runs}`);
        const { ext, plain } = await launch(name, lists, !counts.lite);
        notes = ext.notes;
        try {
          rs.push(await runScenario({ ext, plain, server, lists, counts, log }));
        } catch (error) {
          // One failed run must not lose the others' figures: recorded, and the run is skipped.
          const message = `${name} run ${run}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
          log(`  FAILED ${message}`);
          failures.push(message);
        } finally {
          await ext.close().catch(() => undefined);
          await plain?.close().catch(() => undefined);
        }
      }
      if (rs.length) results[name] = aggregate(rs, lists, counts, notes);
      if (failures.length) results.errors = [...(results.errors ?? []), ...failures];
      failures = [];
    }
  } finally {
    await server.close();
  }
  results.meta.duration_s = Math.round((Date.now() - started) / 1000);
  mkdirSync(path.dirname(options.outFile), { recursive: true });
  writeFileSync(options.outFile, JSON.stringify(results, null, 2) + '\n');
  return results;
}

/** The small benchmark the test suite runs: 20,000 entries, one Chromium run. */
export async function runSmokeBench(outFile = path.join(PROJECT_ROOT, 'bench/smoke/results.json')) {
  return runBench({ ...SMOKE_OPTIONS, outFile, log: () => undefined });
}

// ---------------------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------------------

const fmt = (v: number, digits: number) => (Number.isFinite(v) ? v.toFixed(digits) : 'n/a');
const cell = (s: Stat | null, digits = 1) =>
  s ? `${fmt(s.median, digits)} (${fmt(s.min, digits)}–${fmt(s.max, digits)})` : 'n/a';
const mark = (ok: boolean | null) => (ok === null ? '–' : ok ? 'yes' : 'NO');

interface Row {
  metric: string;
  goal: string;
  values: Partial<Record<BrowserName, { text: string; ok: boolean | null }>>;
}

export function tableRows(results: BenchResults): Row[] {
  const names = (['chromium', 'firefox'] as const).filter((n) => results[n]);
  const row = (
    metric: string,
    goal: string,
    f: (r: BrowserResults) => { text: string; ok: boolean | null },
  ): Row => ({
    metric,
    goal,
    values: Object.fromEntries(names.map((n) => [n, f(results[n] as BrowserResults)])),
  });
  const le = (s: Stat | null, limit: number) => (s ? s.median <= limit : null);
  return [
    row('import_ms (parse+hash+write)', '≤ 3000', (r) => ({
      text: `${cell(r.import_ms, 0)} [${fmt(r.import_split_ms.parse.median, 0)}/${fmt(r.import_split_ms.hash.median, 0)}/${fmt(r.import_split_ms.write.median, 0)}]`,
      ok: le(r.import_ms, GOALS.import_ms),
    })),
    row('old list warns during import', 'all', (r) => ({
      text: `${r.import_old_list_answers.warned}/${r.import_old_list_answers.navigations}, nav→warning ${cell(r.import_old_list_answers.nav_to_warning_ms, 0)}`,
      ok:
        r.import_old_list_answers.navigations === 0
          ? null
          : r.import_old_list_answers.warned === r.import_old_list_answers.navigations,
    })),
    row('cold_verdict_ms (lookup)', '≤ 10', (r) => ({
      text: cell(r.cold_verdict_ms, 3),
      ok: le(r.cold_verdict_ms, GOALS.cold_verdict_ms),
    })),
    row('cold_wait_ms (open+load)', 'report', (r) => ({
      text: `${cell(r.cold_wait_ms, 0)} [open ${fmt(r.cold_open_db_ms.median, 0)}, load ${fmt(r.cold_load_ms.median, 0)}]`,
      ok: null,
    })),
    row('warm_verdict_ms (median)', '≤ 0.1', (r) => ({
      text: cell(r.warm_verdict_ms, 4),
      ok: le(r.warm_verdict_ms, GOALS.warm_verdict_ms),
    })),
    row('nav_to_warning_ms p50', '≤ 100', (r) => ({
      text: cell(r.nav_to_warning_ms.p50, 0),
      ok: le(r.nav_to_warning_ms.p50, GOALS.nav_to_warning_p50_ms),
    })),
    row('  p50: warning page / in-page', '–', (r) => ({
      text: ['extension', 'page']
        .map((k) => {
          const st = r.nav_to_warning_ms.p50_by_where[k];
          return st ? `${fmt(st.median, 0)} (${r.nav_to_warning_ms.where[k] ?? 0})` : '–';
        })
        .join(' / '),
      ok: null,
    })),
    row('nav_to_warning_ms p95', '≤ 300', (r) => ({
      text: cell(r.nav_to_warning_ms.p95, 0),
      ok: le(r.nav_to_warning_ms.p95, GOALS.nav_to_warning_p95_ms),
    })),
    row('pageload_overhead_ratio', '≤ 1.02', (r) => ({
      text: `${cell(r.pageload_overhead_ratio, 3)} [${fmt(r.pageload_ms.extension.median, 0)} vs ${fmt(r.pageload_ms.none.median, 0)} ms]`,
      ok: le(r.pageload_overhead_ratio, GOALS.pageload_overhead_ratio),
    })),
    row('steady: rules all in (Chrome)', 'report', (r) => ({
      text: r.steady ? `${cell(r.steady.rules_wait_ms, 0)} ms later (${r.steady.runs} runs)` : '–',
      ok: null,
    })),
    row('steady: nav_to_warning p50 / p95', '≤ 100 / 300', (r) => ({
      text: r.steady
        ? `${cell(r.steady.nav_to_warning_ms.p50, 0)} / ${cell(r.steady.nav_to_warning_ms.p95, 0)}`
        : '–',
      ok: r.steady
        ? r.steady.nav_to_warning_ms.p50.median <= GOALS.nav_to_warning_p50_ms &&
          r.steady.nav_to_warning_ms.p95.median <= GOALS.nav_to_warning_p95_ms
        : null,
    })),
    row('steady: pageload_overhead_ratio', '≤ 1.02', (r) => ({
      text: r.steady
        ? `${cell(r.steady.pageload_overhead_ratio, 3)} [${fmt(r.steady.pageload_ms.extension.median, 0)} vs ${fmt(r.steady.pageload_ms.none.median, 0)} ms]`
        : '–',
      ok: r.steady ? le(r.steady.pageload_overhead_ratio, GOALS.pageload_overhead_ratio) : null,
    })),
    row('steady: 1 % update, rules in', 'report', (r) => ({
      text: r.steady
        ? `${cell(r.steady.delta_rules_ms, 0)} ms after its ${r.steady.delta_mode[0] ?? '?'} import of ${cell(r.steady.delta_import_ms, 0)} ms`
        : '–',
      ok: null,
    })),
    row('heap_mb (background)', '≤ 40', (r) => ({
      text: r.heap_mb ? cell(r.heap_mb, 1) : `n/a (index ${fmt(r.index_mb.median, 1)} MB)`,
      ok: le(r.heap_mb, GOALS.heap_mb),
    })),
    row('storage_ratio (bytes / raw)', '≤ 1.5', (r) => ({
      text: `${cell(r.storage_ratio, 2)} [${fmt(r.storage_bytes.median / 1e6, 1)} MB]`,
      ok: le(r.storage_ratio, GOALS.storage_ratio),
    })),
    row('diff_update_ms (1 % changed)', '≪ full', (r) => ({
      text: `${cell(r.diff_update_ms, 0)} [${r.diff_mode[0] ?? '?'}, ${fmt(r.diff_bytes_written.median / 1e3, 0)} kB vs ${fmt(r.full_bytes_written.median / 1e6, 1)} MB full]`,
      ok: r.diff_bytes_ratio.median < 0.1,
    })),
    row('longest_task_ms (import)', '≤ 200', (r) => ({
      text: cell(r.longest_task_ms, 0),
      ok: le(r.longest_task_ms, GOALS.longest_task_ms),
    })),
    row('naive_import_ms_scaled', 'compare', (r) => ({
      text: cell(r.naive_import_ms_scaled, 0),
      ok: null,
    })),
  ];
}

export function textTable(results: BenchResults): string {
  const names = (['chromium', 'firefox'] as const).filter((n) => results[n]);
  const rows = tableRows(results);
  const header = ['metric', 'goal', ...names.flatMap((n) => [n, 'met'])];
  const body = rows.map((r) => [
    r.metric,
    r.goal,
    ...names.flatMap((n) => [r.values[n]?.text ?? '', mark(r.values[n]?.ok ?? null)]),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' │ ');
  return [line(header), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...body.map(line)].join('\n');
}

export function markdownTable(results: BenchResults): string {
  const names = (['chromium', 'firefox'] as const).filter((n) => results[n]);
  const rows = tableRows(results);
  const header = `| metric | goal | ${names.map((n) => `${n} | met`).join(' | ')} |`;
  const sep = `|---|---|${names.map(() => '---|---').join('|')}|`;
  const body = rows.map(
    (r) =>
      `| ${r.metric} | ${r.goal} | ${names.map((n) => `${r.values[n]?.text ?? ''} | ${mark(r.values[n]?.ok ?? null)}`).join(' | ')} |`,
  );
  return [header, sep, ...body].join('\n');
}

// ---------------------------------------------------------------------------------------
// Scaling
// ---------------------------------------------------------------------------------------

export interface ScalingRow {
  browser: BrowserName;
  size: number;
  synthetic: number;
  raw_bytes: number;
  import_ms: number;
  parse_ms: number;
  hash_ms: number;
  write_ms: number;
  diff_update_ms: number;
  cold_verdict_ms: number;
  cold_wait_ms: number;
  warm_verdict_ms: number;
  nav_to_warning_p50_ms: number;
  heap_mb: number | null;
  storage_bytes: number;
  longest_task_ms: number | null;
}

export async function runScaling(
  sizes: number[],
  browsers: BrowserName[],
  outFile: string,
  log: (line: string) => void = (l) => console.log(l),
): Promise<ScalingRow[]> {
  const rows: ScalingRow[] = [];
  const counts: ScenarioCounts = { navToWarning: 10, pageLoads: 0, warmVerdicts: 40, naiveEntries: 0, lite: true };
  for (const size of sizes) {
    const tmp = path.join(PROJECT_ROOT, `bench/runs/scaling-${size}.json`);
    const r = await runBench({ size, runs: 1, browsers, counts, outFile: tmp, log });
    for (const b of browsers) {
      const x = r[b];
      if (!x) continue;
      rows.push({
        browser: b,
        size,
        synthetic: r.meta.list.synthetic,
        raw_bytes: r.meta.list.raw_bytes,
        import_ms: x.import_ms.median,
        parse_ms: x.import_split_ms.parse.median,
        hash_ms: x.import_split_ms.hash.median,
        write_ms: x.import_split_ms.write.median,
        diff_update_ms: x.diff_update_ms.median,
        cold_verdict_ms: x.cold_verdict_ms.median,
        cold_wait_ms: x.cold_wait_ms.median,
        warm_verdict_ms: x.warm_verdict_ms.median,
        nav_to_warning_p50_ms: x.nav_to_warning_ms.p50.median,
        heap_mb: x.heap_mb?.median ?? null,
        storage_bytes: x.storage_bytes.median,
        longest_task_ms: x.longest_task_ms?.median ?? null,
      });
    }
  }
  mkdirSync(path.dirname(outFile), { recursive: true });
  writeFileSync(
    outFile,
    JSON.stringify(
      { date: new Date().toISOString(), source: listSource().description, names: combinedDomains().length, rows },
      null,
      2,
    ) + '\n',
  );
  return rows;
}

export function scalingMarkdown(rows: ScalingRow[]): string {
  const n = (v: number | null, d: number) => (v === null || !Number.isFinite(v) ? 'n/a' : v.toFixed(d));
  return [
    '| browser | entries | import ms (parse/hash/write) | 1 % delta ms | cold lookup ms | cold wait ms | warm lookup ms | nav→warning p50 ms | heap MB | storage MB | longest task ms |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.browser} | ${r.size.toLocaleString('en-US')}${r.synthetic ? ` (${r.synthetic.toLocaleString('en-US')} synthetic)` : ''} | ${n(r.import_ms, 0)} (${n(r.parse_ms, 0)}/${n(r.hash_ms, 0)}/${n(r.write_ms, 0)}) | ${n(r.diff_update_ms, 0)} | ${n(r.cold_verdict_ms, 3)} | ${n(r.cold_wait_ms, 0)} | ${n(r.warm_verdict_ms, 4)} | ${n(r.nav_to_warning_p50_ms, 0)} | ${n(r.heap_mb, 1)} | ${n(r.storage_bytes / 1e6, 1)} | ${n(r.longest_task_ms, 0)} |`,
    ),
  ].join('\n');
}
