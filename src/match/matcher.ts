import { domainCandidates, urlCandidates, urlRuleHosts } from './candidates';
import { hash53 } from './hash';
import { hasHash } from './hash-set';
import { ruleCount } from './rule-arrays';
import type { ListIndex } from './types';
import type { RuleRef, ThreatCategory, Verdict } from '../model/verdict';

export const USER_LIST_ID = 'user';

export interface UserRules {
  /** Hosts the user blocked by hand (each covers its subdomains). */
  blockedSites: readonly string[];
  /** Hosts the user chose to always trust (each covers its subdomains). */
  trustedSites: readonly string[];
}

type Kind = 'blockDomains' | 'allowDomains' | 'blockUrls' | 'allowUrls';

const NONE: readonly string[] = [];
const NO_HASHES: readonly number[] = [];

/**
 * An immutable snapshot of everything in force. The background swaps in a new Matcher
 * after an import, so a verdict is always taken against one complete set of lists.
 */
export class Matcher {
  private readonly blocked: Set<string>;
  private readonly trusted: Set<string>;
  private readonly filter: ListFilter;

  constructor(
    readonly lists: readonly ListIndex[],
    user: UserRules,
    private readonly userListName = 'My blocked sites',
  ) {
    this.blocked = new Set(user.blockedSites);
    this.trusted = new Set(user.trustedSites);
    this.filter = listFilter(lists);
  }

  /** Whether the filter that skips searches for unlisted hosts is filled (large lists fill it in slices). */
  get filterReady(): boolean {
    return this.filter.ready;
  }

  /** Entries in force across all lists and the user's own blocks. */
  get entryCount(): number {
    let n = this.blocked.size;
    for (const l of this.lists) n += l.blockDomains.length + l.blockUrls.length;
    return n;
  }

  check(rawUrl: string): Verdict {
    let url: URL;
    try {
      url = new URL(rawUrl);
    } catch {
      return { kind: 'ignored', host: '' };
    }
    return this.checkUrl(url);
  }

  /**
   * check() of a URL already parsed. `seen.pathMatters` is set to whether some list's URL
   * rule could name a page of this host, so that another path of it could get another
   * verdict (a "maybe" of the filter counts as yes); otherwise every page of the host gets
   * this verdict.
   */
  checkUrl(url: URL, seen?: { pathMatters: boolean }): Verdict {
    if (seen) seen.pathMatters = false;
    const host = bareHost(url.hostname);
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || host === '') {
      return { kind: 'ignored', host };
    }
    const domains = domainCandidates(host);

    // Trusted and own blocks come before any URL rule: the path never matters for them.
    const trusted = this.trusted.size > 0 ? domains.find((d) => this.trusted.has(d)) : undefined;
    if (trusted) return { kind: 'allowed', host, by: 'trusted', reason: this.userRef(trusted, 'custom') };

    const ownBlock = this.blocked.size > 0 ? domains.find((d) => this.blocked.has(d)) : undefined;
    if (ownBlock) return { kind: 'blocked', host, reason: this.userRef(ownBlock, 'custom') };

    // Plain loops, no callbacks: a service worker runs this unoptimised for a while.
    const domainHashes: number[] = [];
    for (let i = 0; i < domains.length; i++) domainHashes.push(hash53(domains[i] as string));
    let urls = NONE;
    let urlHashes = NO_HASHES;
    if (this.filter.urlRules && this.urlRulesOnHost(url, host, domainHashes[0] as number)) {
      if (seen) seen.pathMatters = true;
      // The page's host is usually domains[0], whose hash is at hand.
      urls = urlCandidates(url, (h) => this.hasUrlRulesFor(h === host ? (domainHashes[0] as number) : hash53(h)));
      urlHashes = urls.map(hash53);
    }

    // Most pages are in no list: when the filter rules every domain candidate out, neither
    // the exceptions nor the blocks need a search.
    const listed = this.mayHoldAny(domainHashes);
    // An exception in any list overrides a block in any list, as in AdBlock syntax.
    const allow =
      this.find('allowUrls', urls, urlHashes, 'url') ??
      (listed ? this.find('allowDomains', domains, domainHashes, 'domain') : undefined);
    if (allow) return { kind: 'allowed', host, by: 'allow-rule', reason: allow };

    const block =
      this.find('blockUrls', urls, urlHashes, 'url') ??
      (listed ? this.find('blockDomains', domains, domainHashes, 'domain') : undefined);
    if (block) return { kind: 'blocked', host, reason: block };
    return { kind: 'clean', host };
  }

  /** Whether a URL rule may name a page of this URL's host (`host`, bare, hashes to `hostHash`). */
  private urlRulesOnHost(url: URL, host: string, hostHash: number): boolean {
    const hosts = urlRuleHosts(url);
    for (let i = 0; i < hosts.length; i++) {
      const h = hosts[i] as string;
      if (this.hasUrlRulesFor(h === host ? hostHash : hash53(h))) return true;
    }
    return false;
  }

  private mayHoldAny(hashes: readonly number[]): boolean {
    for (let i = 0; i < hashes.length; i++) if (this.filter.mayHold(hashes[i] as number)) return true;
    return false;
  }

  private hasUrlRulesFor(hostHash: number): boolean {
    if (!this.filter.urlRules) return false;
    if (this.filter.complete && !this.filter.mayHold(hostHash)) return false;
    for (const list of this.lists) {
      if (list.blockUrls.length === 0 && list.allowUrls.length === 0) continue;
      if (!list.urlHosts || hasHash(list.urlHosts, hostHash)) return true;
    }
    return false;
  }

  private find(
    kind: Kind,
    texts: readonly string[],
    hashes: readonly number[],
    ruleType: RuleRef['ruleType'],
  ): RuleRef | undefined {
    if (texts.length === 0) return undefined;
    // Most pages are in no list: the filter rules every candidate out without a search.
    if (!this.mayHoldAny(hashes)) return undefined;
    for (let l = 0; l < this.lists.length; l++) {
      const list = this.lists[l] as ListIndex;
      const set = list[kind];
      if (set.length === 0) continue;
      for (let i = 0; i < hashes.length; i++) {
        const hash = hashes[i] as number;
        if (this.filter.mayHold(hash) && hasHash(set, hash)) {
          return { listId: list.id, listName: list.name, category: list.category, rule: texts[i] as string, ruleType };
        }
      }
    }
    return undefined;
  }

  private userRef(rule: string, category: ThreatCategory): RuleRef {
    return { listId: USER_LIST_ID, listName: this.userListName, category, rule, ruleType: 'domain' };
  }
}

