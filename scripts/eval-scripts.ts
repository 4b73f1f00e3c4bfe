// How many script hosts from the data set's malicious_js/ the bundled script-host lists catch:
// each file's hosts are checked, as script URLs, against the matcher built from the lists
// shipped in public/lists (the same code the background runs). Writes bench/eval-scripts.json.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseList } from '../src/lists';
import { Matcher } from '../src/match/matcher';
import { BUNDLED_LISTS } from '../src/update/default-lists';
import { rulesOf } from '../src/update/import-list';
import { hasData, missingDataMessage, SHARED_DATA } from './data/shared-data';

const root = resolve(import.meta.dirname, '..');
if (!hasData('malicious_js/maltrail')) {
  console.log(
    missingDataMessage(
      'eval-scripts',
      ['malicious_js/ and malicious_js/maltrail/: the real script-host lists'],
      'npm run eval',
    ),
  );
  process.exit(0);
}
const lists = BUNDLED_LISTS.filter((d) => d.category === 'script').map((d) => ({
  id: d.id,
  name: d.name,
  category: d.category,
  ...rulesOf(parseList(readFileSync(join(root, 'public', d.bundledPath), 'utf8'))),
}));
const matcher = new Matcher(lists, { blockedSites: [], trustedSites: [] });

const dir = join(SHARED_DATA, 'malicious_js');
const files = [
  ...readdirSync(dir).map((f) => join(dir, f)),
  ...readdirSync(join(dir, 'maltrail')).map((f) => join(dir, 'maltrail', f)),
].filter((f) => /\.(txt|gz)$/.test(f));
const rows = files.map((file) => {
  const raw = readFileSync(file);
  const parsed = parseList((file.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8'));
  const hosts = parsed.blockDomains;
  const caught = hosts.filter((h) => matcher.check(`https://${h}/js/app.js`).kind === 'blocked').length;
  return {
    file: file.slice(dir.length + 1),
    hosts: hosts.length,
    caught,
    share: hosts.length ? caught / hosts.length : 0,
  };
});
const total = rows.reduce((a, r) => ({ hosts: a.hosts + r.hosts, caught: a.caught + r.caught }), {
  hosts: 0,
  caught: 0,
});
console.table(rows.map((r) => ({ ...r, share: `${(r.share * 100).toFixed(1)} %` })));
console.log(
  `script hosts caught: ${total.caught} of ${total.hosts} (${((total.caught / total.hosts) * 100).toFixed(1)} %)`,
);
mkdirSync(join(root, 'bench'), { recursive: true });
writeFileSync(
  join(root, 'bench/eval-scripts.json'),
  JSON.stringify({ date: new Date().toISOString(), rows, total }, null, 2),
);
