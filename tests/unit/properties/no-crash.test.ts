// No input, however broken, crashes the parsers, the host normaliser or the matcher: a
// crash there would leave a list un-imported or a page unchecked.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeHost, normalizeUrlRule, parseList } from '../../../src/lists';
import { buildHashSet } from '../../../src/match/hash-set';
import { Matcher } from '../../../src/match/matcher';
import type { ListIndex } from '../../../src/match/types';
import { formatArb, hostArb, lineArb, listTextArb, pathArb } from './arbitraries';

const NUM_RUNS = 10_000;

const anyString = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({
    unit: fc.constantFrom(...'[]:/.@#?%*|^$\\ \t\r\n\u0000\u00a0\ufeff-_0aZ\u3002\uff0e\ud800'),
    maxLength: 60,
  }),
);

function checkStats(parsed: ReturnType<typeof parseList>): void {
  const { stats } = parsed;
  for (const n of [stats.lines, stats.accepted, stats.unsupported, stats.invalid, stats.publicSuffix]) {
    expect(Number.isInteger(n) && n >= 0).toBe(true);
  }
  expect(stats.invalidSamples.length).toBeLessThanOrEqual(5);
  for (const rules of [parsed.blockDomains, parsed.allowDomains, parsed.blockUrls, parsed.allowUrls]) {
    for (const r of rules) expect(typeof r === 'string' && r.length > 0 && !/\s/.test(r)).toBe(true);
  }
}

describe('property: no input crashes the parsers', () => {
  it('any text, with any format hint, parses without throwing and gives sane stats', () => {
    fc.assert(
      fc.property(fc.oneof(anyString, listTextArb), formatArb, (text, format) => {
        checkStats(parseList(text, format));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('lists mixing hosts, ABP, dnsmasq, URL and JSON lines parse without throwing', () => {
    fc.assert(
      fc.property(fc.array(lineArb(), { maxLength: 20 }), formatArb, (lines, format) => {
        checkStats(parseList(lines.join('\n'), format));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('every domain rule a list gives is a normalised host (lower-case ASCII, no trailing dot)', () => {
    fc.assert(
      fc.property(listTextArb, formatArb, (text, format) => {
        const parsed = parseList(text, format);
        for (const d of [...parsed.blockDomains, ...parsed.allowDomains]) {
          expect(normalizeHost(d)).toBe(d);
          expect(/^[\x21-\x7e]+$/.test(d)).toBe(true);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('property: the host normaliser never throws and is stable', () => {
  it('normalizeHost gives null or a host that normalises to itself', () => {
    fc.assert(
      fc.property(fc.oneof(anyString, hostArb), (s) => {
        const host = normalizeHost(s);
        if (host !== null) {
          expect(host.length).toBeGreaterThan(0);
          expect(normalizeHost(host)).toBe(host);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('normalizeUrlRule gives null or a "host/path" rule that normalises to itself', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          anyString,
          fc.tuple(hostArb, pathArb).map(([h, p]) => `https://${h}${p}`),
        ),
        (s) => {
          const rule = normalizeUrlRule(s);
          if (rule !== null) {
            expect(rule.indexOf('/')).toBeGreaterThan(0);
            expect(normalizeUrlRule(rule)).toBe(rule);
          }
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('property: no page address crashes the check', () => {
  const lists: ListIndex[] = [
    {
      id: 'l',
      name: 'L',
      category: 'fraud',
      blockDomains: buildHashSet(['evil.com', 'pay.evil.com.cn', '[2001:db8::1]', '203.0.113.9']),
      allowDomains: buildHashSet(['good.evil.com']),
      blockUrls: buildHashSet(['a.github.io/login']),
      allowUrls: buildHashSet(['evil.com/pay?id=1']),
    },
  ];
  const matcher = new Matcher(lists, { blockedSites: ['x.test'], trustedSites: ['good.test'] });
  const urlArb = fc.oneof(
    anyString,
    fc.webUrl({ withQueryParameters: true, withFragments: true }),
    fc
      .tuple(fc.constantFrom('http://', 'https://', 'ftp://', 'javascript:', 'data:', ''), hostArb, pathArb, anyString)
      .map(([s, h, p, junk]) => s + h + p + junk),
  );

  it('Matcher.check answers with a verdict for any string', () => {
    fc.assert(
      fc.property(urlArb, (url) => {
        const v = matcher.check(url);
        expect(['blocked', 'allowed', 'clean', 'ignored']).toContain(v.kind);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
