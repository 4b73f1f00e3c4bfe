// The benchmark's smoke mode (20,000 entries, one Chromium run), run in-process: checks
// that every figure bench/results.json promises is produced as a finite number. No timing
// thresholds here: on a shared machine they would make the suite flaky. `npm run bench`
// measures against the goals (docs/bench.md).
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../support/paths';
import { runSmokeBench } from '../../../scripts/bench/run';

const STAT_KEYS = [
  'import_ms',
  'cold_verdict_ms',
  'cold_wait_ms',
  'warm_verdict_ms',
  'pageload_overhead_ratio',
  'heap_mb',
  'storage_bytes',
  'storage_ratio',
  'diff_update_ms',
  'diff_bytes_written',
  'longest_task_ms',
  'naive_import_ms_scaled',
] as const;

interface StatLike {
  median: unknown;
  min: unknown;
  max: unknown;
}

function expectStat(value: unknown, key: string): void {
  expect(value, key).toBeTruthy();
  const s = value as StatLike;
  for (const f of ['median', 'min', 'max'] as const) {
    expect(typeof s[f], `${key}.${f}`).toBe('number');
    expect(Number.isFinite(s[f] as number), `${key}.${f} is finite`).toBe(true);
  }
}

test('smoke benchmark writes every figure as a finite number', async () => {
  // The steady phase waits for the bundled lists' before-load rules (a minute or two).
  test.setTimeout(600_000);
  const outFile = path.join(PROJECT_ROOT, 'bench/smoke/results.json');
  await runSmokeBench(outFile);
  const results = JSON.parse(readFileSync(outFile, 'utf8')) as Record<string, Record<string, unknown>>;
  const chromium = results.chromium;
  expect(chromium, 'chromium results').toBeTruthy();
  for (const key of STAT_KEYS) expectStat(chromium?.[key], key);
  const nav = chromium?.nav_to_warning_ms as { p50: unknown; p95: unknown } | undefined;
  expectStat(nav?.p50, 'nav_to_warning_ms.p50');
  expectStat(nav?.p95, 'nav_to_warning_ms.p95');
  // Once the rules were in: a 1 %-changed update went in as a delta, its rules too.
  const steady = chromium?.steady as Record<string, unknown> | null | undefined;
  expect(steady, `steady figures (${JSON.stringify(chromium?.steady_notes)})`).toBeTruthy();
  expect(steady?.delta_mode).toEqual(['delta']);
  expectStat(steady?.delta_rules_ms, 'steady.delta_rules_ms');
  expect(steady?.delta_rules_domains_added).toEqual([200]);
  expectStat((steady?.nav_to_warning_ms as { p50: unknown }).p50, 'steady.nav_to_warning_ms.p50');
  expectStat(steady?.pageload_overhead_ratio, 'steady.pageload_overhead_ratio');
  const meta = results.meta as { list: { entries: number; raw_bytes: number }; machine: { nproc: number } };
  expect(meta.list.entries).toBe(20_000);
  expect(meta.list.raw_bytes).toBeGreaterThan(0);
  expect(meta.machine.nproc).toBeGreaterThan(0);
});
