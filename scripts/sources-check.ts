// npm run sources:check — for maintainers: fetches every address in public/sources.json
// and reports, per list and per address, the HTTP outcome, size, format detected and
// entry count against the copy in the package (the last known). With no network it says
// so and exits 0; a list whose every address fails makes it exit 1.
import { lookup } from 'node:dns/promises';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseList } from '../src/lists';
import { PACKAGED_REGISTRY } from '../src/update/default-lists.ts';
import { FeedError } from '../src/update/feed-error.ts';
import { fetchFromSources } from '../src/update/fetch-source.ts';
import { firstUrl } from '../src/update/registry-types.ts';

const root = resolve(import.meta.dirname, '..');
const limits = { maxBytes: 64 * 1024 * 1024, timeoutMs: 60_000 };

async function reachable(host: string): Promise<boolean> {
  const timeout = new Promise<false>((done) => setTimeout(() => done(false), 5000));
  return Promise.race([
    lookup(host).then(
      () => true,
      () => false,
    ),
    timeout,
  ]);
}

const firstHost = new URL(firstUrl(PACKAGED_REGISTRY.lists[0]!.sources[0]!)).hostname;
if (!(await reachable(firstHost))) {
  console.log(`No network: ${firstHost} does not resolve, so no source was checked (nothing is wrong with them).`);
  process.exit(0);
}

const rows: string[][] = [['list', 'address', 'outcome', 'size', 'format', 'entries', 'bundled', 'change']];
let broken = 0;
for (const list of PACKAGED_REGISTRY.lists) {
  const known = list.bundled ? parseList(readFileSync(resolve(root, 'public', list.bundled), 'utf8')) : null;
  const knownCount = known ? known.blockDomains.length + known.blockUrls.length : null;
  let working = 0;
  for (const source of list.sources) {
    const address = firstUrl(source);
    try {
      const result = await fetchFromSources([source], { etag: null, lastModified: null, servedBy: null }, limits);
      if (result.status !== 'ok') throw new FeedError('http', 'no body');
      const parsed = parseList(result.text);
      const count = parsed.blockDomains.length + parsed.blockUrls.length;
      const change = knownCount ? `${(((count - knownCount) / knownCount) * 100).toFixed(1)} %` : '';
      rows.push([
        list.id,
        address,
        'ok',
        `${(result.text.length / 1024).toFixed(0)} KiB`,
        parsed.format,
        String(count),
        String(knownCount ?? ''),
        change,
      ]);
      working++;
    } catch (error) {
      rows.push([
        list.id,
        address,
        `FAILED: ${error instanceof Error ? error.message : String(error)}`,
        '',
        '',
        '',
        String(knownCount ?? ''),
        '',
      ]);
    }
  }
  if (working === 0) broken++;
}

const widths = rows[0]!.map((_, i) => Math.min(60, Math.max(...rows.map((r) => (r[i] ?? '').length))));
for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  '));
console.log(broken === 0 ? 'Every list has a working address.' : `${broken} list(s) have no working address.`);
process.exit(broken === 0 ? 0 : 1);
