// npm run docs:lists — rewrites README's table of bundled lists from public/sources.json.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PACKAGED_REGISTRY } from '../src/update/default-lists.ts';
import { withListsTable } from './lists-table.ts';

const readmePath = resolve(import.meta.dirname, '..', 'README.md');
const before = readFileSync(readmePath, 'utf8');
const after = await withListsTable(before, PACKAGED_REGISTRY);
if (after === before) {
  console.log('README.md: the list table is up to date');
} else {
  writeFileSync(readmePath, after);
  console.log(`README.md: list table rewritten (${PACKAGED_REGISTRY.lists.length} lists)`);
}
