import type { Browser } from 'wxt/browser';

export type DnrRule = Browser.declarativeNetRequest.Rule;

/**
 * Higher wins, mirroring the matcher's order: a bypass the user confirmed, then trusted
 * sites, then the user's own blocks, then the lists' allow entries, then list blocks.
 */
// The chrome typings spell these as enums; the values are the plain strings the API takes.
const MAIN_FRAME = 'main_frame' as Browser.declarativeNetRequest.ResourceType;
const SUB_FRAME = 'sub_frame' as Browser.declarativeNetRequest.ResourceType;
/**
 * Frames too: a page could otherwise show a listed site inside an iframe, where no
 * top-level check sees it. A framed warning page renders nothing (it refuses to be framed),
 * so the listed site's frame stays blank. Allow rules cover the same types, so an allow
 * entry, a trusted site or a bypass still wins in a frame.
 */
const FRAME_TYPES = [MAIN_FRAME, SUB_FRAME];

export const PRIORITY = { listBlock: 1, listAllow: 2, userBlock: 3, trusted: 4, bypass: 5 } as const;

/**
 * Domains per rule, and so per updateDynamicRules call (one rule a call). Two costs pull
 * apart (scripts/bench/dnr-chunking.ts, docs/bench.md "Before-load rules"):
 * - the call's arguments are converted and checked on the background's own thread, in one
 *   task, and that grows faster than the domains: measured at load 11–26 on this 2-core VM,
 *   20,000 took 72–250 ms, 30,000 ~280 ms, 40,000 280–800 ms (goal 8: no task over 200 ms);
 * - the browser re-indexes and rewrites all of the extension's dynamic rules on each call,
 *   so fewer, larger calls install a 1M list faster (40,000 a call: 228 s against 382 s at
 *   20,000, run side by side under the same load).
 * 20,000 is the largest size whose task stayed under 150 ms on a moderately loaded VM, so
 * a 1M list keeps taking minutes; the in-page check covers listed sites meanwhile.
 */
export const DOMAINS_PER_RULE = 20_000;

/** Rule ids: user rules first, then one block of ids per list slot. */
export const USER_BLOCK_ID = 1;
export const TRUSTED_ID = 2;
export const FIRST_BYPASS_ID = 100;
export const SLOT_SIZE = 1000;

/**
 * A list's slot is split in two halves used in turn: a new version's rules are added in the
 * free half before the old half is removed, so the list never goes unprotected between.
 */
export function slotIds(slot: number, half?: 0 | 1): { first: number; last: number } {
  const start = (slot + 1) * SLOT_SIZE;
  if (half === undefined) return { first: start, last: start + SLOT_SIZE - 1 };
  const first = start + half * (SLOT_SIZE / 2);
  return { first, last: first + SLOT_SIZE / 2 - 1 };
}

/**
 * Sends a listed navigation (top level or frame) to the extension's warning page before the site is
 * contacted; the original URL follows the '#', so "Continue anyway" can go on to it.
 */
export function redirectRule(id: number, domains: string[], warningPageUrl: string, priority: number): DnrRule {
  return {
    id,
    priority,
    action: {
      type: 'redirect' as Browser.declarativeNetRequest.RuleActionType,
      redirect: { regexSubstitution: `${warningPageUrl}#\\0` },
    },
    condition: { regexFilter: '^https?://.*', requestDomains: domains, resourceTypes: FRAME_TYPES },
  };
}

/** A script-host list also stops its scripts on any page (skimmers, miners, fake updates). */
export function scriptBlockRule(id: number, domains: string[]): DnrRule {
  return {
    id,
    priority: PRIORITY.listBlock,
    action: { type: 'block' as Browser.declarativeNetRequest.RuleActionType },
    condition: { requestDomains: domains, resourceTypes: ['script' as Browser.declarativeNetRequest.ResourceType] },
  };
}

export function allowRule(id: number, domains: string[], priority: number, tabIds?: number[]): DnrRule {
  return {
    id,
    priority,
    action: { type: 'allow' as Browser.declarativeNetRequest.RuleActionType },
    condition: { requestDomains: domains, resourceTypes: FRAME_TYPES, ...(tabIds ? { tabIds } : {}) },
  };
}

/**
 * Lets `domains` through past the lists' blocks, frames and (for a script-host list)
 * scripts, but not `except`: subdomains a list still names (an allow covers subdomains).
 */
