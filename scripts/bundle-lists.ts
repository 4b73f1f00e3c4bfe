// Copies the redistributable default lists from ../shared/data into public/lists/ (run by
// hand when the shared data changes; the output is committed so a build needs no network
// and no shared/ folder).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { BUNDLED_LISTS } from '../src/update/default-lists.ts';

const root = resolve(import.meta.dirname, '..');
const shared = process.env.FRAUD_SENTRY_SHARED_DATA ?? resolve(root, '../shared/data');

for (const list of BUNDLED_LISTS) {
  const source = resolve(shared, list.sharedSource);
  const raw = readFileSync(source);
  const text = source.endsWith('.gz') ? gunzipSync(raw) : raw;
  const target = resolve(root, 'public', list.bundledPath);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
  console.log(`${list.id}: ${(text.length / 1024).toFixed(0)} KiB from ${list.sharedSource}`);
}
