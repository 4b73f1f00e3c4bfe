import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

/** ../shared/data from the project root; FRAUD_SENTRY_SHARED_DATA overrides it. */
export const SHARED_DATA =
  process.env.FRAUD_SENTRY_SHARED_DATA ??
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/data');

export const HAS_SHARED_DATA = existsSync(path.join(SHARED_DATA, 'blocklists'));

/** Reads a data file as text, gunzipping *.gz. */
export function readData(relative: string): string {
  const buf = readFileSync(path.join(SHARED_DATA, relative));
  return (relative.endsWith('.gz') ? gunzipSync(buf) : buf).toString('utf8');
}

/** Every file under the given data folders, relative to SHARED_DATA, sorted. */
export function listDataFiles(...folders: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(path.relative(SHARED_DATA, full).split(path.sep).join('/'));
    }
  };
  for (const f of folders) walk(path.join(SHARED_DATA, f));
  return out.sort();
}
