/** What is known about each list and about the user's own settings: stored by store/, shown by ui/. */

import type { ThreatCategory } from './verdict';

/** Formats the parser recognises by itself (see detect-format.ts). */
export type ListFormat = 'hosts' | 'domains' | 'wildcard' | 'dnsmasq' | 'abp' | 'urls' | 'json';

export interface ParseStats {
  /** Non-empty, non-comment lines (or JSON items) seen. */
  lines: number;
  /** Rules turned into entries (before de-duplication). */
  accepted: number;
  /** Valid syntax that this extension cannot honour (cosmetic, regex, $third-party …): skipped, never misread. */
  unsupported: number;
  /** Lines that are not a valid rule for the detected format. */
  invalid: number;
  /** Rules refused because they would block a whole public suffix (com, com.cn, github.io …). */
  publicSuffix: number;
  /** A few offending lines, to show the user what went wrong. */
  invalidSamples: string[];
  /**
   * Valid lines that deliberately give no rule: hosts-file boilerplate (localhost, broadcasthost …),
   * unbound `server:` headers. Optional so that hand-made ParseStats elsewhere stay valid.
   */
  ignored?: number;
}

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
