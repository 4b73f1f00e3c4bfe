import { parseListAsync, yieldToEventLoop } from '../lists';
import type { ParsedList } from '../lists/types';
import { sortUnique, sortUniqueAsync } from '../match/hash-set';
import { deltaSize, diffRules, ruleBytes, ruleCount, RULE_KINDS, type RuleArrays } from '../match/rule-arrays';
import type { ListStore } from '../store/list-store';
import { rulesVersionOf, type RulesVersion } from '../store/rules-version';
import type { ImportReport, ListMeta } from '../model/list-meta';
import { FeedError, ShrinkError } from './feed-error';
import type { Validators } from './fetch-feed';
import { nextUpdateAfterSuccess } from './schedule';

/** A list that suddenly loses more than this share of its entries is held back, not applied. */
const MAX_SHRINK = 0.9;
/** Below this size a shrink is not suspicious (small hand-made lists change a lot). */
const SHRINK_CHECK_MIN_ENTRIES = 100;
/** Deltas may add up to this share of the list before the next update rewrites it whole. */
const MAX_DELTA_SHARE = 0.1;

export interface ImportContext {
  store: ListStore;
  /** The rules of this list now in force (in memory), to store only what changed. */
  currentRules?: (id: string) => RuleArrays | undefined;
  /**
   * Called once the new version is in force, with its rules as text (for before-load
   * blocking) and which version that is (with what it adds, when it was stored as a delta).
   */
  onParsed?: (id: string, parsed: ParsedList, version: RulesVersion) => Promise<void>;
  /** Save the new version with rulesPending set (a before-load layer will install its rules). */
  rulesPending?: boolean;
  /** Share of the import done (0..1), for the popup's progress. */
  onProgress?: (done: number) => void;
  /** The user accepted a list that shrank by more than 90 % (see ListMeta.heldBack). */
  allowShrink?: boolean;
  /** Call onParsed even when the rules did not change (to finish a cut-short before-load install). */
  preloadUnchanged?: boolean;
  /** The list's refresh interval (from the registry); missing: the default. */
  refreshMs?: number;
  /** Saved with the new version in the same write (e.g. which address served it). */
  metaPatch?: Partial<Pick<ListMeta, 'servedBy' | 'failingSince'>>;
  now: number;
}

/** The parser already hashed every entry: sorting them gives the sets the matcher searches. */
export function rulesOf(parsed: ParsedList): RuleArrays {
  const out: Partial<RuleArrays> = {};
  for (const kind of RULE_KINDS) out[kind] = sortUnique(Float64Array.from(parsed.hashes[kind]));
  out.urlHosts = sortUnique(Float64Array.from(parsed.hashes.urlHosts));
  return out as RuleArrays;
}

/** The same as rulesOf in slices: sorting a million hashes would otherwise be one long task. */
async function rulesOfAsync(parsed: ParsedList): Promise<RuleArrays> {
  const out: Partial<RuleArrays> = {};
  for (const kind of RULE_KINDS) {
    out[kind] = await sortUniqueAsync(Float64Array.from(parsed.hashes[kind]), yieldToEventLoop);
  }
  out.urlHosts = await sortUniqueAsync(Float64Array.from(parsed.hashes.urlHosts), yieldToEventLoop);
  return out as RuleArrays;
}

/**
 * Parses a downloaded (or bundled) list and puts it in force atomically, as a delta when
 * little changed. Throws a FeedError, and changes nothing, when the text gives no usable
 * rules or shrank suspiciously: the previous version keeps protecting.
 */
