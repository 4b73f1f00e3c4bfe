/** How many recent verdict timings to keep: enough for a median, bounded in memory. */
const KEEP = 500;

export interface DiagnosticsSnapshot {
  /** ms from the background starting to the lists being ready (IndexedDB open and load). */
  readyMs: number | null;
  openDbMs: number | null;
  loadMs: number | null;
  /** Per verdict: time in the matcher alone, and time waiting for the lists to be ready. */
  lookupMs: number[];
  waitMs: number[];
  indexBytes: number;
  indexEntries: number;
}

/**
 * Timings the background measures about itself, for the benchmark and for users who want
 * to see the cost. Holds numbers only: never a URL or a host.
 */
export class Diagnostics {
  readonly startedAt = performance.now();
  readyMs: number | null = null;
  openDbMs: number | null = null;
  loadMs: number | null = null;
  private lookups: number[] = [];
  private waits: number[] = [];

  verdict(lookupMs: number, waitMs: number): void {
    this.lookups.push(lookupMs);
    this.waits.push(waitMs);
    if (this.lookups.length > KEEP) this.lookups.shift();
    if (this.waits.length > KEEP) this.waits.shift();
  }

  snapshot(indexBytes: number, indexEntries: number): DiagnosticsSnapshot {
    return {
      readyMs: this.readyMs,
      openDbMs: this.openDbMs,
      loadMs: this.loadMs,
      lookupMs: [...this.lookups],
      waitMs: [...this.waits],
      indexBytes,
      indexEntries,
    };
  }
}
