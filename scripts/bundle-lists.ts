// Copies the redistributable default lists from the project's public data set into
// public/lists/ (run by hand when the data changes; the output is committed so a build needs
// no network and no data set). The data set is found by scripts/data/shared-data.ts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { BUNDLED_LISTS } from '../src/update/default-lists.ts';
import { hasData, missingDataMessage, readData } from './data/shared-data.ts';

const root = resolve(import.meta.dirname, '..');

const missing = BUNDLED_LISTS.map((l) => l.sharedSource).filter((f) => !hasData(f));
if (missing.length > 0) {
  console.error(missingDataMessage('lists:bundle', missing, 'npm run lists:bundle'));
  process.exit(1);
}
for (const list of BUNDLED_LISTS) {
  const text = readData(list.sharedSource);
  const target = resolve(root, 'public', list.bundledPath);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
  console.log(`${list.id}: ${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB from ${list.sharedSource}`);
}
