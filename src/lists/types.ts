import type { ListFormat, ParseStats } from '../model/list-meta';

/**
 * The rules one list gives, already normalised:
 * - domains: lower-case ASCII (punycode), no trailing dot, no leading "*." — each one
 *   means "this host and every subdomain of it".
 * - urls: "host/path" prefixes without scheme, host normalised as above, path kept
 *   case-sensitive, query kept; matched at URL level, never as a whole host.
 */
export interface ParsedList {
  format: ListFormat;
  blockDomains: string[];
  allowDomains: string[];
  blockUrls: string[];
  allowUrls: string[];
  /** hash53 (src/match/hash.ts) of each entry above, in the same order: what the matcher stores. */
  hashes: {
    blockDomains: number[];
    allowDomains: number[];
    blockUrls: number[];
    allowUrls: number[];
    urlHosts: number[];
  };
  stats: ParseStats;
}
