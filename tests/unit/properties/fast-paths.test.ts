// The import's fast paths must decide exactly what the general code decides: a line that
// is just a host is parsed in place (src/lists/parse-list.ts hostLine), and the public
// suffix check skips tldts for hosts that cannot be a suffix (src/lists/public-suffix.ts).
import fc from 'fast-check';
import { getPublicSuffix, parse } from 'tldts';
import { edgeChild, edgeLength, edgeStart, labelText, nodeFlags, rulesRoot } from 'tldts/dist/es6/src/data/trie.js';
import { describe, expect, it } from 'vitest';
import { checkDomainRule, parseList, type DomainRuleCheck, type ListFormat } from '../../../src/lists';
import { isIpHost } from '../../../src/lists/normalize-host';
import { sortUnique, sortUniqueAsync } from '../../../src/match/hash-set';
import { Matcher } from '../../../src/match/matcher';
import { rulesOf } from '../../../src/update/import-list';

const NUM_RUNS = 5_000;
const FAST = {
  allowPrivateDomains: true,
  extractHostname: false,
  validateHostname: false,
  detectIp: false,
  mixedInputs: false,
} as const;

/** The check as it was before the prefilter: tldts for every host. */
function reference(host: string): DomainRuleCheck {
  if (isIpHost(host)) return 'ok';
  if (host.indexOf('.') < 0) {
    const r = parse(host, FAST);
    return r.isIcann === true || r.isPrivate === true ? 'publicSuffix' : 'invalid';
  }
  return getPublicSuffix(host, FAST) === host ? 'publicSuffix' : 'ok';
}

/** Every rule path of tldts's trie, wildcard labels kept as "*". */
function trieSuffixes(): string[] {
  const out: string[] = [];
  const offsets: number[] = [];
  for (let e = 0, o = 0; e < edgeLength.length; e++) {
    offsets.push(o);
    o += edgeLength[e] as number;
  }
  const stack: Array<[number, string]> = [[rulesRoot, '']];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [node, path] = top;
    for (let e = edgeStart[node] as number; e < (edgeStart[node + 1] as number); e++) {
      const label = labelText.slice(offsets[e], (offsets[e] as number) + (edgeLength[e] as number));
      const suffix = path === '' ? label : `${label}.${path}`;
      if (nodeFlags[edgeChild[e] as number] !== 0) out.push(suffix);
      if (label !== '*') stack.push([edgeChild[e] as number, suffix]);
    }
  }
  return out;
}

describe('public suffix prefilter', () => {
  it('agrees with tldts on every PSL rule, its parents and children, wildcards and exceptions', () => {
    const hosts = new Set<string>(['www.ck', 'x.ck', 'ck', 'city.kawasaki.jp', 'x.kawasaki.jp', 'kawasaki.jp']);
    for (const rule of trieSuffixes()) {
      const r = rule.replace(/^\*\./, 'wild.');
      hosts.add(r);
      hosts.add(`a.${r}`);
      hosts.add(`www.${r}`);
      hosts.add(`a.b.${r}`);
      if (r.indexOf('.') > 0) hosts.add(r.slice(r.indexOf('.') + 1));
    }
    let suffixes = 0;
    for (const host of hosts) {
      const expected = reference(host);
      if (expected === 'publicSuffix') suffixes++;
      expect([host, checkDomainRule(host)]).toEqual([host, expected]);
    }
    expect(suffixes).toBeGreaterThan(5000); // the test really covers suffixes, not only ordinary hosts
  });

  it('agrees with tldts on random hosts', () => {
    const label = fc.constantFrom('com', 'cn', 'uk', 'co', 'github', 'io', 'ck', 'www', 'jp', 'kawasaki', 'city', 'x1');
    fc.assert(
      fc.property(fc.array(label, { minLength: 1, maxLength: 4 }), (labels) => {
        const host = labels.join('.');
        expect(checkDomainRule(host)).toBe(reference(host));
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

/** Lines that look like hosts, and lines just off (upper case, digits, dots, CR, long labels). */
const lineArb = fc.oneof(
  fc
    .array(
      fc.oneof(
        fc.constantFrom('evil', 'com', 'co', 'uk', 'github', 'io', 'a', '-', '_', '0', '1', '127', '8', 'local-data'),
        fc.constantFrom('Evil', 'x'.repeat(63), 'x'.repeat(64), '银行', 'xn--fiqs8s', '0.0.0.0', ''),
      ),
      { minLength: 1, maxLength: 5 },
    )
    .chain((labels) => fc.constantFrom('', '.', '\r', ' ', '\t#x', '/p').map((tail) => labels.join('.') + tail)),
  fc.string({ maxLength: 12 }),
);

describe('host-line fast path', () => {
  it('a list parses exactly as the same lines with a leading space (which take the general path)', () => {
    fc.assert(
      fc.property(
        fc.array(lineArb, { maxLength: 30 }),
        fc.constantFrom<ListFormat | undefined>(undefined, 'domains', 'hosts', 'dnsmasq', 'urls', 'wildcard'),
        (lines, format) => {
          const fast = parseList(lines.join('\n'), format);
          const general = parseList(lines.map((l) => ` ${l}`).join('\n'), format);
          expect(fast).toEqual(general);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });
});

/** sortUnique as it was: one native sort, then repeats dropped. */
function sortUniqueReference(values: Float64Array): number[] {
  const sorted = Float64Array.from(values).sort();
  return Array.from(sorted).filter((v, i) => i === 0 || sorted[i - 1] !== v);
}

describe('bucketed sort of hashes', () => {
  it('sortUnique and sortUniqueAsync give what one native sort gives, large arrays included', async () => {
    const samples = fc.sample(
      fc.tuple(
        fc.integer({ min: 0, max: 40_000 }),
        fc.integer({ min: 0, max: 2 ** 32 }),
        fc.constantFrom('hashes', 'dups', 'small', 'odd'),
      ),
      { numRuns: 40, seed: 7 },
    );
    for (const [n, seed, kind] of samples) {
      let x = seed;
      const next = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0);
      const values = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const h = (next() % 2097152) * 4294967296 + next();
        values[i] = kind === 'dups' ? h % 1000 : kind === 'small' ? next() % 50 : h;
      }
      if (kind === 'odd' && n > 2) {
        values[0] = -1;
        values[1] = 2 ** 53 + 2; // not a hash53 value: the plain sort is used
      }
      const expected = sortUniqueReference(values);
      expect(Array.from(sortUnique(Float64Array.from(values)))).toEqual(expected);
      const yielded = await sortUniqueAsync(Float64Array.from(values), () => Promise.resolve(), 0);
      expect(Array.from(yielded)).toEqual(expected);
    }
  });
});

describe('list filter of the matcher', () => {
  it('gives the same verdicts while it is filled in slices and once it is filled', async () => {
    const listed = Array.from({ length: 150_000 }, (_, i) => `site${i}.example.com`);
    const rules = rulesOf(parseList(listed.join('\n')));
    const m = new Matcher([{ id: 'l', name: 'l', category: 'fraud', ...rules }], {
      blockedSites: [],
      trustedSites: [],
    });
    const probe = () =>
      ['https://site7.example.com/', 'https://a.site149999.example.com/x', 'https://other.example.com/'].map(
        (u) => m.check(u).kind,
      );
    expect(m.filterReady).toBe(false);
    expect(probe()).toEqual(['blocked', 'blocked', 'clean']);
    while (!m.filterReady) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(probe()).toEqual(['blocked', 'blocked', 'clean']);
    for (let i = 0; i < listed.length; i += 997) expect(m.check(`https://${listed[i]}/`).kind).toBe('blocked');
  });
});
