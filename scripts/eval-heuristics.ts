/**
 * Runs evaluatePage over every page fixture (tests/fixtures/pages/manifest.json) in happy-dom
 * and prints fixture / expected / got / score / reasons. Exits 1 on any mismatch.
 *   npx tsx scripts/eval-heuristics.ts
 */
import { evaluatePage, WARN_THRESHOLD } from '../src/heuristics/evaluate';
import { readManifest, snapshotFixture } from '../tests/unit/heuristics/fixture-dom';

async function main(): Promise<void> {
  const rows: string[][] = [['fixture', 'expected', 'got', 'score', 'ms', 'findings']];
  let mismatches = 0;
  for (const entry of readManifest()) {
    const snap = await snapshotFixture(entry.file);
    const res = evaluatePage(snap);
    const got = res.warn ? 'warn' : 'silent';
    if (got !== entry.expect) mismatches++;
    const findings = res.findings.map((f) => `${f.id} ${f.score.toFixed(2)}: ${f.evidence.join(' / ')}`).join(' || ');
    rows.push([
      entry.file,
      entry.expect,
      got === entry.expect ? got : `${got} ✗`,
      res.score.toFixed(2),
      snap.elapsedMs.toFixed(1),
      findings || '-',
    ]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (i === 5 ? 0 : (r[i] ?? '').length))));
  for (const r of rows) console.log(r.map((c, i) => (i === 5 ? c : c.padEnd(widths[i] ?? 0))).join(' | '));
  console.log(
    `\nthreshold ${WARN_THRESHOLD}; ${mismatches === 0 ? 'all fixtures as expected' : `${mismatches} mismatch(es)`}`,
  );
  process.exitCode = mismatches === 0 ? 0 : 1;
}

void main();
