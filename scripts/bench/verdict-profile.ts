// Node micro-benchmark of one warm verdict as the background takes it (SentryService.check:
// the matcher, then the lookalike detector for a clean host), with the bundled lists plus
// the benchmark's 1M list loaded. Prints the median per verdict and a split by step, then
// first-visit verdicts (no LRU hit) over a realistic mix of legitimate and phishing hosts.
//   npx tsx scripts/bench/verdict-profile.ts [--size 1000000] [--rounds 5] [--mix 4000]
// A short-lived service worker rarely reaches the optimising compilers; to approximate it:
//   node --max-opt=1 --import tsx scripts/bench/verdict-profile.ts
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'tldts';
import { parseList } from '../../src/lists';
import { checkLookalike } from '../../src/lookalike';
import { domainCandidates } from '../../src/match/candidates';
import { Matcher } from '../../src/match/matcher';
import type { ListIndex } from '../../src/match/types';
import { lookalikeVerdict } from '../../src/background/lookalike-verdict';
import { BUNDLED_LISTS } from '../../src/update/default-lists';
import { rulesOf } from '../../src/update/import-list';
import { PROJECT_ROOT } from '../../tests/e2e/support/paths.ts';
import { hasData, missingDataMessage, readData } from '../data/shared-data.ts';
import { combinedDomains } from './data.ts';

const args = process.argv.slice(2);
const opt = (name: string, def: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : def;
};
const size = opt('size', 1_000_000);
const rounds = opt('rounds', 5);
const mixSize = opt('mix', 4000);

const lists: ListIndex[] = BUNDLED_LISTS.map((d) => ({
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

// ── First visits over a realistic mix ─────────────────────────────────────
// Every `step`-th host of the shared top lists (legitimate) and phishing feeds, half each,
// checked once per round: more distinct hosts than the LRU holds, so every verdict misses it.
const MIX_FILES = [
  'toplists/tranco_top10k_2025-06.csv',
  'toplists/cloudflare_radar_top100k_2024-01-22_2024-01-29.csv.gz',
  'blocklists/phishing_database/phishing-domains-ACTIVE_2026-03-12.txt.gz',
  'blocklists/openphish/openphish_feed_history_2024-10-12_2026-08-22.tsv.gz',
];
if (!MIX_FILES.every((f) => hasData(f))) {
  console.error(missingDataMessage('verdict-profile (first visits over a realistic mix)', MIX_FILES, 'npx tsx scripts/bench/verdict-profile.ts'));
  process.exit(2);
}
function sampleHosts(rel: string, count: number, extract: (line: string) => string | null): string[] {
  const lines = readData(rel).split('\n');
  const out: string[] = [];
  const step = Math.max(1, Math.floor(lines.length / count));
  for (let i = 1; i < lines.length && out.length < count; i += step) {
    const h = extract(lines[i] as string)?.trim().toLowerCase();
    if (h && /^[a-z0-9._-]+$/.test(h) && h.includes('.')) out.push(h);
  }
  return out;
}
const firstColumn = (l: string) => l.split(/[\s,]/)[0] ?? null;
const urlHost = (l: string) => /^[a-z]+:\/\/([^/?#:@]+)/i.exec(l)?.[1] ?? null;
const quarter = Math.ceil(mixSize / 4);
const mix = [
  ...sampleHosts('toplists/tranco_top10k_2025-06.csv', quarter, firstColumn),
  ...sampleHosts('toplists/cloudflare_radar_top100k_2024-01-22_2024-01-29.csv.gz', quarter, firstColumn),
  ...sampleHosts('blocklists/phishing_database/phishing-domains-ACTIVE_2026-03-12.txt.gz', quarter, firstColumn),
  ...sampleHosts('blocklists/openphish/openphish_feed_history_2024-10-12_2026-08-22.tsv.gz', quarter, urlHost),
];
// Interleave deterministically so no stretch of the run sees one source only.
for (let i = mix.length - 1; i > 0; i--) {
  const j = (i * 7919) % (i + 1);
  [mix[i], mix[j]] = [mix[j] as string, mix[i] as string];
}
const mixUrls = mix.map((h) => `https://${h}/`);
const unlisted = mixUrls.filter((u) => matcher.check(u).kind === 'clean');
const unlistedHosts = unlisted.map((u) => new URL(u).hostname);
console.log(`\nmix: ${mix.length} hosts (${unlisted.length} unlisted), ${rounds} rounds of one visit each`);

/** Median of single timed calls, one per item per round; the median of the rounds' medians. */
function singleCalls<T>(items: readonly T[], fn: (x: T) => unknown): { median: number; p95: number } {
  const medians: number[] = [];
  const p95s: number[] = [];
  const t = new Float64Array(items.length);
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < items.length; i++) {
      const t0 = performance.now();
      fn(items[i] as T);
      t[i] = (performance.now() - t0) * 1000;
    }
    const sorted = Array.from(t).sort((a, b) => a - b);
    medians.push(sorted[Math.floor(sorted.length / 2)] as number);
    p95s.push(sorted[Math.floor(sorted.length * 0.95)] as number);
  }
  return { median: median(medians), p95: median(p95s) };
}
const fmt = (x: { median: number; p95: number }) => `median ${x.median.toFixed(1)} µs, p95 ${x.p95.toFixed(1)} µs`;
const mixOpts = { allowPrivateDomains: true, extractHostname: false, mixedInputs: false } as const;
console.log(`first-visit verdict, unlisted hosts: ${fmt(singleCalls(unlisted, check))}`);
console.log(`first-visit verdict, whole mix:      ${fmt(singleCalls(mixUrls, check))}`);
console.log(`  matcher.check (unlisted):          ${fmt(singleCalls(unlisted, (u) => matcher.check(u)))}`);
console.log(`  checkLookalike (unlisted):         ${fmt(singleCalls(unlistedHosts, checkLookalike))}`);
console.log(`  tldts parse (unlisted):            ${fmt(singleCalls(unlistedHosts, (h) => parse(h, mixOpts)))}`);
