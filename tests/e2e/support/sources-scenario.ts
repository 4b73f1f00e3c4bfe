// The local feed server standing in for the lists' sources and for the project's registry,
// shared by tests/e2e/chromium/sources.spec.ts and tests/e2e/firefox/sources.test.ts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TestServer } from './feed-server.ts';
import { PROJECT_ROOT } from './paths.ts';

/** A default list served by one dead address then a mirror. */
export const MIRRORED = { id: 'nocoin', name: 'Browser cryptominers (NoCoin)' };
/** A default list served as three parts named by a manifest. */
export const SPLIT = { id: 'maltrail-mining', name: 'In-browser cryptominers (maltrail)' };
/** Enough entries that no list looks like it shrank by 90 % (bundled: a few thousand at most). */
const PER_PART = 3000;

const hosts = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i}.test`).join('\n');

interface RegistryJson {
  version: number;
  lists: { id: string; sources: unknown[] }[];
}

export class SourcesScenario {
  readonly packaged = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'public/sources.json'), 'utf8')) as RegistryJson;

  constructor(private readonly server: TestServer) {}

  url(name: string): string {
    return this.server.feedUrl(name, '127.0.0.1');
  }

  get registryUrl(): string {
    return this.url('sources.json');
  }

  /** What the UI shows as the host of the local server. */
  get host(): string {
    return `127.0.0.1:${this.server.port}`;
  }

  /** The registry moves MIRRORED to a dead address plus a mirror, and SPLIT to a manifest; part 3 is missing. */
  serveMovedRegistry(): void {
    this.server.setFeed('mirror.txt', { body: hosts('mirror', PER_PART) });
    this.server.setFeed('mining.manifest.txt', { body: 'mining-1.txt\nmining-2.txt\nmining-3.txt\n' });
    this.server.setFeed('mining-1.txt', { body: hosts('mining-one', PER_PART) });
    this.server.setFeed('mining-2.txt', { body: hosts('mining-two', PER_PART) });
    this.serveRegistry(this.packaged.version + 1, {
      [MIRRORED.id]: [{ url: this.url('dead.txt') }, { url: this.url('mirror.txt') }],
      [SPLIT.id]: [{ manifest: this.url('mining.manifest.txt') }],
    });
  }

  servePartThree(): void {
    this.server.setFeed('mining-3.txt', { body: hosts('mining-three', PER_PART) });
  }

  /** A newer registry that fails validation (a list with no source): must change nothing. */
  serveInvalidRegistry(): void {
    this.serveRegistry(this.packaged.version + 2, { [MIRRORED.id]: [] });
  }

  readonly wholeCount = 3 * PER_PART;

  /** A newer registry in which the given lists are fetched from these sources instead. */
  serveSources(sources: Record<string, unknown[]>): void {
    this.serveRegistry(this.packaged.version + 1, sources);
  }

  private serveRegistry(version: number, sources: Record<string, unknown[]>): void {
    const lists = this.packaged.lists.map((l) => (sources[l.id] ? { ...l, sources: sources[l.id] } : l));
    this.server.setFeed('sources.json', {
      body: JSON.stringify({ ...this.packaged, version, lists }),
      headers: { 'content-type': 'application/json' },
    });
  }
}