/** The host without a trailing dot or IPv6 brackets; most hosts have neither (no regex then). */
function bareHost(hostname: string): string {
  const last = hostname.charCodeAt(hostname.length - 1);
  if (hostname.charCodeAt(0) !== 91 /* [ */ && last !== 93 /* ] */ && last !== 46 /* . */) return hostname;
  return hostname.replace(/\.$/, '').replace(/^\[|\]$/g, '');
}

/** At most 2^24 bits (2 MB): with the 1.4M entries of the bundled lists and a 1M list, ~3 % false positives. */
const MAX_FILTER_BITS = 24;
/** Bits per entry below that cap (small lists, tests): well under 1 % false positives. */
const BITS_PER_ENTRY = 16;

/**
 * A Bloom filter (two bits per entry) over every hash of every list, so a verdict for a
 * host no list names, nearly every verdict, costs a few bit tests instead of a binary
 * search per candidate per list. No false negatives: a "maybe" is always searched.
 */
class ListFilter {
  private readonly bits: Uint32Array;
  private readonly mask: number;
  /** Until the filter is filled, every hash "may" be there (every candidate is searched). */
  ready = false;
  /** Some list has URL rules. */
  urlRules = false;
  /** Every list with URL rules has its urlHosts index in the filter. */
  complete = true;

  constructor(entries: number) {
    let log = 10;
    while (log < MAX_FILTER_BITS && 1 << log < entries * BITS_PER_ENTRY) log++;
    this.bits = new Uint32Array(1 << (log - 5));
    this.mask = (1 << log) - 1;
  }

  add(hash: number): void {
    const a = hash & this.mask;
    const b = (hash / 16777216) & this.mask;
    this.bits[a >>> 5] = (this.bits[a >>> 5] as number) | (1 << (a & 31));
    this.bits[b >>> 5] = (this.bits[b >>> 5] as number) | (1 << (b & 31));
  }

  mayHold(hash: number): boolean {
    if (!this.ready) return true;
    const a = hash & this.mask;
    const b = (hash / 16777216) & this.mask;
    return (((this.bits[a >>> 5] as number) >>> (a & 31)) & ((this.bits[b >>> 5] as number) >>> (b & 31)) & 1) === 1;
  }
}

/** Matchers are rebuilt on every settings change; the lists (and so the filter) change far less often. */
const filters = new WeakMap<readonly ListIndex[], ListFilter>();
/** Up to this many entries the filter is filled at once; more, in slices after the matcher is in use. */
const SYNC_FILTER_ENTRIES = 100_000;
const FILL_SLICE_MS = 15;

function listFilter(lists: readonly ListIndex[]): ListFilter {
  let filter = filters.get(lists);
  if (filter) return filter;
  let entries = 0;
  for (const list of lists) entries += ruleCount(list) + (list.urlHosts?.length ?? 0);
  filter = new ListFilter(entries);
  for (const list of lists) {
    if (list.blockUrls.length === 0 && list.allowUrls.length === 0) continue;
    filter.urlRules = true;
    if (!list.urlHosts) filter.complete = false;
  }
  const fill = fillSteps(filter, lists);
  if (entries <= SYNC_FILTER_ENTRIES) {
    while (!fill.next().done);
  } else {
    // A million entries take a long task to add: the matcher answers meanwhile by searching
    // every list, as it would without a filter.
    const slice = () => {
      const start = performance.now();
      while (performance.now() - start < FILL_SLICE_MS) if (fill.next().done) return;
      setTimeout(slice, 0);
    };
    setTimeout(slice, 0);
  }
  filters.set(lists, filter);
  return filter;
}

/** Adds every hash of every list, stopping every 2^15 hashes; sets `ready` at the end. */
function* fillSteps(filter: ListFilter, lists: readonly ListIndex[]): Generator<void, void, void> {
  for (const list of lists) {
    const sets = [list.blockDomains, list.allowDomains, list.blockUrls, list.allowUrls];
    if (list.blockUrls.length > 0 || list.allowUrls.length > 0) sets.push(list.urlHosts ?? new Float64Array(0));
    for (const set of sets) {
      for (let i = 0; i < set.length; i++) {
        filter.add(set[i] as number);
        if ((i & 0x7fff) === 0x7fff) yield;
      }
    }
  }
  filter.ready = true;
}
