/** Formats the parser recognises by itself (see detect-format.ts). */
export type ListFormat = 'hosts' | 'domains' | 'wildcard' | 'dnsmasq' | 'abp' | 'urls' | 'json';

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

export interface ParseStats {
  /** Non-empty, non-comment lines (or JSON items) seen. */
  lines: number;
  /** Rules turned into entries (before de-duplication). */
  accepted: number;
  /** Valid syntax that this extension cannot honour (cosmetic, regex, $third-party …): skipped, never misread. */
  unsupported: number;
  /** Lines that are not a valid rule for the detected format. */
  invalid: number;
  /** Rules refused because they would block a whole public suffix (com, com.cn, github.io …). */
  publicSuffix: number;
  /** A few offending lines, to show the user what went wrong. */
  invalidSamples: string[];
  /**
   * Valid lines that deliberately give no rule: hosts-file boilerplate (localhost, broadcasthost …),
   * unbound `server:` headers. Optional so that hand-made ParseStats elsewhere stay valid.
   */
  ignored?: number;
}
