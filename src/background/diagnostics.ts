import type { DiagnosticsSnapshot } from '../model/status';

/** How many recent verdict timings to keep: enough for a median, bounded in memory. */
const KEEP = 500;

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
