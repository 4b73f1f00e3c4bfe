// `npm run eval`: the detectors' figures — lookalike false positives over the legitimate
// top lists and detection over real phishing lists, page heuristics over the hand-made
// fixtures, and script hosts caught by the bundled script lists. Exits non-zero when the
// lookalike false-positive rate or a heuristics fixture misses its mark.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
let failed = false;
for (const script of ['eval-lookalike.ts', 'eval-heuristics.ts', 'eval-scripts.ts']) {
  console.log(`\n== ${script}`);
  const run = spawnSync('npx', ['tsx', `scripts/${script}`], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) failed = true;
}
process.exitCode = failed ? 1 : 0;
