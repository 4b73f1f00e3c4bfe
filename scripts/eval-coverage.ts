/**
 * What a fresh install warns about, list by list: for every list in the data set's blocklists/
 * that is not bundled (src/update/default-lists.ts), the share of its entries whose page a
 * fresh install warns about, by layer: the bundled lists (the matcher the background builds
 * from public/lists), then the lookalike detector on what no list names. The page heuristics
 * judge a page's content, which a list of addresses does not have: that column is n/a. One
 * more row gives the legitimate top-list domains warned about (false positives) by the same
 * layers. Writes bench/eval-coverage.json.
 *   npx tsx scripts/eval-coverage.ts
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseList } from '../src/lists';
import { checkLookalikeUrl } from '../src/lookalike/index';
import { Matcher } from '../src/match/matcher';
import { BUNDLED_LISTS } from '../src/update/default-lists';
import { rulesOf } from '../src/update/import-list';
import { DATA, hasData, loadLegit, missingDataMessage, readText, ROOT } from './eval-data';

if (!hasData()) {
  console.log(missingDataMessage());
  process.exit(0);
}

// The fresh install: every bundled list, from the copies shipped in the package.
const lists = BUNDLED_LISTS.map((d) => ({
  id: d.id,
  name: d.name,
  category: d.category,
  ...rulesOf(parseList(readFileSync(join(ROOT, 'public', d.bundledPath), 'utf8'))),
}));
const matcher = new Matcher(lists, { blockedSites: [], trustedSites: [] });
const bundled = new Set(BUNDLED_LISTS.map((d) => d.sharedSource));

/** Union of every list, made for the data set: not a list anyone publishes. */
const SKIPPED = new Set(['blocklists/COMBINED_unique_hosts_all_blocklists.txt.gz']);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [relative(DATA, full).split('\\').join('/')];
  });
}

type Layer = 'lists' | 'lookalike' | 'none';

/** Which layer warns about the page at `url` first (lists before the lookalike detector, as the background does). */
function layerOf(url: string): Layer {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'none';
  }
  const verdict = matcher.checkUrl(parsed);
  if (verdict.kind === 'blocked') return 'lists';
  if (verdict.kind === 'clean' && checkLookalikeUrl(parsed)) return 'lookalike';
  return 'none';
}

/** A list's entries as page URLs: domain entries as the site's home page, URL entries as they are. */
function pagesOf(rel: string): string[] | null {
  let text = readText(rel);
  if (text === null) return null;
  // OpenPhish history: the URL is the first column of a TSV with a header.
  if (rel.endsWith('.tsv') || rel.endsWith('.tsv.gz')) {
    text = text
      .split('\n')
      .slice(1)
      .map((l) => l.split('\t')[0] ?? '')
      .join('\n');
  }
  const parsed = parseList(text);
  return [...parsed.blockDomains.map((d) => `http://${d}/`), ...parsed.blockUrls.map((u) => `http://${u}`)];
}

interface Row {
  list: string;
  entries: number;
  lists: number;
  lookalike: number;
  heuristics: string;
  warned: number;
}

const pct = (n: number, of: number): string => (of === 0 ? '-' : `${((100 * n) / of).toFixed(1)} %`);
const rows: Row[] = [];
for (const rel of files(join(DATA, 'blocklists')).sort()) {
  if (bundled.has(rel) || SKIPPED.has(rel) || rel.endsWith('.md')) continue;
  const pages = pagesOf(rel);
  if (!pages || pages.length === 0) continue;
  const count = { lists: 0, lookalike: 0, none: 0 };
  for (const url of pages) count[layerOf(url)]++;
  rows.push({
    list: rel.replace(/^blocklists\//, ''),
    entries: pages.length,
    lists: count.lists,
    lookalike: count.lookalike,
    heuristics: 'n/a',
    warned: count.lists + count.lookalike,
  });
}

const { legit } = loadLegit();
const fp = { lists: 0, lookalike: 0, none: 0 };
const fpHosts: string[] = [];
for (const host of legit.keys()) {
  const layer = layerOf(`http://${host}/`);
  fp[layer]++;
  if (layer !== 'none') fpHosts.push(`${host} (${layer})`);
}

console.log(`data: ${DATA}`);
console.log(
  `fresh install: ${BUNDLED_LISTS.length} bundled lists (src/update/default-lists.ts) + the lookalike detector\n`,
);
console.log('Entries of each list not bundled that a fresh install warns about, by the layer that warns first');
console.table(
  Object.fromEntries(
    rows.map((r) => [
      r.list,
      {
        entries: r.entries,
        'lists %': pct(r.lists, r.entries),
        'lookalike %': pct(r.lookalike, r.entries),
        'heuristics %': r.heuristics,
        'warned %': pct(r.warned, r.entries),
      },
    ]),
  ),
);
const total = rows.reduce((a, r) => ({ entries: a.entries + r.entries, warned: a.warned + r.warned }), {
  entries: 0,
  warned: 0,
});
console.log(`all rows: ${total.warned} of ${total.entries} entries warned about (${pct(total.warned, total.entries)})`);
console.log(
  `false positives: ${fp.lists + fp.lookalike} of ${legit.size} legitimate top-list domains warned about ` +
    `(lists ${fp.lists}, lookalike ${fp.lookalike}; ${((10_000 * (fp.lists + fp.lookalike)) / legit.size).toFixed(2)} per 10,000)`,
);
console.log(`  ${fpHosts.slice(0, 60).join(', ')}${fpHosts.length > 60 ? ', …' : ''}`);

mkdirSync(join(ROOT, 'bench'), { recursive: true });
writeFileSync(
  join(ROOT, 'bench', 'eval-coverage.json'),
  JSON.stringify(
    {
      generatedAt: new Date().toISOString(),
      bundled: BUNDLED_LISTS.map((d) => d.id),
      rows,
      falsePositives: { domains: legit.size, ...fp, hosts: fpHosts },
    },
    null,
    2,
  ) + '\n',
);
console.log('\nwrote bench/eval-coverage.json');
