// Where the real public data lives for the benchmark and the evaluation (never for
// `npm test`, whose data is in tests/fixtures). A checkout may have the project's data
// folder beside it (../shared/data); anywhere else, point FRAUD_SENTRY_SHARED_DATA at a
// copy. Everything that reads it goes through here so that the message saying what is
// missing, and where to point, is the same everywhere.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

export const DATA_ENV = 'FRAUD_SENTRY_SHARED_DATA';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The data folder to use: $FRAUD_SENTRY_SHARED_DATA, else ../shared/data beside the checkout. */
export const SHARED_DATA: string = path.resolve(
  process.env[DATA_ENV] ?? path.join(PROJECT_ROOT, '..', 'shared', 'data'),
);

/** Whether `relative` (a file or folder under the data folder) is there. */
export function hasData(relative = ''): boolean {
  return existsSync(path.join(SHARED_DATA, relative));
}

/** Reads a data file as text, gunzipping *.gz. */
export function readData(relative: string): string {
  const buf = readFileSync(path.join(SHARED_DATA, relative));
  return (relative.endsWith('.gz') ? gunzipSync(buf) : buf).toString('utf8');
}

/** Every file under the given data folders, relative to the data folder, sorted. */
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

/**
 * The plain message for a command that cannot run without some data files: what it
 * needs, where it looked, and how to point it elsewhere (`rerun`: the command to run again).
 */
export function missingDataMessage(command: string, needs: readonly string[], rerun: string): string {
  return [
    `${command}: its data is not here.`,
    `It needs these files of the project's public data set (sources and licences in SOURCES.md there):`,
    ...needs.map((n) => `  - ${n}`),
    `Looked in: ${SHARED_DATA}`,
    `Point ${DATA_ENV} at the folder that holds them, e.g.`,
    `  ${DATA_ENV}=/path/to/shared/data ${rerun}`,
  ].join('\n');
}
