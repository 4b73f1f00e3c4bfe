// The lookalike detector's fast paths (one tldts parse shared with the matcher, trigram
// quick rejects before the typo and glue searches, lazy lure checks in the subdomain pass,
// a quick exit from the ASCII fold) must decide exactly what the code before them decided
// (./lookalike-reference.ts), on generated hosts near the brands and on real ones.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { toASCII } from 'punycode/punycode.es6.js';
import { describe, expect, it } from 'vitest';
import { checkLookalike } from '../../../src/lookalike';
import { BRANDS } from '../../../src/lookalike/brands';
import { asciiFold } from '../../../src/lookalike/confusables';
import { GLUE_LURES, LURE_WORDS } from '../../../src/lookalike/lures';
import { domainCandidates } from '../../../src/match/candidates';
import { referenceCheckLookalike } from './lookalike-reference';

const NUM_RUNS = 20_000;

const brandLabels = BRANDS.flatMap((b) => [...b.labels, ...(b.weakLabels ?? [])]);
const officialDomains = BRANDS.flatMap((b) => b.officialDomains);
const lures = [...LURE_WORDS, ...GLUE_LURES];
const CONFUSABLE = ['а', 'о', 'е', 'і', 'ӏ', 'ο', 'ρ', 'é', 'ü', 'ｐ', '\u200b', 'ー'];
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789-';

/** One edit of `s`: a deletion, insertion, substitution or swap at `at`. */
function edit(s: string, op: number, at: number, ch: string): string {
  const i = s.length === 0 ? 0 : at % s.length;
  switch (op) {
    case 0:
      return s.slice(0, i) + s.slice(i + 1);
    case 1:
      return s.slice(0, i) + ch + s.slice(i);
    case 2:
      return s.slice(0, i) + ch + s.slice(i + 1);
    default:
      return s.slice(0, i) + (s[i + 1] ?? '') + (s[i] ?? '') + s.slice(i + 2);
  }
}

const brandArb = fc.constantFrom(...brandLabels);
const lureArb = fc.constantFrom(...lures);
const charArb = fc.oneof(fc.constantFrom(...ALPHABET), fc.constantFrom(...CONFUSABLE));
const randomWordArb = fc.string({ unit: fc.constantFrom(...ALPHABET), minLength: 1, maxLength: 14 });
const typoArb = fc
  .tuple(brandArb, fc.nat(3), fc.nat(30), charArb)
  .map(([b, op, at, ch]) => edit(b, op, at, ch))
  .filter((s) => s.length > 0);
const wordArb = fc.oneof(
  brandArb,
  lureArb,
  typoArb,
  randomWordArb,
  fc.constantFrom('com', 'www', 'cn', 'net', 'rn', 'vv'),
);
const labelArb = fc.oneof(
  { weight: 4, arbitrary: wordArb },
  {
    weight: 3,
    arbitrary: fc
      .array(wordArb, { minLength: 2, maxLength: 3 })
      .chain((ws) => fc.constantFrom(ws.join('-'), ws.join(''))),
  },
  // Digits and letter pairs the ASCII fold undoes ("paypa1", "rnicrosoft").
  {
    weight: 1,
    arbitrary: brandArb.map((b) => b.replace(/l/g, '1').replace(/o/g, '0').replace(/m/g, 'rn').replace(/w/g, 'vv')),
  },
  // Homographs, as typed and as punycode.
  {
    weight: 2,
    arbitrary: fc.tuple(brandArb, fc.nat(30), fc.constantFrom(...CONFUSABLE), fc.boolean()).map(([b, at, ch, puny]) => {
      const u = edit(b, 2, at, ch);
      if (!puny) return u;
      try {
        return toASCII(u);
      } catch {
        return u;
      }
    }),
  },
);
const suffixArb = fc.constantFrom(
  'com',
  'cn',
  'com.cn',
  'net',
  'top',
  'xyz',
  'cc',
  'co.uk',
  'github.io',
  'vercel.app',
  'blogspot.com',
  'test',
  'gov.cn',
  'io',
  'me',
  'akadns.net',
  'com.hk',
  'pages.dev',
  'xn--fiqs8s',
);
const hostArb = fc
  .tuple(
    fc.array(
      fc.oneof({ weight: 3, arbitrary: labelArb }, { weight: 1, arbitrary: fc.constantFrom(...officialDomains) }),
      {
        maxLength: 4,
      },
    ),
    labelArb,
    suffixArb,
    fc.constantFrom('', '', '', '.', '..', ' ', 'UP'),
  )
  .map(([subs, reg, suffix, extra]) => {
    const host = [...subs, reg, suffix].join('.');
    if (extra === 'UP') return host.toUpperCase();
    return extra === ' ' ? ` ${host} ` : host + extra;
  });

function agree(host: string, viaMatcher: boolean): void {
  // In the background the matcher parses the host first; the detector reuses that parse.
  if (viaMatcher) domainCandidates(host);
  expect(checkLookalike(host), host).toEqual(referenceCheckLookalike(host));
}

describe('property: the lookalike fast paths change no answer', () => {
  it('agrees with the reference on hosts built from brand names, typos, lures and homographs', () => {
    fc.assert(
      fc.property(hostArb, fc.boolean(), (host, viaMatcher) => agree(host, viaMatcher)),
      { numRuns: NUM_RUNS },
    );
  });

  it('agrees with the reference on arbitrary strings', () => {
    const anyHost = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.string({ unit: fc.constantFrom(...ALPHABET, '.', '.', '_', ...CONFUSABLE), maxLength: 60 }),
    );
    fc.assert(
      fc.property(anyHost, fc.boolean(), (host, viaMatcher) => agree(host, viaMatcher)),
      { numRuns: NUM_RUNS },
    );
  });

  it("asciiFold's quick exit returns what the full folding returns", () => {
    const s = fc.string({ unit: fc.constantFrom(...ALPHABET, '.', '_', 'A', ...CONFUSABLE), maxLength: 30 });
    fc.assert(
      fc.property(s, (x) => {
        const folded = x.replace(/rn/g, 'm').replace(/vv/g, 'w');
        if (!/[0-9]/.test(folded)) expect(asciiFold(x)).toBe(folded);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('agrees with the reference on real lookalike, phishing and legitimate hosts', () => {
    // Real lookalikes, phishing domains and mainland-China services: sources in tests/fixtures/README.md.
    const hosts = readFileSync(
      new URL('../../fixtures/lists/excerpts/lookalike-sample-hosts.txt', import.meta.url),
      'utf8',
    )
      .split('\n')
      .filter((l) => l.includes('.') && !l.startsWith('#'));
    expect(hosts.length).toBeGreaterThan(7_000);
    let flagged = 0;
    hosts.forEach((host, i) => {
      agree(host, i % 2 === 0);
      if (checkLookalike(host)) flagged++;
    });
    expect(flagged).toBeGreaterThan(100); // the sample reaches the detector's matching paths
  });
});
