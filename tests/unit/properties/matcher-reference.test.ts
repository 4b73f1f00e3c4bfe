// The fast matcher (sorted hash sets, candidate strings) agrees with a slow reference written
// from the spec, which walks every rule of every list as a string.
import fc from 'fast-check';
import { getPublicSuffix } from 'tldts';
import { describe, expect, it } from 'vitest';
import { checkDomainRule, normalizeHost, normalizeUrlRule } from '../../../src/lists';
import { buildHashSet } from '../../../src/match/hash-set';
import { Matcher } from '../../../src/match/matcher';
import type { ListIndex } from '../../../src/match/types';
import { hostArb, pathArb } from './arbitraries';

const NUM_RUNS = 10_000;

interface RefList {
  id: string;
  blockDomains: string[];
  allowDomains: string[];
  blockUrls: string[];
  allowUrls: string[];
}

type RefVerdict =
  | { kind: 'clean' | 'ignored' }
  | { kind: 'blocked' | 'allowed'; listId: string; rules: string[]; ruleType: 'domain' | 'url'; by?: string };

function isIp(host: string): boolean {
  return host.startsWith('[') || /^\d+\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * Spec: a domain rule d covers host h when h is d or a subdomain of d, and d is longer than
 * h's public suffix (a rule never covers a whole suffix; an IP only covers itself).
 */
function domainRuleCovers(d: string, host: string): boolean {
  if (isIp(host)) return d === host;
  if (host !== d && !host.endsWith('.' + d)) return false;
  const suffix = getPublicSuffix(host, { allowPrivateDomains: true }) ?? '';
  return d.length > suffix.length;
}

/**
 * Spec: a URL rule "host/path" covers a page whose host (or the host without "www.") is the
 * rule's host and whose path starts with the rule's path at a segment boundary, or whose
 * path and query equal it.
 */
function urlRuleCovers(rule: string, url: URL): boolean {
  const hostname = url.hostname.replace(/\.$/, '');
  const hosts = [hostname, hostname.startsWith('www.') ? hostname.slice(4) : ''];
  for (const h of hosts) {
    if (h === '' || !rule.startsWith(h + '/')) continue;
    const rulePath = rule.slice(h.length);
    if (rulePath === url.pathname + url.search) return true;
    const p = url.pathname;
    const bare = rulePath.endsWith('/') ? rulePath.slice(0, -1) : rulePath;
    if (bare.length > 1 && !bare.includes('?') && (p === bare || p.startsWith(bare + '/'))) {
      return true;
    }
  }
  return false;
}

/** The most specific domain (longest) first: what the warning names. */
const bySpecificity = (a: string, b: string): number => b.length - a.length;

function reference(lists: RefList[], user: { blocked: string[]; trusted: string[] }, raw: string): RefVerdict {
  const url = new URL(raw);
  // A trailing dot names the same host ("evil.com." is "evil.com").
  const bracketed = url.hostname.replace(/\.$/, '');
  const host = bracketed.replace(/^\[|\]$/g, '');
  const covers = (d: string): boolean => domainRuleCovers(d, bracketed) || domainRuleCovers(d, host);

  const trusted = user.trusted.filter(covers).sort(bySpecificity);
  if (trusted.length) return { kind: 'allowed', by: 'trusted', listId: 'user', rules: trusted, ruleType: 'domain' };
  const own = user.blocked.filter(covers).sort(bySpecificity);
  if (own.length) return { kind: 'blocked', listId: 'user', rules: own, ruleType: 'domain' };

  // trusted > own blocks > allow entries > block entries; in each layer URL rules (more
  // specific) before domain rules, and lists in their order.
  for (const [kind, urlKey, domainKey] of [
    ['allowed', 'allowUrls', 'allowDomains'],
    ['blocked', 'blockUrls', 'blockDomains'],
  ] as const) {
    for (const l of lists) {
      const rules = l[urlKey].filter((r) => urlRuleCovers(r, url));
      if (rules.length) return { kind, listId: l.id, rules, ruleType: 'url', by: 'allow-rule' };
    }
    for (const l of lists) {
      const rules = l[domainKey].filter(covers).sort(bySpecificity);
      if (rules.length) return { kind, listId: l.id, rules, ruleType: 'domain', by: 'allow-rule' };
    }
  }
  return { kind: 'clean' };
}

/** A domain rule as a list can hold it: normalised, never a whole public suffix. */
const domainRuleArb = hostArb
  .map((h) => normalizeHost(h))
  .filter((h): h is string => h !== null && checkDomainRule(h) === 'ok');
const urlRuleArb = fc
  .tuple(hostArb, pathArb)
  .map(([h, p]) => normalizeUrlRule(`${h}${p || '/x'}`))
  .filter((r): r is string => r !== null && r.indexOf('/') < r.length - 1);

const refListArb = (id: string): fc.Arbitrary<RefList> =>
  fc.record({
    id: fc.constant(id),
    blockDomains: fc.array(domainRuleArb, { maxLength: 4 }),
    allowDomains: fc.array(domainRuleArb, { maxLength: 2 }),
    blockUrls: fc.array(urlRuleArb, { maxLength: 3 }),
    allowUrls: fc.array(urlRuleArb, { maxLength: 1 }),
  });

const pageArb = fc
  .tuple(fc.constantFrom('http://', 'https://'), hostArb, fc.constantFrom('', ':8080', '.'), pathArb)
  .map(([scheme, host, port, path]) =>
    port === '.' && host.startsWith('[') ? `${scheme}${host}${path}` : `${scheme}${host}${port}${path}`,
  );

function index(l: RefList): ListIndex {
  return {
    id: l.id,
    name: `List ${l.id}`,
    category: 'fraud',
    blockDomains: buildHashSet(l.blockDomains),
    allowDomains: buildHashSet(l.allowDomains),
    blockUrls: buildHashSet(l.blockUrls),
    allowUrls: buildHashSet(l.allowUrls),
  };
}

describe('property: the matcher agrees with a slow reference', () => {
  it('every page gets the verdict and the rule the spec says, for random lists and user sites', () => {
    fc.assert(
      fc.property(
        fc.tuple(refListArb('a'), refListArb('b')),
        fc.array(domainRuleArb, { maxLength: 1 }),
        fc.array(domainRuleArb, { maxLength: 1 }),
        fc.array(pageArb, { minLength: 1, maxLength: 4 }),
        (lists, blocked, trusted, pages) => {
          const matcher = new Matcher(lists.map(index), { blockedSites: blocked, trustedSites: trusted });
          for (const page of pages) {
            const expected = reference(lists, { blocked, trusted }, page);
            const got = matcher.check(page);
            expect({ page, kind: got.kind }).toEqual({ page, kind: expected.kind });
            if (got.kind === 'blocked' || got.kind === 'allowed') {
              if (expected.kind !== 'blocked' && expected.kind !== 'allowed') throw new Error('unreachable');
              expect(got.reason.listId).toBe(expected.listId);
              expect(got.reason.ruleType).toBe(expected.ruleType);
              if (got.kind === 'allowed') expect(got.by).toBe(expected.by);
              if (expected.ruleType === 'domain') expect(got.reason.rule).toBe(expected.rules[0]);
              else expect(expected.rules).toContain(got.reason.rule);
            }
          }
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('a listed site is blocked on every subdomain, but never its public suffix or a sibling', () => {
    fc.assert(
      fc.property(domainRuleArb, fc.constantFrom('www', 'a.b', 'xn--fiqs8s'), pathArb, (rule, sub, path) => {
        const m = new Matcher(
          [index({ id: 'l', blockDomains: [rule], allowDomains: [], blockUrls: [], allowUrls: [] })],
          {
            blockedSites: [],
            trustedSites: [],
          },
        );
        expect(m.check(`https://${rule}${path}`).kind).toBe('blocked');
        if (!isIp(rule)) {
          expect(m.check(`https://${sub}.${rule}${path}`).kind).toBe('blocked');
          const suffix = getPublicSuffix(rule, { allowPrivateDomains: true });
          if (suffix) expect(m.check(`https://other-site.${suffix}${path}`).kind).toBe('clean');
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('found by the reference property', () => {
  it('a list entry or a hand block for an IPv6 address blocks that address', () => {
    const l = index({ id: 'l', blockDomains: ['[2001:db8::1]'], allowDomains: [], blockUrls: [], allowUrls: [] });
    const m = new Matcher([l], { blockedSites: ['[2001:db8::2]'], trustedSites: ['2001:db8::3'] });
    expect(m.check('http://[2001:db8::1]/x')).toMatchObject({ kind: 'blocked', reason: { rule: '[2001:db8::1]' } });
    expect(m.check('http://[2001:db8::2]/')).toMatchObject({ kind: 'blocked', reason: { listId: 'user' } });
    expect(m.check('http://[2001:db8::4]/').kind).toBe('clean');
  });
});
