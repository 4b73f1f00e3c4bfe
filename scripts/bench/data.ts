// The benchmark's lists: the first N unique lines of the project's combined blocklist
// (1.8M real hosts, in the data folder outside the repository) or, when that is absent, of
// a generated list of the same size and shape; plus the versions derived from it (a
// 15 %-changed one that forces a full rewrite, a 1 %-changed one that should go in as a
// delta) and the host names the browsers visit.
import { generateHosts, REAL_LIST_SIZE } from '../../tests/e2e/support/generated-hosts.ts';
import { DATA_ENV, hasData, readData, SHARED_DATA } from '../data/shared-data.ts';

const COMBINED_LIST = 'blocklists/COMBINED_unique_hosts_all_blocklists.txt.gz';

/** Which list the benchmark draws its names from; printed and written with the results. */
export function listSource(): { real: boolean; description: string } {
  return hasData(COMBINED_LIST)
    ? { real: true, description: `real hosts: ${COMBINED_LIST} in ${SHARED_DATA}` }
    : {
        real: false,
        description:
          `generated hosts (${REAL_LIST_SIZE.toLocaleString('en')} names shaped like the real list, ` +
          `tests/e2e/support/generated-hosts.ts): no ${COMBINED_LIST} in ${SHARED_DATA}; ` +
          `set ${DATA_ENV} to use the real one`,
      };
}

/** Share of entries replaced in version B (> 10 %, so the product rewrites the list whole). */
export const B_CHANGED_PER_100 = 15;

export interface BenchLists {
  size: number;
  /** How many of the `size` names are synthetic (only when size exceeds the real list). */
  synthetic: number;
  /** Version A (the first import), B (15 % replaced), C (B with 1 % replaced) and D (C with another 1 %). */
  textA: string;
  textB: string;
  textC: string;
  textD: string;
  rawBytes: number;
  /** Listed in A, B, C and D: for verdicts, the cold start and navigation-to-warning. */
  listedHosts: string[];
  /** Listed in A only: still warned while B is being imported, gone afterwards. */
  oldOnlyHosts: string[];
  /** Never listed (the .test TLD is reserved). */
  unlistedHosts: string[];
}

let combinedCache: string[] | null = null;

/** Unique lines of the combined list, in file order (or the generated stand-in). */
export function combinedDomains(): string[] {
  if (combinedCache) return combinedCache;
  if (!listSource().real) {
    combinedCache = generateHosts(REAL_LIST_SIZE);
    return combinedCache;
  }
  const text = readData(COMBINED_LIST);
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || seen.has(line)) continue;
    seen.add(line);
    out.push(line);
  }
  combinedCache = out;
  return out;
}

/** A plain host name that every browser resolves through the test mapping and the parser accepts. */
function visitable(host: string): boolean {
  return /^[a-z0-9]([a-z0-9-]{0,40}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,40}[a-z0-9])?)+$/.test(host) && host.length < 60;
}

/** Picks `count` visitable entries spread evenly over the indices that satisfy `keep`. */
function pick(domains: readonly string[], count: number, keep: (i: number) => boolean): string[] {
  const out: string[] = [];
  const step = Math.max(1, Math.floor(domains.length / (count * 3)));
  for (let i = 0; i < domains.length && out.length < count; i += step) {
    // Walk forward to the next index that qualifies.
    for (let j = i; j < Math.min(domains.length, i + step); j++) {
      const d = domains[j] as string;
      if (keep(j) && visitable(d)) {
        out.push(d);
        break;
      }
    }
  }
  return out;
}

export function buildLists(
  size: number,
  counts: { listed: number; oldOnly: number; unlisted: number },
): BenchLists {
  // The generated list's first N names are the same whatever its length: make only those.
  const names = listSource().real ? combinedDomains() : generateHosts(Math.min(size, REAL_LIST_SIZE));
  const a = names.slice(0, size);
  let synthetic = 0;
  // Beyond the real list (1.8M names): synthetic names shaped like the real ones.
  while (a.length < size) {
    a.push(`s${synthetic.toString(36)}-fsbench.example-${synthetic % 97}.com`);
    synthetic++;
  }
  const b = a.map((d, i) => (i % 100 < B_CHANGED_PER_100 ? `b${i.toString(36)}.fsbench-b.com` : d));
  const c = b.map((d, i) => (i % 100 === 50 ? `c${i.toString(36)}.fsbench-c.com` : d));
  const d = c.map((x, i) => (i % 100 === 51 ? `d${i.toString(36)}.fsbench-d.com` : x));
  const textA = a.join('\n') + '\n';
  const kept = (i: number) => i % 100 >= 60;
  const listedHosts = pick(a, counts.listed, kept);
  const oldOnlyHosts = pick(a, counts.oldOnly, (i) => i % 100 < B_CHANGED_PER_100);
  const unlistedHosts = Array.from({ length: counts.unlisted }, (_, i) => `u${i}.unlisted.fsbench.test`);
  return {
    size,
    synthetic,
    textA,
    textB: b.join('\n') + '\n',
    textC: c.join('\n') + '\n',
    textD: d.join('\n') + '\n',
    rawBytes: Buffer.byteLength(textA, 'utf8'),
    listedHosts,
    oldOnlyHosts,
    unlistedHosts,
  };
}