export async function importListText(
  ctx: ImportContext,
  meta: ListMeta,
  text: string,
  validators: Validators,
): Promise<ListMeta> {
  const started = performance.now();
  const parsed = await parseListAsync(text, undefined, { onProgress: (p) => ctx.onProgress?.(p * 0.8) });
  const parsedAt = performance.now();
  const rules = await rulesOfAsync(parsed);
  const hashedAt = performance.now();
  ctx.onProgress?.(0.9);

  const entryCount = rules.blockDomains.length + rules.blockUrls.length;
  if (ruleCount(rules) === 0) {
    throw new FeedError('noRules', `No usable rules in the list (${parsed.stats.invalid} invalid lines)`);
  }
  const shrunk = meta.entryCount >= SHRINK_CHECK_MIN_ENTRIES && entryCount < meta.entryCount * (1 - MAX_SHRINK);
  if (shrunk && !ctx.allowShrink) throw new ShrinkError(meta.entryCount, entryCount);

  const current = meta.activeVersion === null ? undefined : ctx.currentRules?.(meta.id);
  const delta = current ? diffRules(current, rules) : null;
  const changed = delta ? deltaSize(delta) : Infinity;
  const mode: ImportReport['mode'] =
    changed === 0
      ? 'unchanged'
      : delta && meta.deltaEntries + changed <= ruleCount(rules) * MAX_DELTA_SHARE
        ? 'delta'
        : 'full';
  const bytesWritten = mode === 'full' ? ruleBytes(rules) : mode === 'delta' ? changed * 8 : 0;

  const report = (writeMs: number): ImportReport => ({
    mode,
    parseMs: round(parsedAt - started),
    hashMs: round(hashedAt - parsedAt),
    writeMs: round(writeMs),
    totalMs: round(performance.now() - started),
    bytesWritten,
    entries: entryCount,
  });
  const base = {
    format: parsed.format,
    entryCount,
    stats: parsed.stats,
    lastSuccess: ctx.now,
    lastAttempt: ctx.now,
    lastError: null,
    heldBack: null,
    failures: 0,
    nextUpdate: nextUpdateAfterSuccess(ctx.now, ctx.refreshMs),
    etag: validators.etag,
    lastModified: validators.lastModified,
    ...ctx.metaPatch,
  };
  try {
    if (mode === 'unchanged') {
      const next = await ctx.store.patchMeta(meta.id, { ...base, lastImport: report(0) });
      if (ctx.preloadUnchanged) await ctx.onParsed?.(meta.id, parsed, { version: rulesVersionOf(next ?? meta) });
      return next ?? meta;
    }
    const writeStart = performance.now();
    // In the same transaction as the version: the browser may close before onParsed runs.
    const patch = { ...base, lastImport: null, ...(ctx.rulesPending ? { rulesPending: true } : {}) };
    const next =
      mode === 'delta' && delta
        ? await ctx.store.commitDelta(meta.id, delta, patch)
        : await ctx.store.commitVersion(meta.id, rules, patch);
    const lastImport = report(performance.now() - writeStart);
    const saved = (await ctx.store.patchMeta(meta.id, { lastImport })) ?? { ...next, lastImport };
    if (ctx.onParsed) {
      const version: RulesVersion = { version: rulesVersionOf(next) };
      // Before-load rules hold block and allow domains; a delta that changes allow entries installs whole.
      if (mode === 'delta' && delta && delta.allowDomains.added.length + delta.allowDomains.removed.length === 0) {
        version.delta = {
          from: rulesVersionOf(meta),
          added: textsOf(parsed.blockDomains, parsed.hashes.blockDomains, delta.blockDomains.added),
        };
      }
      await ctx.onParsed(meta.id, parsed, version);
    }
    return saved;
  } catch (error) {
    throw new FeedError(
      'storage',
      `Could not save the list (${error instanceof Error ? error.message : String(error)})`,
    );
  } finally {
    ctx.onProgress?.(1);
  }
}

/** The entries of `texts` whose hash (same index in `hashes`) is among `wanted`. */
function textsOf(texts: readonly string[], hashes: readonly number[], wanted: Float64Array): string[] {
  if (wanted.length === 0) return [];
  const set = new Set(wanted);
  return texts.filter((_, i) => set.has(hashes[i] as number));
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
