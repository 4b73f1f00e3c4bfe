/**
 * Measures the lookalike detector: false positives over popular legitimate domains,
 * detection over real phishing lists, and speed. Usage:
 *   npx tsx scripts/eval-lookalike.ts
 * Data: the project's public data set, found through scripts/data/shared-data.ts.
 * The phishing hosts are split in two halves by a hash of the host: rules are tuned on the
 * "tuned" half only (LOOKALIKE_DUMP_MISSED=file writes that half's misses, nothing of the
 * other); the "held-out" half's detection is the figure that counts.
 * Writes bench/eval-lookalike.json; exits 1 when the FP rate exceeds 1/10,000.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDomain, getPublicSuffix } from 'tldts';
import { toUnicode } from 'punycode/punycode.es6.js';
import { BRANDS } from '../src/lookalike/brands';
import { checkLookalike, type LookalikeMatch } from '../src/lookalike/index';
import {
  cleanHost,
  collect,
  DATA,
  hasData,
  loadLegit,
  missingDataMessage,
  plain,
  ROOT,
  type Extract,
} from './eval-data';

const FP_LIMIT = 1 / 10_000;

if (!hasData()) {
  console.log(missingDataMessage());
  process.exit(0);
}

function hostOfUrl(raw: string): string | null {
  const s = raw.trim();
  const rest = s.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const host = rest.split(/[/?#:]/)[0] ?? '';
  return cleanHost(host.replace(/^.*@/, ''));
}

const abp: Extract = (l) => {
  const m = /^\|\|([^/^$*]+)\^(?:\$.*)?$/.exec(l.trim());
  return m?.[1] ? cleanHost(m[1]) : null;
};

// ── Legitimate domains ──────────────────────────────────────────────────
const { legit, sources: legitSources } = loadLegit();

// ── Phishing hosts ──────────────────────────────────────────────────────
const phish = new Map<string, string>();
const phishSources: Record<string, number> = {
  'phishing_database ACTIVE': collect(
    'blocklists/phishing_database/phishing-domains-ACTIVE_2026-03-12.txt.gz',
    plain,
    phish,
  ),
  'openphish (URL column)': collect(
    'blocklists/openphish/openphish_feed_history_2024-10-12_2026-08-22.tsv.gz',
    (l) => hostOfUrl(l.split('\t')[0] ?? ''),
    phish,
    true,
  ),
  'ut1 phishing': collect('blocklists/ut1/phishing_domains_2025-07-13.txt.gz', plain, phish),
  'jarelllama scams': collect('blocklists/jarelllama/scams_wildcard-domains_2024-12-21.txt.gz', plain, phish),
  'romainmarcoux aa+ab':
    collect('blocklists/romainmarcoux/full-domains-aa.txt.gz', plain, phish) +
    collect('blocklists/romainmarcoux/full-domains-ab.txt.gz', plain, phish),
  'taiwan165 abp': collect('blocklists/taiwan165/ScamSiteGetFromTaiwan165.abp.txt', abp, phish),
  'houboyjacky lookalikes': collect('brands/lookalike_domains_examples_houboyjacky.abp.txt', abp, phish),
};

// ── "Imitates a brand", defined without the detector ────────────────────
// A host imitates brand B when, after punycode decoding, it contains one of B's strong
// labels: alphabetic labels of 5+ letters anywhere; 4-letter and numeric labels only
// between non-alphanumeric boundaries or letter/digit changes; and its registrable
// domain is none of any brand's official domains.
const official = new Set<string>();
for (const b of BRANDS)
  for (const d of b.officialDomains) official.add(getDomain(d, { allowPrivateDomains: true }) ?? d);
const probes = BRANDS.flatMap((b) =>
  b.labels.map((text) => {
    const numeric = /^[0-9]+$/.test(text);
    const re =
      text.length >= 5 && !numeric
        ? null
        : numeric
          ? new RegExp(`(?:^|[^0-9])${text}(?:$|[^0-9])`)
          : new RegExp(`(?:^|[^a-z])${text}(?:$|[^a-z])`);
    return { brand: b.id, text, re };
  }),
);

function imitates(host: string): string | null {
  const reg = getDomain(host, { allowPrivateDomains: true });
  if (!reg || official.has(reg)) return null;
  // The public suffix is the hosting platform's name (s3.amazonaws.com, web.app), not imitation.
  const suffix = getPublicSuffix(host, { allowPrivateDomains: true }) ?? '';
  let shown = host.slice(0, host.length - suffix.length - 1);
  if (shown.includes('xn--')) {
    try {
      shown = toUnicode(shown);
    } catch {
      // keep the ASCII form
    }
  }
  for (const p of probes) {
    if (p.re ? p.re.test(shown) : shown.includes(p.text)) return p.brand;
  }
  return null;
}

// ── The split ───────────────────────────────────────────────────────────
/** FNV-1a over the host's UTF-16 units: stable across runs and machines. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}
type Half = 'tuned' | 'heldOut';
const halfOf = (host: string): Half => ((fnv1a(host) & 1) === 0 ? 'tuned' : 'heldOut');

// ── Runs ────────────────────────────────────────────────────────────────
interface Flag extends LookalikeMatch {
  host: string;
  source: string;
}

const times: number[] = [];
function timed(host: string): LookalikeMatch | null {
  const t0 = process.hrtime.bigint();
  const r = checkLookalike(host);
  times.push(Number(process.hrtime.bigint() - t0) / 1000);
  return r;
}

if (legit.size === 0 || phish.size === 0) {
  console.error(`FAIL: no data under ${DATA} (set FRAUD_SENTRY_SHARED_DATA)`);
  process.exit(2);
}

// Warm up the JIT so the median reflects steady state.
let warm = 0;
for (const h of [...legit.keys()].slice(0, 20_000)) if (checkLookalike(h)) warm++;
void warm;

const fps: Flag[] = [];
for (const [host, source] of legit) {
  const r = timed(host);
  if (r) fps.push({ host, source, ...r });
}
const fpRate = fps.length / legit.size;

const bySource: Record<string, { hosts: number; imitating: number; caught: number; flaggedAll: number }> = {};
const kinds: Record<string, number> = { homograph: 0, typosquat: 0, combosquat: 0 };
const byBrand: Record<string, { imitating: number; caught: number }> = {};
const missedSample: string[] = [];
const missedTuned: string[] = [];
const halves: Record<Half, { imitating: number; caught: number }> = {
  tuned: { imitating: 0, caught: 0 },
  heldOut: { imitating: 0, caught: 0 },
};
let imitating = 0;
let caught = 0;
let flaggedAll = 0;
for (const [host, source] of phish) {
  const s = (bySource[source] ??= { hosts: 0, imitating: 0, caught: 0, flaggedAll: 0 });
  s.hosts++;
  const r = timed(host);
  if (r) {
    flaggedAll++;
    s.flaggedAll++;
    kinds[r.kind] = (kinds[r.kind] ?? 0) + 1;
  }
  const brand = imitates(host);
  if (!brand) continue;
  imitating++;
  s.imitating++;
  const half = halfOf(host);
  halves[half].imitating++;
  const bb = (byBrand[brand] ??= { imitating: 0, caught: 0 });
  bb.imitating++;
  if (r) {
    caught++;
    s.caught++;
    bb.caught++;
    halves[half].caught++;
  } else if (half === 'tuned') {
    missedTuned.push(`${host}\t${brand}\t${source}`);
    if (missedSample.length < 60 && imitating % 37 === 0) missedSample.push(host);
  }
}

// The curated lookalike examples on their own (not de-duplicated against other lists).
const curated = new Map<string, string>();
collect('brands/lookalike_domains_examples_houboyjacky.abp.txt', abp, curated);
const curatedStats = { hosts: curated.size, imitating: 0, caught: 0 };
for (const host of curated.keys()) {
  if (!imitates(host)) continue;
  curatedStats.imitating++;
  if (checkLookalike(host)) curatedStats.caught++;
}

const sorted = [...times].sort((a, b) => a - b);
const pct = (p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
const speed = {
  hosts: times.length,
  medianUs: +pct(0.5).toFixed(2),
  p95Us: +pct(0.95).toFixed(2),
  p99Us: +pct(0.99).toFixed(2),
  meanUs: +(times.reduce((a, b) => a + b, 0) / times.length).toFixed(2),
};

// ── Report ──────────────────────────────────────────────────────────────
const pctStr = (a: number, b: number): string => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`);
console.log(`data: ${DATA}\n`);
console.log('False positives over legitimate domains');
console.table(legitSources);
console.log(
  `  unique domains: ${legit.size}, flagged: ${fps.length}, rate: ${(fpRate * 10_000).toFixed(2)} per 10,000 (limit 1)`,
);
for (const f of fps) console.log(`  FP ${f.host}  → ${f.brandId} ${f.kind} (${f.score}) ${f.detail}  [${f.source}]`);
console.log('\nDetection over phishing lists (imitating = contains a strong brand label, not brand-owned)');
console.table(
  Object.fromEntries(Object.entries(bySource).map(([k, v]) => [k, { ...v, detection: pctStr(v.caught, v.imitating) }])),
);
console.log(`  unique hosts: ${phish.size}, imitating: ${imitating}, caught: ${caught} (${pctStr(caught, imitating)})`);
console.log('  split by a hash of the host (FNV-1a, low bit): rules tuned on one half, the other held out');
console.table({
  'tuned half': { ...halves.tuned, detection: pctStr(halves.tuned.caught, halves.tuned.imitating) },
  'held-out half (counts)': { ...halves.heldOut, detection: pctStr(halves.heldOut.caught, halves.heldOut.imitating) },
});
console.log(
  `  curated lookalike examples (houboyjacky, all ${curatedStats.hosts}): imitating ${curatedStats.imitating}, caught ${curatedStats.caught} (${pctStr(curatedStats.caught, curatedStats.imitating)})`,
);
console.log(
  `  flagged overall: ${flaggedAll} (${pctStr(flaggedAll, phish.size)} of all phishing hosts), by kind:`,
  kinds,
);
console.log('\nSpeed (µs per host, Node, after warm-up)');
console.table(speed);

const out = {
  generatedAt: new Date().toISOString(),
  dataDir: DATA,
  falsePositives: {
    domains: legit.size,
    sources: legitSources,
    flagged: fps.length,
    ratePer10k: +(fpRate * 10_000).toFixed(3),
    limitPer10k: 1,
    list: fps,
  },
  detection: {
    definition:
      'imitating = the host minus its public suffix (punycode decoded) contains a strong brand label (alphabetic ≥5 letters anywhere; 4-letter and numeric labels only between non-letters / non-digits) and its registrable domain is not an official brand domain',
    hosts: phish.size,
    sources: phishSources,
    imitating,
    caught,
    rate: imitating ? +(caught / imitating).toFixed(4) : 0,
    split: 'FNV-1a of the host, low bit 0 = tuned, 1 = held out',
    tuned: { ...halves.tuned, rate: +(halves.tuned.caught / (halves.tuned.imitating || 1)).toFixed(4) },
    heldOut: { ...halves.heldOut, rate: +(halves.heldOut.caught / (halves.heldOut.imitating || 1)).toFixed(4) },
    flaggedOverall: flaggedAll,
    curatedLookalikes: curatedStats,
    kinds,
    bySource,
    byBrand,
    missedSample,
  },
  speed,
};
mkdirSync(join(ROOT, 'bench'), { recursive: true });
writeFileSync(join(ROOT, 'bench', 'eval-lookalike.json'), JSON.stringify(out, null, 2) + '\n');
console.log('\nwrote bench/eval-lookalike.json');
const dump = process.env.LOOKALIKE_DUMP_MISSED;
if (dump) {
  writeFileSync(dump, missedTuned.join('\n') + '\n');
  console.log(`wrote the tuned half's ${missedTuned.length} misses to ${dump}`);
}
if (fpRate > FP_LIMIT) {
  console.error(`FAIL: false-positive rate ${(fpRate * 10_000).toFixed(2)}/10,000 exceeds 1/10,000`);
  process.exit(1);
}
