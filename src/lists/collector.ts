import { checkDomainRule } from './public-suffix';
import type { ListFormat, ParsedList, ParseStats } from './types';

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
  private readonly blockDomains = new Set<string>();
  private readonly allowDomains = new Set<string>();
  private readonly blockUrls = new Set<string>();
  private readonly allowUrls = new Set<string>();

  /** `host` must come from normalizeHost. */
  domain(host: string, allow: boolean, line: string): void {
    const set = allow ? this.allowDomains : this.blockDomains;
    // One hash lookup for the common case (new host); tldts only runs for hosts not seen yet.
    const before = set.size;
    set.add(host);
    if (set.size === before) {
      this.stats.accepted++;
      return;
    }
    const check = checkDomainRule(host);
    if (check === 'ok') {
      this.stats.accepted++;
      return;
    }
    set.delete(host);
    if (check === 'publicSuffix') this.stats.publicSuffix++;
    else this.invalid(line);
  }

  /** `rule` is "host/path" from splitUrlRule (host normalised, path non-empty). */
  url(rule: string, allow: boolean): void {
    (allow ? this.allowUrls : this.blockUrls).add(rule);
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
      blockDomains: [...this.blockDomains],
      allowDomains: [...this.allowDomains],
      blockUrls: [...this.blockUrls],
      allowUrls: [...this.allowUrls],
      stats: this.stats,
    };
  }
}
