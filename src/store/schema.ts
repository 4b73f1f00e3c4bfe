import type { DBSchema } from 'idb';
import type { ListFormat, ParseStats } from '../lists/types';
import type { RuleArrays, RuleDelta } from '../match/rule-arrays';
import type { ThreatCategory } from '../match/types';

export const DB_NAME = 'fraud-sentry';
/** Bump with a new `if (oldVersion < N)` step in open-db.ts; never edit a released step. */
export const DB_VERSION = 1;

export interface ListMeta {
  id: string;
  name: string;
  category: ThreatCategory;
  /** 'bundled' lists ship in the package and are kept fresh from `url`; 'subscription' lists are the user's. */
  source: 'bundled' | 'subscription';
  url: string;
  format: ListFormat | null;
  entryCount: number;
  /** The version in listData now in force; null until the first successful import. */
  activeVersion: number | null;
  lastSuccess: number | null;
  lastAttempt: number | null;
  lastError: string | null;
  /**
   * The last download had this many entries, against many more in force: held back until
   * the user accepts it (a list emptied by mistake must not switch protection off).
   * Missing in records written before it existed.
   */
  heldBack?: { entryCount: number } | null;
  etag: string | null;
  lastModified: string | null;
  stats: ParseStats | null;
  /**
   * Changes applied on top of the active version, oldest first (keys into listDelta). A
   * small update is stored as a delta instead of rewriting the whole list.
   */
  deltas: number[];
  /** Entries the deltas add or remove in all; past a share of the list, the next update rewrites it whole. */
  deltaEntries: number;
  lastImport: ImportReport | null;
  /**
   * Chrome: this version's before-load rules are still to be installed. Saved with the
   * version itself, so a browser that closes before the install is noted cannot lose it;
   * cleared once the install is noted where the next start looks. Missing in older records.
   */
  rulesPending?: boolean;
  /**
   * The address (a source's first URL) that served the version in force; null or missing:
   * the copy shipped in the package, or a record older than this field.
   */
  servedBy?: string | null;
  /** When the first of the current run of failed updates happened; null once one succeeds. */
  failingSince?: number | null;
  /** false: the user switched the list off (bundled lists only). Missing in older records: on. */
  enabled?: boolean;
  /** Consecutive failed updates: drives the back-off. */
  failures: number;
  nextUpdate: number;
  addedAt: number;
}

/** How the last import went: shown to curious users and read by the benchmark. */
export interface ImportReport {
  /** 'full': a new complete version; 'delta': only the changes were written; 'unchanged': same rules. */
  mode: 'full' | 'delta' | 'unchanged';
  parseMs: number;
  hashMs: number;
  writeMs: number;
  totalMs: number;
  bytesWritten: number;
  entries: number;
}

/** One complete version of a list's rules, as sorted hash arrays (src/match/hash-set.ts). */
export interface ListData extends RuleArrays {
  listId: string;
  version: number;
}

/** Changes to a list since its active version. */
export interface ListDelta {
  listId: string;
  seq: number;
  delta: RuleDelta;
}

export interface UserSettings {
  blockedSites: string[];
  trustedSites: string[];
  warningsShown: number;
  /** Warnings shown, by the list (or detector) that caused them; missing in older records. */
  warningsByList?: Record<string, { name: string; count: number }>;
  /** Warnings shown, by kind of rule (a list's domain or URL entry, lookalike, heuristic, script). */
  warningsByKind?: Partial<Record<WarningKind, number>>;
}

/** What kind of rule a warning came from (RuleRef['ruleType']). */
export type WarningKind = 'domain' | 'url' | 'lookalike' | 'heuristic' | 'script';

export interface FraudSentryDb extends DBSchema {
  lists: { key: string; value: ListMeta };
  listData: { key: [string, number]; value: ListData };
  listDelta: { key: [string, number]; value: ListDelta };
  settings: { key: 'user'; value: UserSettings };
}
