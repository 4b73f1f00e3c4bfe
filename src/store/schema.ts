import type { DBSchema } from 'idb';
import type { ListFormat, ParseStats } from '../lists/types';
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
  etag: string | null;
  lastModified: string | null;
  stats: ParseStats | null;
  /** Consecutive failed updates: drives the back-off. */
  failures: number;
  nextUpdate: number;
  addedAt: number;
}

/** One complete version of a list's rules, as sorted hash arrays (src/match/hash-set.ts). */
export interface ListData {
  listId: string;
  version: number;
  blockDomains: Float64Array;
  allowDomains: Float64Array;
  blockUrls: Float64Array;
  allowUrls: Float64Array;
}

export interface UserSettings {
  blockedSites: string[];
  trustedSites: string[];
  warningsShown: number;
}

export interface FraudSentryDb extends DBSchema {
  lists: { key: string; value: ListMeta };
  listData: { key: [string, number]; value: ListData };
  settings: { key: 'user'; value: UserSettings };
}
