// Serves the hand-made heuristics pages (tests/fixtures/pages) from the test server, one
// host per page, with their relative resources beside them.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { TestServer } from './feed-server';
import { PROJECT_ROOT } from './paths';

export interface FixturePage {
  file: string;
  expect: 'warn' | 'silent';
  host: string;
}

const DIR = path.join(PROJECT_ROOT, 'tests/fixtures/pages');

/** Host for a fixture: "hacked-gov.html" → "hacked-gov.test". */
export function fixtureHost(file: string): string {
  return `${file.replace(/\.html$/, '')}.test`;
}

export function fixturePages(): FixturePage[] {
  const manifest = JSON.parse(readFileSync(path.join(DIR, 'manifest.json'), 'utf8')) as {
    fixtures: { file: string; expect: 'warn' | 'silent' }[];
  };
  return manifest.fixtures.map((f) => ({ ...f, host: fixtureHost(f.file) }));
}

/** Registers every fixture file under each fixture's host. */
export function serveFixturePages(server: TestServer): FixturePage[] {
  const pages = fixturePages();
  const files = listFiles(DIR);
  for (const page of pages) {
    for (const file of files) {
      const body = readFileSync(path.join(DIR, file), 'utf8');
      const type = file.endsWith('.js') ? 'text/javascript' : 'text/html; charset=utf-8';
      server.setPage(page.host, `/${file}`, { html: body, headers: { 'content-type': type } });
    }
  }
  return pages;
}

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full, `${prefix}${name}/`) : [`${prefix}${name}`];
  });
}

const RUNTIME_DIR = path.join(PROJECT_ROOT, 'tests/fixtures/runtime');

/** Hosts of the runtime-only fixtures (tests/fixtures/runtime/README.md). */
export const RUNTIME_HOSTS = {
  /** Stands in for a search engine: the cloaking script looks for "baidu" in the referrer. */
  search: 'www.baidu.test',
  hackedSchool: 'county-school.test',
  casino: 'lucky-casino.test',
  locker: 'locker-external.test',
} as const;

/**
 * Serves tests/fixtures/runtime under each of RUNTIME_HOSTS (the pages link to one another
 * by host), and returns the URLs the tests start from.
 */
export function serveRuntimeFixtures(server: TestServer) {
  for (const host of Object.values(RUNTIME_HOSTS)) {
    for (const file of listFiles(RUNTIME_DIR)) {
      const body = readFileSync(path.join(RUNTIME_DIR, file), 'utf8');
      const type = file.endsWith('.js') ? 'text/javascript' : 'text/html; charset=utf-8';
      server.setPage(host, `/${file}`, { html: body, headers: { 'content-type': type } });
    }
  }
  return {
    search: server.url(RUNTIME_HOSTS.search, '/search.html'),
    hackedSchool: server.url(RUNTIME_HOSTS.hackedSchool, '/seo-hacked-school.html'),
    casino: server.url(RUNTIME_HOSTS.casino, '/casino.html'),
    locker: server.url(RUNTIME_HOSTS.locker, '/locker-external.html'),
  };
}
