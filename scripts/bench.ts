// `npm run bench`: builds the extension (unless --no-build), runs the benchmark in real
// Chromium and Firefox ESR and writes bench/results.json. See docs/bench.md.
//
//   --size N            list size (default 1,000,000)
//   --runs R            runs per browser (default 3)
//   --browsers a,b      chromium,firefox (default both)
//   --sizes a,b,…       scaling table instead (bench/scaling.json), one run per size
//   --smoke             20,000 entries, 1 Chromium run (bench/smoke/results.json)
//   --out FILE          results file
//   --no-build          use the existing .output
//   --steady            Chrome: also wait for the before-load rules and measure again
//                       (several minutes a run: outside the default run's 10-minute budget)
//   --lists-only        build the list versions only, print their source and shape, and stop
//                       (no browser: shows which data a run would use)
//   --help              this text
//
// Data: the project's real combined list (1.8M hosts) when its data folder is beside the
// checkout or FRAUD_SENTRY_SHARED_DATA points at it; otherwise a generated list of the same
// size and shape. The run prints which, and writes it into the results.
import { readFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT } from '../tests/e2e/support/paths.ts';
import { buildLists, listSource } from './bench/data.ts';
import type { BrowserName } from './bench/drivers.ts';
import {
  DEFAULT_COUNTS,
  markdownTable,
  runBench,
  runScaling,
  scalingMarkdown,
  SMOKE_OPTIONS,
  textTable,
  type BenchOptions,
} from './bench/run.ts';

function parseArgs(argv: string[]) {
  const get = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    if (i >= 0) return argv[i + 1];
    const eq = argv.find((a) => a.startsWith(`${name}=`));
    return eq?.slice(name.length + 1);
  };
  const num = (name: string, fallback: number) => {
    const v = get(name);
    if (v === undefined) return fallback;
    const n = Number(v.replace(/[_,]/g, ''));
    if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} needs a positive integer, got ${v}`);
    return n;
  };
  const browsers = (get('--browsers') ?? 'chromium,firefox').split(',').map((b) => b.trim()) as BrowserName[];
  for (const b of browsers) if (b !== 'chromium' && b !== 'firefox') throw new Error(`unknown browser ${b}`);
  const sizes = get('--sizes')
    ?.split(',')
    .map((s) => Number(s.replace(/_/g, '')));
  return {
    smoke: argv.includes('--smoke'),
    build: !argv.includes('--no-build'),
    size: num('--size', 1_000_000),
    runs: num('--runs', 3),
    browsers,
    sizes,
    out: get('--out'),
    steady: argv.includes('--steady'),
    listsOnly: argv.includes('--lists-only'),
    help: argv.includes('--help') || argv.includes('-h'),
  };
}

/** The usage text: the comment at the top of this file. */
function usage(): string {
  const lines = readFileSync(new URL(import.meta.url), 'utf8').split('\n');
  const end = lines.findIndex((l) => !l.startsWith('//'));
  return lines
    .slice(0, end)
    .map((l) => l.replace(/^\/\/ ?/, ''))
    .join('\n');
}

/** Builds the lists a run would use and prints their source and shape, without a browser. */
function describeLists(size: number): void {
  const t0 = performance.now();
  const lists = buildLists(size, { listed: 60, oldOnly: 40, unlisted: 20 });
  const names = lists.textA.split('\n').filter(Boolean);
  const meanLength = names.reduce((sum, n) => sum + n.length, 0) / names.length;
  console.log(`list source: ${listSource().description}`);
  console.log(
    `${lists.size.toLocaleString('en')} entries (${lists.synthetic} synthetic), ` +
      `${(lists.rawBytes / 1e6).toFixed(1)} MB raw, ${meanLength.toFixed(1)} characters a name on average, ` +
      `built in ${((performance.now() - t0) / 1000).toFixed(1)} s; first names: ${names.slice(0, 3).join(' ')}`,
  );
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    console.log(usage());
    console.log(`\nThis machine: ${listSource().description}`);
    return;
  }
  if (args.listsOnly) {
    describeLists(args.smoke ? SMOKE_OPTIONS.size : args.size);
    return;
  }
  console.log(`list source: ${listSource().description}`);
  if (args.build) {
    // The packages the runs load (.output/…), not the zips `npm run build` also makes (each
    // `wxt zip` builds again): only the browsers asked for.
    const browsers = args.smoke ? ['chromium'] : args.browsers;
    for (const b of browsers) {
      const cmd = b === 'firefox' ? 'npx wxt build -b firefox' : 'npx wxt build';
      console.log(`building (${cmd}) …`);
      execSync(cmd, { cwd: PROJECT_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    }
  }
  if (args.sizes) {
    const out = args.out ?? path.join(PROJECT_ROOT, 'bench/scaling.json');
    const rows = await runScaling(args.sizes, args.browsers, out);
    console.log(`\n${scalingMarkdown(rows)}\n\nwritten to ${path.relative(PROJECT_ROOT, out)}`);
    return;
  }
  const options: BenchOptions = args.smoke
    ? { ...SMOKE_OPTIONS, outFile: args.out ?? path.join(PROJECT_ROOT, 'bench/smoke/results.json') }
    : {
        size: args.size,
        runs: args.runs,
        browsers: args.browsers,
        counts: { ...DEFAULT_COUNTS, steady: args.steady },
        outFile: args.out ?? path.join(PROJECT_ROOT, 'bench/results.json'),
      };
  const results = await runBench(options);
  console.log(`\n${textTable(results)}\n`);
  if (process.argv.includes('--markdown')) console.log(`${markdownTable(results)}\n`);
  console.log(
    `${results.meta.list.entries} entries, ${options.runs} run(s), ${results.meta.duration_s} s; written to ${path.relative(PROJECT_ROOT, options.outFile)}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