export function unlistedRule(id: number, domains: string[], except: string[], scripts: boolean): DnrRule {
  const types = scripts ? [...FRAME_TYPES, 'script' as Browser.declarativeNetRequest.ResourceType] : FRAME_TYPES;
  return {
    id,
    priority: PRIORITY.listAllow,
    action: { type: 'allow' as Browser.declarativeNetRequest.RuleActionType },
    condition: {
      requestDomains: domains,
      resourceTypes: types,
      ...(except.length ? { excludedRequestDomains: except } : {}),
    },
  };
}

/**
 * Lets one tab through to exactly `host` (not its subdomains) past list rules only: a
 * list's block the lists no longer hold, left in the browser until its next full install
 * (see DnrSync.replaceList). The user's own blocks outrank it.
 */
export function passThroughRule(id: number, host: string, tabId: number): DnrRule {
  return {
    id,
    priority: PRIORITY.listAllow,
    action: { type: 'allow' as Browser.declarativeNetRequest.RuleActionType },
    condition: { regexFilter: exactHostPattern(host), resourceTypes: FRAME_TYPES, tabIds: [tabId] },
  };
}

/** `^https?://host(:port)?/` in RE2 syntax, the host's special characters escaped (dots, an IPv6 address's brackets). */
export function exactHostPattern(host: string): string {
  return `^https?://${host.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(:[0-9]+)?/`;
}

/**
 * Domains kept as newline-separated UTF-8 bytes while their rules are installed (a minute
 * or more for a large list). A million separate short strings take several times the
 * memory, and so does one joined string: the parser's host strings are slices of the
 * feed's text, which V8 stores with two bytes a character when the feed has a single
 * non-Latin-1 character, and a join of such slices is two-byte too (44 MB for 1M domains
 * where the bytes take 22 MB).
 */
export class PackedDomains {
  private constructor(
    private readonly bytes: Uint8Array,
    readonly count: number,
  ) {}

  /**
   * Packs `domains` a batch at a time, with a turn of the event loop between batches: a
   * million domains take a few hundred ms to encode, too long for one task. No whole-list
   * string exists even for a moment.
   */
  static async pack(domains: readonly string[]): Promise<PackedDomains> {
    const encoder = new TextEncoder();
    const parts: Uint8Array[] = [];
    let total = 0;
    for (let i = 0; i < domains.length; i += PACK_BATCH) {
      if (i > 0) await new Promise((resolve) => setTimeout(resolve, 0));
      const batch = domains.slice(i, i + PACK_BATCH).join('\n') + (i + PACK_BATCH < domains.length ? '\n' : '');
      const part = encoder.encode(batch);
      parts.push(part);
      total += part.length;
    }
    const bytes = new Uint8Array(total);
    let at = 0;
    for (const part of parts) {
      bytes.set(part, at);
      at += part.length;
    }
    return new PackedDomains(bytes, domains.length);
  }

  /** The domains, `size` at a time, unpacked only when their rule is made. */
  *chunks(size: number): Generator<string[]> {
    const { bytes } = this;
    const decoder = new TextDecoder();
    let start = 0;
    for (let left = this.count; left > 0; left -= size) {
      let end = start - 1;
      for (let n = 0; n < Math.min(size, left) && end < bytes.length; n++) {
        const next = bytes.indexOf(NEWLINE, end + 1);
        end = next === -1 ? bytes.length : next;
      }
      yield decoder.decode(bytes.subarray(start, end)).split('\n');
      start = end + 1;
    }
  }
}

const NEWLINE = 0x0a;
/** ~10 ms of work at a time on this VM. */
const PACK_BATCH = 25_000;

/**
 * A list's block and allow entries as rules in its slot's id range, made one at a time.
 * Throws before the first rule when the list cannot fit its slot.
 */
export function listRules(
  slot: number,
  block: PackedDomains,
  allow: readonly string[],
  warningPageUrl: string,
  half: 0 | 1 = 0,
): Generator<DnrRule> {
  const { first, last } = slotIds(slot, half);
  const needed = Math.ceil(allow.length / DOMAINS_PER_RULE) + Math.ceil(block.count / DOMAINS_PER_RULE);
  if (first + needed - 1 > last) throw new Error(`List too large for pre-load blocking (${needed} rules)`);
  return (function* () {
    let id = first;
    for (let i = 0; i < allow.length; i += DOMAINS_PER_RULE) {
      yield allowRule(id++, allow.slice(i, i + DOMAINS_PER_RULE), PRIORITY.listAllow);
    }
    for (const domains of block.chunks(DOMAINS_PER_RULE)) {
      yield redirectRule(id++, domains, warningPageUrl, PRIORITY.listBlock);
    }
  })();
}
