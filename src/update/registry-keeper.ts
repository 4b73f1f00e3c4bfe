import { FeedError } from './feed-error';
import { fetchFeed, type FetchLimits } from './fetch-feed';
import { defaultListsOf, type DefaultList } from './default-lists';
import type { Registry } from './registry-types';
import { parseRegistry } from './registry-validate';
import type { RegistryStatus } from '../model/status';

/** A registry is a few kilobytes; a megabyte is far past any honest one. */
const REGISTRY_LIMITS: FetchLimits = { maxBytes: 1024 * 1024, timeoutMs: 30_000 };
/** How often the alarm's update looks for a newer registry ("Update now" always does). */
export const REGISTRY_REFRESH_MS = 24 * 60 * 60 * 1000;

/** The last registry fetched, kept as text with its validators (browser.storage.local). */
export interface StoredRegistry {
  text: string;
  etag: string | null;
  lastModified: string | null;
}

export interface RegistryPersistence {
  load(): Promise<StoredRegistry | null>;
  save(stored: StoredRegistry): Promise<void>;
}

export interface RegistryKeeperOptions {
  persistence?: RegistryPersistence;
  /** Read at each refresh: tests set it after the extension started. */
  url: () => Promise<string | null>;
  fetchImpl?: typeof fetch;
  now?: () => number;
}

/**
 * Holds the source registry in force: the one shipped in the package, or a newer one
 * fetched from the project's repository. A fetched registry is used only when it parses,
 * validates, is not older than the one in force and still describes every list the
 * package ships (a registry that drops lists is refused like a list that shrank);
 * otherwise nothing changes and the status says why. Bundled paths always come from the
 * package: a registry can move where a list is fetched from, never what ships.
 */
export class RegistryKeeper {
  private registry: Registry;
  private validators: { etag: string | null; lastModified: string | null } = { etag: null, lastModified: null };
  private from: RegistryStatus['from'] = 'package';
  private lastCheck: number | null = null;
  private lastError: string | null = null;
  private lastUrl: string | null = null;

  constructor(
    private readonly packaged: Registry,
    private readonly options: RegistryKeeperOptions,
  ) {
    this.registry = packaged;
  }

  get current(): Registry {
    return this.registry;
  }

  /** The default lists as the registry in force describes them. */
  defaultLists(): DefaultList[] {
    return defaultListsOf(this.registry);
  }

  status(): RegistryStatus {
    return {
      version: this.registry.version,
      from: this.from,
      url: this.lastUrl,
      lastCheck: this.lastCheck,
      lastError: this.lastError,
    };
  }

  /** At start: the registry saved by an earlier refresh, if it still passes every check. */
  async load(): Promise<void> {
    this.lastUrl = await this.options.url();
    const stored = await this.options.persistence?.load().catch(() => null);
    if (!stored) return;
    const checked = this.accept(stored.text);
    if (typeof checked === 'string') return; // an older or broken save: the package's own stays
    this.apply(checked, stored);
  }

  /** True when a refresh is due (never checked, or a day since the last check). */
  due(): boolean {
    return this.lastCheck === null || this.now() - this.lastCheck >= REGISTRY_REFRESH_MS;
  }

  /**
   * Fetches the registry (conditional request, no cookies, no referrer: fetchFeed) and puts
   * it in force if it passes. Returns whether the registry in force changed.
   */
  async refresh(): Promise<boolean> {
    const url = await this.options.url();
    this.lastUrl = url;
    if (url === null) return false;
    this.lastCheck = this.now();
    try {
      const feed = await fetchFeed(url, this.validators, REGISTRY_LIMITS, this.options.fetchImpl);
      if (feed.status === 'not-modified') {
        this.lastError = null;
        return false;
      }
      const checked = this.accept(feed.text);
      if (typeof checked === 'string') {
        this.lastError = checked;
        return false;
      }
      const stored = { text: feed.text, ...feed.validators };
      await this.options.persistence?.save(stored);
      const changed = JSON.stringify(checked) !== JSON.stringify(this.registry);
      this.apply(checked, stored);
      this.lastError = null;
      return changed;
    } catch (error) {
      const why = error instanceof FeedError || error instanceof Error ? error.message : String(error);
      this.lastError = `The registry could not be fetched: ${why}`;
      return false;
    }
  }

  /** The registry to put in force, or why not (a sentence for the status). */
  private accept(text: string): Registry | string {
    const parsed = parseRegistry(text);
    if (!parsed.ok) return `The registry was refused: ${parsed.errors.slice(0, 5).join('; ')}`;
    const next = parsed.value;
    if (next.version < this.registry.version)
      return `The registry was refused: version ${next.version} is older than ${this.registry.version} in use`;
    const ids = new Set(next.lists.map((l) => l.id));
    const missing = this.packaged.lists.filter((l) => l.bundled !== undefined && !ids.has(l.id)).map((l) => l.id);
    if (missing.length > 0) return `The registry was refused: it drops ${missing.join(', ')}`;
    const packaged = new Map(this.packaged.lists.map((l) => [l.id, l]));
    return {
      ...next,
      // Only the package adds lists, and what ships in it (the bundled copy) is its own word.
      lists: next.lists.flatMap((l) => {
        const own = packaged.get(l.id);
        if (!own) return [];
        const { bundled: _ignored, ...rest } = l;
        return [{ ...rest, ...(own.bundled !== undefined ? { bundled: own.bundled } : {}) }];
      }),
    };
  }

  private apply(registry: Registry, stored: StoredRegistry): void {
    this.registry = registry;
    this.validators = { etag: stored.etag, lastModified: stored.lastModified };
    this.from = 'refreshed';
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}
