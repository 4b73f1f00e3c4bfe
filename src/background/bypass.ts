/** How long "Continue anyway — this time only" lets a site through in that tab. */
export const BYPASS_MS = 15 * 60 * 1000;

export interface BypassPersistence {
  load(): Promise<Record<string, number>>;
  save(entries: Record<string, number>): Promise<void>;
}

/**
 * Short per-tab exceptions. Kept in session storage where the browser has it, so a
 * service-worker restart does not bring the warning back moments after the user
 * confirmed, while a browser restart forgets them.
 */
export class BypassStore {
  private entries: Record<string, number> = {};
  private loaded: Promise<void>;
  private isLoaded = false;

  constructor(
    private readonly persistence: BypassPersistence | null,
    private readonly now: () => number = Date.now,
  ) {
    this.loaded = persistence
      ? persistence.load().then(
          (e) => void (this.entries = e),
          () => undefined,
        )
      : Promise.resolve();
    void this.loaded.then(() => (this.isLoaded = true));
  }

  async allow(tabId: number, host: string): Promise<void> {
    await this.loaded;
    this.prune();
    this.entries[key(tabId, host)] = this.now() + BYPASS_MS;
    await this.persistence?.save(this.entries).catch(() => undefined);
  }

  async isAllowed(tabId: number, host: string): Promise<boolean> {
    await this.loaded;
    return (this.entries[key(tabId, host)] ?? 0) > this.now();
  }

  /** The same answer without waiting, once the stored entries are loaded; undefined before. */
  isAllowedNow(tabId: number, host: string): boolean | undefined {
    if (!this.isLoaded) return undefined;
    return (this.entries[key(tabId, host)] ?? 0) > this.now();
  }

  async forgetTab(tabId: number): Promise<void> {
    await this.loaded;
    for (const k of Object.keys(this.entries)) if (k.startsWith(`${tabId}|`)) delete this.entries[k];
    await this.persistence?.save(this.entries).catch(() => undefined);
  }

  private prune(): void {
    const now = this.now();
    for (const [k, until] of Object.entries(this.entries)) if (until <= now) delete this.entries[k];
  }
}

function key(tabId: number, host: string): string {
  return `${tabId}|${host}`;
}
