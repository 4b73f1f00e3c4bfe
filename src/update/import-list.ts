import { parseList } from '../lists';
import type { ParsedList } from '../lists/types';
import { buildHashSet } from '../match/hash-set';
import type { ListStore, RuleArrays } from '../store/list-store';
import type { ListMeta } from '../store/schema';
import { FeedError } from './feed-error';
import type { Validators } from './fetch-feed';
import { nextUpdateAfterSuccess } from './schedule';

/** A list that suddenly loses more than this share of its entries is held back, not applied. */
const MAX_SHRINK = 0.9;
/** Below this size a shrink is not suspicious (small hand-made lists change a lot). */
const SHRINK_CHECK_MIN_ENTRIES = 100;

export function rulesOf(parsed: ParsedList): RuleArrays {
  return {
    blockDomains: buildHashSet(parsed.blockDomains),
    allowDomains: buildHashSet(parsed.allowDomains),
    blockUrls: buildHashSet(parsed.blockUrls),
    allowUrls: buildHashSet(parsed.allowUrls),
  };
}

/**
 * Parses a downloaded (or bundled) list and puts it in force atomically. Throws a
 * FeedError, and changes nothing, when the text gives no usable rules or shrank
 * suspiciously: the previous version keeps protecting.
 */
export async function importListText(
  store: ListStore,
  meta: ListMeta,
  text: string,
  validators: Validators,
  now: number,
): Promise<ListMeta> {
  const parsed = parseList(text);
  const rules = rulesOf(parsed);
  const entryCount = rules.blockDomains.length + rules.blockUrls.length;
  if (entryCount + rules.allowDomains.length + rules.allowUrls.length === 0) {
    throw new FeedError('noRules', `No usable rules in the list (${parsed.stats.invalid} invalid lines)`);
  }
  if (meta.entryCount >= SHRINK_CHECK_MIN_ENTRIES && entryCount < meta.entryCount * (1 - MAX_SHRINK)) {
    throw new FeedError(
      'shrunk',
      `The list shrank from ${meta.entryCount} to ${entryCount} entries; the old one is kept`,
    );
  }
  try {
    return await store.commitVersion(meta.id, rules, {
      format: parsed.format,
      entryCount,
      stats: parsed.stats,
      lastSuccess: now,
      lastAttempt: now,
      lastError: null,
      failures: 0,
      nextUpdate: nextUpdateAfterSuccess(now),
      etag: validators.etag,
      lastModified: validators.lastModified,
    });
  } catch (error) {
    throw new FeedError(
      'storage',
      `Could not save the list (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}
