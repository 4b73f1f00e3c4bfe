import { getPublicSuffix, parse } from 'tldts';
import { edgeChild, edgeLength, edgeStart, labelText, nodeFlags, rulesRoot } from 'tldts/dist/es6/src/data/trie.js';
import { hash53, hash53Range } from '../match/hash';
import { HashTable53 } from '../match/hash-table';
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
 * Decides whether a normalised host may become a domain rule. Single-label names are only
 * "public suffix" when the PSL really knows them (com, io), other single words (garbage,
 * intranet names) are invalid. `hash` is hash53(host) when the caller has it already.
 *
 * tldts decides every case that could be a suffix; the prefilter (mayBePublicSuffix) only
 * skips hosts that cannot be one, which is nearly every host of a real list.
 */
export function checkDomainRule(host: string, hash?: number): DomainRuleCheck {
  if (isIpHost(host)) return 'ok';
  const dot = host.indexOf('.');
  if (dot < 0) {
    const r = parse(host, FAST);
    return r.isIcann === true || r.isPrivate === true ? 'publicSuffix' : 'invalid';
  }
  if (!mayBePublicSuffix(host, dot, hash ?? hash53(host))) return 'ok';
  return getPublicSuffix(host, FAST) === host ? 'publicSuffix' : 'ok';
}

/**
 * tldts answers getPublicSuffix in one module-level result object that it reuses, so after
 * a list is parsed it still holds the last host checked: a slice of the list's text, which
 * keeps the whole text (tens of MB for a large feed) alive until the next call. Called once
 * a parse is done, with a constant host, to let that text go.
 */
export function releaseLastCheckedHost(): void {
  getPublicSuffix('released.invalid', FAST);
}

interface SuffixFilter {
  /** hash53 of every rule of the list (ICANN and private), "co.uk", "github.io" … */
  rules: HashTable53;
  /** hash53 of P for every wildcard rule "*.P" ("ck", "kawasaki.jp" …). */
  wildcardParents: HashTable53;
}

let filter: SuffixFilter | null = null;

/**
 * tldts finds the longest matching rule of the list (exceptions only ever make it
 * shorter), and with no match takes the last label. So a host of two or more labels is
 * its own public suffix only when it is itself a rule, or its parent P has a wildcard rule
 * "*.P". Both sets are read once from tldts's own trie, so they cannot differ from the
 * data getPublicSuffix uses; a hash collision merely sends a host on to tldts.
 */
function mayBePublicSuffix(host: string, dot: number, hash: number): boolean {
  const f = (filter ??= buildFilter());
  return f.rules.has(hash) || f.wildcardParents.has(hash53Range(host, dot + 1, host.length));
}

function buildFilter(): SuffixFilter {
  const rules = new HashTable53(16384);
  const wildcardParents = new HashTable53(512);
  const offsets = new Uint32Array(edgeLength.length);
  for (let e = 0, o = 0; e < edgeLength.length; e++) {
    offsets[e] = o;
    o += edgeLength[e] as number;
  }
  // Depth-first over every path from the root: a path is a suffix, labels right to left.
  const stack: Array<[node: number, path: string]> = [[rulesRoot, '']];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [node, path] = top;
    for (let e = edgeStart[node] as number; e < (edgeStart[node + 1] as number); e++) {
      const start = offsets[e] as number;
      const label = labelText.slice(start, start + (edgeLength[e] as number));
      if (label === '*') {
        wildcardParents.add(hash53(path));
        continue;
      }
      const child = edgeChild[e] as number;
      const suffix = path === '' ? label : `${label}.${path}`;
      if (nodeFlags[child] !== 0) rules.add(hash53(suffix));
      stack.push([child, suffix]);
    }
  }
  return { rules, wildcardParents };
}
