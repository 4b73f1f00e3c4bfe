// `npm run eval`: the detectors' figures — lookalike false positives over the legitimate
// top lists and detection over real phishing lists (a tuned and a held-out half), page
// heuristics over the hand-made fixtures, script hosts caught by the bundled script lists,
// and, for every list in the data set that is not bundled, what a fresh install warns about
// by layer. Exits non-zero when the lookalike false-positive rate or a heuristics fixture
// misses its mark. Without the shared data set it says what it needs and runs only what
// needs none (the heuristics fixtures live in tests/fixtures).
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { hasData, missingDataMessage } from './eval-data';

const root = resolve(import.meta.dirname, '..');
const withData = hasData();
if (!withData) console.log(`${missingDataMessage()}\nRunning only the evaluations that need no data.`);
const scripts = withData
  ? ['eval-lookalike.ts', 'eval-heuristics.ts', 'eval-scripts.ts', 'eval-coverage.ts']
  : ['eval-heuristics.ts'];
let failed = false;
for (const script of scripts) {
  console.log(`\n== ${script}`);
  const run = spawnSync('npx', ['tsx', `scripts/${script}`], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) failed = true;
}
process.exitCode = failed ? 1 : 0;
