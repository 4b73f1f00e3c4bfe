// Node micro-benchmark of one warm verdict as the background takes it (SentryService.check:
// the matcher, then the lookalike detector for a clean host), with the bundled lists plus
// the benchmark's 1M list loaded. Prints the median per verdict and a split by step.
//   npx tsx scripts/bench/verdict-profile.ts [--size 1000000] [--rounds 5]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseList } from '../../src/lists';
import { checkLookalike } from '../../src/lookalike';
import { domainCandidates } from '../../src/match/candidates';
import { Matcher } from '../../src/match/matcher';
import type { ListIndex } from '../../src/match/types';
import { lookalikeVerdict } from '../../src/background/lookalike-verdict';
import { DEFAULT_LISTS } from '../../src/update/default-lists';
import { rulesOf } from '../../src/update/import-list';
import { PROJECT_ROOT } from '../../tests/e2e/support/paths.ts';
import { combinedDomains } from './data.ts';

const args = process.argv.slice(2);
const opt = (name: string, def: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : def;
};
const size = opt('size', 1_000_000);
const rounds = opt('rounds', 5);

const lists: ListIndex[] = DEFAULT_LISTS.map((d) => ({
  id: d.id,
  name: d.name,
  category: d.category,
  ...rulesOf(parseList(readFileSync(path.join(PROJECT_ROOT, 'public', d.bundledPath), 'utf8'))),
}));
const big = combinedDomains().slice(0, size);
lists.push({ id: 'sub-bench', name: 'bench', category: 'fraud', ...rulesOf(parseList(big.join('\n'))) });
console.log(`${lists.length} lists, ${lists.reduce((n, l) => n + l.blockDomains.length, 0)} block domains`);

const matcher = new Matcher(lists, { blockedSites: [], trustedSites: [] });
while (!matcher.filterReady) await new Promise((resolve) => setTimeout(resolve, 10));
// What the benchmark visits (u<i>.unlisted.fsbench.test) and some ordinary clean hosts.
const hosts = [
  ...Array.from({ length: 200 }, (_, i) => `u${i}.unlisted.fsbench.test`),
  ...['www.example.com', 'news.bbc.co.uk', 'mail.google.com', 'zh.wikipedia.org', 'a.b.c.example.com.cn'],
];
const urls = hosts.map((h) => `https://${h}/?warm1`);

function check(url: string) {
  const v = matcher.check(url);
  return v.kind === 'clean' ? (lookalikeVerdict(v.host) ?? v) : v;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
function perCall(fn: (i: number) => unknown, n: number): number {
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) fn(i);
    times.push(((performance.now() - t0) / n) * 1000);
  }
  return median(times);
}

for (let i = 0; i < 2000; i++) check(urls[i % urls.length] as string); // warm-up (JIT)
const n = 5 * urls.length;
let clean = 0;
for (const u of urls) if (check(u).kind === 'clean') clean++;
console.log(`${clean}/${urls.length} clean`);
console.log(`verdict (matcher + lookalike): ${perCall((i) => check(urls[i % urls.length] as string), n).toFixed(1)} µs`);
console.log(
  `verdict, lookalike never cached: ${perCall((i) => {
    const v = matcher.check(urls[i % urls.length] as string);
    return v.kind === 'clean' ? checkLookalike(v.host) : v;
  }, n).toFixed(1)} µs`,
);
console.log(`  matcher.check:            ${perCall((i) => matcher.check(urls[i % urls.length] as string), n).toFixed(1)} µs`);
console.log(`  new URL:                  ${perCall((i) => new URL(urls[i % urls.length] as string), n).toFixed(1)} µs`);
console.log(`  domainCandidates:         ${perCall((i) => domainCandidates(hosts[i % hosts.length] as string), n).toFixed(1)} µs`);
console.log(`  checkLookalike:           ${perCall((i) => checkLookalike(hosts[i % hosts.length] as string), n).toFixed(1)} µs`);
// One verdict at a time, as the background sees them (a cold-ish cache between verdicts).
const single: number[] = [];
for (let i = 0; i < 400; i++) {
  const t0 = performance.now();
  check(urls[i % urls.length] as string);
  single.push((performance.now() - t0) * 1000);
}
console.log(`single verdicts, median ${median(single).toFixed(1)} µs, p95 ${[...single].sort((a, b) => a - b)[380]!.toFixed(1)} µs`);
