import { nextUpdateAfterSuccess } from './schedule';
import type { ListMeta } from '../model/list-meta';

/** Metadata of a list that has no version in force yet (a new subscription or bundled list). */
export function newListMeta(
  base: Pick<ListMeta, 'id' | 'name' | 'category' | 'source' | 'url'>,
  now: number,
  refreshMs?: number,
): ListMeta {
  return {
    ...base,
    format: null,
    entryCount: 0,
    activeVersion: null,
    lastSuccess: null,
    lastAttempt: null,
    lastError: null,
    etag: null,
    lastModified: null,
    stats: null,
    failures: 0,
    deltas: [],
    deltaEntries: 0,
    lastImport: null,
    // Bundled lists are fresh at install: no network in the first minutes.
    nextUpdate: base.source === 'bundled' ? nextUpdateAfterSuccess(now, refreshMs) : now,
    addedAt: now,
  };
}
