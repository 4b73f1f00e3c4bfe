/** The background's state as the extension's pages see it: updates, the registry, timings. */

import type { ImportReport } from './list-meta';

export interface UpdateProgress {
  done: number;
  total: number;
  current: string | null;
  /** Share of the current list's import done (0..1): a million-line list takes seconds. */
  currentShare: number;
}

export interface ListUpdateResult {
  id: string;
  name: string;
  outcome: 'updated' | 'unchanged' | 'failed';
  error?: string;
  entryCount: number;
  import?: ImportReport | null;
}

export interface UpdateSummary {
  finishedAt: number;
  results: ListUpdateResult[];
}

/** For the popup and diagnostics: which registry is in use, and how its last refresh went. */
export interface RegistryStatus {
  version: number;
  from: 'package' | 'refreshed';
  /** Where refreshes come from; null: no address (see registry-url.ts). */
  url: string | null;
  lastCheck: number | null;
  lastError: string | null;
}

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
