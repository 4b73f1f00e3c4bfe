import type { DBSchema } from 'idb';
import type { RuleArrays, RuleDelta } from '../match/rule-arrays';
import type { ListMeta, UserSettings } from '../model/list-meta';

export const DB_NAME = 'fraud-sentry';
/** Bump with a new `if (oldVersion < N)` step in open-db.ts; never edit a released step. */
export const DB_VERSION = 1;

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

export interface FraudSentryDb extends DBSchema {
  lists: { key: string; value: ListMeta };
  listData: { key: [string, number]; value: ListData };
  listDelta: { key: [string, number]; value: ListDelta };
  settings: { key: 'user'; value: UserSettings };
}
