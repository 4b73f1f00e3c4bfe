import { getPublicSuffix, parse } from 'tldts';
import { isIpHost } from './normalize-host';

// Skip tldts' own URL/host extraction: callers pass hosts that normalizeHost already cleaned.
const FAST = {
  allowPrivateDomains: true,
  extractHostname: false,
  validateHostname: false,
  detectIp: false,
  mixedInputs: false,
} as const;

/** True when `domain` is itself a public suffix (com, com.cn, github.io, blogspot.com …). */
export function isPublicSuffix(domain: string): boolean {
  if (domain.length === 0) return false;
  if (isIpHost(domain)) return false;
  return getPublicSuffix(domain, FAST) === domain;
}

export type DomainRuleCheck = 'ok' | 'publicSuffix' | 'invalid';

/**
 * Decides whether a normalised host may become a domain rule. One tldts call per host;
 * single-label names are only "public suffix" when the PSL really knows them (com, io),
 * other single words (garbage, intranet names) are invalid.
 */
export function checkDomainRule(host: string): DomainRuleCheck {
  if (isIpHost(host)) return 'ok';
  if (host.indexOf('.') < 0) {
    const r = parse(host, FAST);
    return r.isIcann === true || r.isPrivate === true ? 'publicSuffix' : 'invalid';
  }
  return getPublicSuffix(host, FAST) === host ? 'publicSuffix' : 'ok';
}
