// What a list means does not depend on how it is written: parsing what the parser gave,
// written back as a plain list, gives the same rules; an ABP "||d^" blocks what a plain "d" does.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseList, type ParsedList } from '../../../src/lists';
import { buildHashSet } from '../../../src/match/hash-set';
import { Matcher } from '../../../src/match/matcher';
import type { ListIndex } from '../../../src/match/types';
import { formatArb, hostArb, listTextArb, pathArb } from './arbitraries';

const NUM_RUNS = 10_000;

type RuleSets = Pick<ParsedList, 'blockDomains' | 'allowDomains' | 'blockUrls' | 'allowUrls'>;

function ruleSets(p: ParsedList): Record<keyof RuleSets, string[]> {
  return {
    blockDomains: [...p.blockDomains].sort(),
    allowDomains: [...p.allowDomains].sort(),
    blockUrls: [...p.blockUrls].sort(),
    allowUrls: [...p.allowUrls].sort(),
  };
}

/**
 * A plain list: block domains one per line, block URL rules as lines; allow entries need ABP
 * syntax ("@@||d^", and "@@||host/path$document" so a "$" or "^" inside the path is kept).
 * A rule for "0.0.0.0" or "127.0.0.1…" is written "*.d": on a line of its own such a name is
 * hosts-file boilerplate ("0.0.0.0") or a glued hosts entry ("0.0.0.0evil.com"), no rule.
 */
function serialise(p: RuleSets): string {
  return [
    ...p.blockDomains.map((d) => (/^(0\.0\.0\.0|127\.0\.0\.1)/.test(d) ? `*.${d}` : d)),
    ...p.blockUrls,
    ...p.allowDomains.map((d) => `@@||${d}^`),
    ...p.allowUrls.map((u) => `@@||${u}$document`),
  ].join('\n');
}

/** Allow URL rules whose path holds ABP wildcards cannot be written in ABP syntax at all. */
function abpWritable(u: string): boolean {
  return !/[*^|]/.test(u.slice(u.indexOf('/'))) && !u.endsWith('^');
}

function toIndex(id: string, p: RuleSets): ListIndex {
  return {
    id,
    name: id,
    category: 'fraud',
    blockDomains: buildHashSet(p.blockDomains),
    allowDomains: buildHashSet(p.allowDomains),
    blockUrls: buildHashSet(p.blockUrls),
    allowUrls: buildHashSet(p.allowUrls),
  };
}

const noUser = { blockedSites: [], trustedSites: [] };

describe('property: parsing is idempotent', () => {
  it('a list written back from what was parsed gives the same blocks and exceptions', () => {
    fc.assert(
      fc.property(listTextArb, formatArb, (text, format) => {
        const first = parseList(text, format);
        const writable = { ...first, allowUrls: first.allowUrls.filter(abpWritable) };
        const second = parseList(serialise(writable), 'domains');
        expect(ruleSets(second)).toEqual(ruleSets(writable));
        // and once more: a fixed point
        expect(ruleSets(parseList(serialise(second), 'domains'))).toEqual(ruleSets(second));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('the same list, auto-detected, gives the same blocks when written back as plain lines', () => {
    fc.assert(
      fc.property(listTextArb, (text) => {
        const first = parseList(text);
        // A URL rule holding ABP syntax ('$', '^', '##'), e.g. "a/?$" from the line "A?$" of a
        // plain list, cannot be written back as a plain line: alone, the line reads as ABP.
        const plainWritable = first.blockUrls.filter((u) => !/[$^]|##|#@#/.test(u));
        const blocksOnly = {
          blockDomains: first.blockDomains,
          blockUrls: plainWritable,
          allowDomains: [],
          allowUrls: [],
        };
        const second = parseList(serialise(blocksOnly));
        expect(ruleSets(second)).toEqual(
          ruleSets({ ...first, blockUrls: plainWritable, allowDomains: [], allowUrls: [] } as ParsedList),
        );
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('property: ABP "||d^" and a plain domain list block the same sites', () => {
  // ABP has no "||[v6]^" anchor for IPv6 literals (the parser counts it invalid, never misreads it).
  const nameArb = hostArb.filter((h) => !h.startsWith('['));
  const pageArb = fc.tuple(fc.array(fc.constantFrom('www', 'm', 'a'), { maxLength: 2 }), hostArb, pathArb);

  it('same domain rules, same verdicts on every page', () => {
    fc.assert(
      fc.property(fc.array(nameArb, { maxLength: 8 }), fc.array(pageArb, { maxLength: 6 }), (hosts, pages) => {
        const abp = parseList(hosts.map((d) => `||${d}^`).join('\n'));
        const plain = parseList(hosts.join('\n'));
        expect(ruleSets(abp)).toEqual(ruleSets(plain));
        expect(abp.stats.publicSuffix).toBe(plain.stats.publicSuffix);
        const mAbp = new Matcher([toIndex('l', abp)], noUser);
        const mPlain = new Matcher([toIndex('l', plain)], noUser);
        for (const [sub, host, path] of pages) {
          const url = `https://${[...sub, host].join('.')}${path}`;
          expect(mAbp.check(url)).toEqual(mPlain.check(url));
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('found by the round-trip property', () => {
  it('a lone "127.0.0.1" or "0.0.0.0" line in an ABP list blocks nothing (not this machine)', () => {
    const parsed = parseList('[Adblock Plus 2.0]\n||evil.test^\n127.0.0.1\n0.0.0.0\n0.0.0.0glued.test\n');
    expect(parsed.blockDomains.sort()).toEqual(['evil.test', 'glued.test']);
  });
});
