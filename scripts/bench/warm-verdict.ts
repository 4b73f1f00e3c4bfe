// Warm verdicts in the real browser, for one or more builds of the extension side by side:
// each build's Chromium imports the same list, then every build visits the same pages in
// turn (build A, build B, A, B… for every page), so machine load falls on all alike. Round
// 1 is every host's first visit; later rounds revisit them (as the benchmark's warm phase
// does: it cycles through 53 hosts). Reads the background's own diagnostics `lookupMs`.
//   npx tsx scripts/bench/warm-verdict.ts [--size 1000000] [--hosts 60] [--rounds 3] \
//     [--ext .output/chrome-mv3,/tmp/other-build]
// Chromium's clock in a service worker steps by 0.1 ms with jitter, so besides the median
// the mean is printed: averaged over many verdicts it resolves well below one step.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { startTestServer } from '../../tests/e2e/support/feed-server.ts';
import { CHROME_EXT_DIR } from '../../tests/e2e/support/paths.ts';
import { hasData, missingDataMessage, readData } from '../data/shared-data.ts';
import { combinedDomains } from './data.ts';
import { launchChromiumExt, type ExtBrowser } from './drivers.ts';
import { sleep } from './stats.ts';

const args = process.argv.slice(2);
const opt = (name: string, def: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? (args[i + 1] as string) : def;
};
const size = Number(opt('size', '1000000'));
const hostCount = Number(opt('hosts', '60'));
const rounds = Number(opt('rounds', '3'));
const extDirs = opt('ext', CHROME_EXT_DIR).split(',');
/** Writes a CPU profile of the first build's service worker over the visits (sampled every 50 µs). */
const profileOut = opt('profile', '');

const domains = combinedDomains().slice(0, size);
const listed = new Set(domains);
// Half the bench's own unlisted hosts, half popular sites no list names (a realistic mix:
// real registrable domains, some with subdomains, through the lookalike detector).
const TOP = 'toplists/tranco_top10k_2025-06.csv';
if (!hasData(TOP)) {
  console.error(missingDataMessage('warm-verdict', [TOP], 'npx tsx scripts/bench/warm-verdict.ts'));
  process.exit(2);
}
const top = readData(TOP)
  .split('\n')
  .map((l) => l.split(/[\s,]/)[0]?.trim().toLowerCase() ?? '')
  .filter((h) => /^[a-z0-9.-]+\.[a-z]+$/.test(h) && !listed.has(h));
const hosts: string[] = [];
for (let i = 0; hosts.length < hostCount; i++) {
  hosts.push(i % 2 === 0 ? `u${i}.unlisted.fsbench.test` : (top[i * 37] as string));
}
if (hostCount * rounds > 450) throw new Error('at most 450 verdicts a run (diagnostics keep 500)');

const server = await startTestServer();
server.setFeed('warm.txt', { body: domains.join('\n') + '\n', etag: false });
const builds: { dir: string; ext: ExtBrowser; seen: number; first: number[]; again: number[] }[] = [];
for (const dir of extDirs) {
  const ext = await launchChromiumExt(path.resolve(dir));
  const t0 = Date.now();
  await ext.send('lists.subscribe', { url: server.feedUrl('warm.txt', '127.0.0.1') });
  console.log(`${dir}: imported ${size} in ${Date.now() - t0} ms`);
  builds.push({ dir, ext, seen: 0, first: [], again: [] });
}
for (const b of builds) await b.ext.quiet();
await sleep(2000); // the matcher's filter is filled in slices after an import

async function newLookups(b: (typeof builds)[number]): Promise<number[]> {
  const d = await b.ext.send<{ lookupMs: number[] }>('diagnostics.get', {});
  // Diagnostics keep the last 500 timings: the run stays under that (see the check above).
  const fresh = d.lookupMs.slice(b.seen);
  b.seen = d.lookupMs.length;
  return fresh;
}
for (const b of builds) await newLookups(b);

const profiled = profileOut ? await builds[0]?.ext.workerCdp?.() : undefined;
if (profiled) {
  await profiled.send('Profiler.enable');
  await profiled.send('Profiler.setSamplingInterval', { interval: 50 });
  await profiled.send('Profiler.start');
}
for (let r = 0; r < rounds; r++) {
  for (const host of hosts) {
    for (const b of builds) {
      await b.ext.tab.goto(server.url(host, `/?r${r}`), { waitUntil: 'domcontentloaded' }).catch(() => undefined);
      await sleep(30);
      (r === 0 ? b.first : b.again).push(...(await newLookups(b)));
    }
  }
}

if (profiled) {
  const { profile } = await profiled.send('Profiler.stop');
  writeFileSync(profileOut, JSON.stringify(profile));
  console.log(`profile written to ${profileOut}`);
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const q = (xs: number[], p: number) => sorted(xs)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? NaN;
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const fmt = (xs: number[]) =>
  `n ${xs.length}, median ${q(xs, 0.5).toFixed(3)}, mean ${mean(xs).toFixed(4)}, p95 ${q(xs, 0.95).toFixed(3)}, max ${Math.max(...xs).toFixed(3)} ms`;
for (const b of builds) {
  console.log(`\n${b.dir}`);
  console.log(`  first visits: ${fmt(b.first)}`);
  console.log(`  revisits:     ${fmt(b.again)}`);
  console.log(`  all:          ${fmt([...b.first, ...b.again])}`);
  await b.ext.close();
}
await server.close();
