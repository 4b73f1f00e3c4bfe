import { hash53 } from '../match/hash';
import { HashTable53 } from '../match/hash-table';
import { checkDomainRule } from './public-suffix';
import type { ParsedList } from './types';
import type { ListFormat, ParseStats } from '../model/list-meta';

const MAX_SAMPLES = 5;
const MAX_SAMPLE_LENGTH = 200;

/**
 * Accumulates the rules of one list: de-duplicates with Sets, refuses public suffixes and
 * keeps the stats. Format parsers only ever talk to this, so the counting stays consistent.
 */
export class Collector {
  readonly stats: ParseStats = {
    lines: 0,
    accepted: 0,
    unsupported: 0,
    invalid: 0,
    publicSuffix: 0,
    invalidSamples: [],
    ignored: 0,
  };
  private readonly blockDomains: Entries;
  private readonly allowDomains = new Entries();
  private readonly blockUrls = new Entries();
  private readonly allowUrls = new Entries();

  /** `expectedBlockDomains`: a guess of the list's size, so the de-duplication table rarely grows. */
  constructor(expectedBlockDomains = 0) {
    this.blockDomains = new Entries(expectedBlockDomains);
  }

  /** `host` must come from normalizeHost. */
  domain(host: string, allow: boolean, line: string): void {
    const entries = allow ? this.allowDomains : this.blockDomains;
    const hash = hash53(host);
    // One number lookup for the common case (seen already); the suffix check only runs for new hosts.
    if (entries.has(hash)) {
      this.stats.accepted++;
      return;
    }
    this.newDomain(entries, host, hash, line);
  }

  /**
   * The parser's fast path: a line that is exactly a normalised host (text[start, end)),
   * already hashed (hash53). Counts the line; makes the host string only when it is new.
   */
  hostLine(text: string, start: number, end: number, hash: number): void {
    this.stats.lines++;
    if (this.blockDomains.has(hash)) {
      this.stats.accepted++;
      return;
    }
    const host = text.slice(start, end);
    this.newDomain(this.blockDomains, host, hash, host);
  }

  private newDomain(entries: Entries, host: string, hash: number, line: string): void {
    const check = checkDomainRule(host, hash);
    if (check === 'ok') {
      entries.add(host, hash);
      this.stats.accepted++;
      return;
    }
    if (check === 'publicSuffix') this.stats.publicSuffix++;
    else this.invalid(line);
  }

  /** `rule` is "host/path" from splitUrlRule (host normalised, path non-empty). */
  url(rule: string, allow: boolean): void {
    const entries = allow ? this.allowUrls : this.blockUrls;
    const hash = hash53(rule);
    if (!entries.has(hash)) entries.add(rule, hash);
    this.stats.accepted++;
  }

  invalid(line: string): void {
    this.stats.invalid++;
    if (this.stats.invalidSamples.length < MAX_SAMPLES) {
      this.stats.invalidSamples.push(line.length > MAX_SAMPLE_LENGTH ? `${line.slice(0, MAX_SAMPLE_LENGTH)}…` : line);
    }
  }

  unsupported(): void {
    this.stats.unsupported++;
  }

  ignore(): void {
    this.stats.ignored = (this.stats.ignored ?? 0) + 1;
  }

  result(format: ListFormat): ParsedList {
    return {
      format,
      blockDomains: this.blockDomains.texts,
      allowDomains: this.allowDomains.texts,
      blockUrls: this.blockUrls.texts,
      allowUrls: this.allowUrls.texts,
      hashes: {
        blockDomains: this.blockDomains.hashes,
        allowDomains: this.allowDomains.hashes,
        blockUrls: this.blockUrls.hashes,
        allowUrls: this.allowUrls.hashes,
        urlHosts: [...this.blockUrls.texts, ...this.allowUrls.texts].map((rule) =>
          hash53(rule.slice(0, rule.indexOf('/'))),
        ),
      },
      stats: this.stats,
    };
  }
}

/**
 * Unique entries of one kind, de-duplicated by their 53-bit hash (src/match/hash.ts): a
 * Set of numbers costs a fraction of a Set of a million strings, and the matcher needs
 * these very hashes, so they are handed on instead of computed twice.
 */
class Entries {
  readonly texts: string[] = [];
  readonly hashes: number[] = [];
  private readonly seen: HashTable53;

  constructor(expected = 0) {
    this.seen = new HashTable53(expected);
  }

  has(hash: number): boolean {
    return this.seen.has(hash);
  }

  add(text: string, hash: number): void {
    this.seen.add(hash);
    this.texts.push(text);
    this.hashes.push(hash);
  }
}
