// Generators shared by the property tests. Hosts come from a small alphabet of labels so
// that random lists and random pages actually meet (a random string almost never matches).
import fc from 'fast-check';

/** Registrable-looking labels, a look-alike, a punycode label, a Unicode label and an odd case. */
export const LABELS = ['evil', 'good', 'www', 'pay', 'a', 'b1', 'x-y', 'xn--fiqs8s', '银行', 'EVIL', '_srv'];
/** Public suffixes, including multi-label and private (PSL "private section") ones. */
export const SUFFIXES = ['com', 'cn', 'com.cn', 'github.io', 'co.uk', 'blogspot.com', 'test', 'io'];
export const IPS = ['203.0.113.9', '10.0.0.1', '[2001:db8::1]', '[::1]'];

/** "a.evil.com.cn", "evil.github.io", "github.io" (a bare suffix), an IP … */
export const hostArb: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .tuple(fc.array(fc.constantFrom(...LABELS), { minLength: 0, maxLength: 3 }), fc.constantFrom(...SUFFIXES))
      .map(([labels, suffix]) => [...labels, suffix].join('.')),
  },
  { weight: 1, arbitrary: fc.constantFrom(...IPS) },
);

export const PATH_SEGMENTS = ['login', 'pay', 'x', 'Login', '支付', 'a%20b', 'p.php'];

/** "", "/login", "/pay/x/", "/login?id=1" … (fewer than the matcher's 12 segments). */
export const pathArb: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(fc.constantFrom(...PATH_SEGMENTS), { maxLength: 4 }),
    fc.boolean(),
    fc.constantFrom('', '?id=1', '?a=b&c=d'),
  )
  .map(([segs, slash, query]) => (segs.length === 0 ? '' : '/' + segs.join('/') + (slash ? '/' : '')) + query);

/** Lines in every syntax the parser knows, built around the host alphabet, plus junk. */
export function lineArb(): fc.Arbitrary<string> {
  const h = hostArb;
  return fc.oneof(
    h,
    h.map((d) => `*.${d}`),
    h.map((d) => `0.0.0.0 ${d}`),
    fc.tuple(h, h).map(([a, b]) => `127.0.0.1\t${a} ${b} # comment`),
    h.map((d) => `:: ${d}`),
    h.map((d) => `||${d}^`),
    h.map((d) => `||${d}^$document`),
    h.map((d) => `@@||${d}^`),
    h.map((d) => `||${d}^$third-party`),
    fc.tuple(h, pathArb).map(([d, p]) => `||${d}${p}`),
    fc.tuple(h, pathArb).map(([d, p]) => `@@||${d}${p}^`),
    h.map((d) => `address=/${d}/0.0.0.0`),
    fc.tuple(h, h).map(([a, b]) => `server=/${a}/${b}/`),
    h.map((d) => `local-zone: "${d}." always_null`),
    fc.tuple(h, pathArb).map(([d, p]) => `https://${d}${p}`),
    fc.tuple(h, pathArb).map(([d, p]) => `${d}${p}`),
    fc.tuple(h, pathArb).map(([d, p]) => `http://user@${d}:8080${p}#frag`),
    h.map((d) => `${d}##.ad-banner`),
    h.map((d) => `/${d}/`),
    h.map((d) => `["${d}"]`),
    h.map((d) => `{"deny":["${d}"]}`),
    fc.constantFrom('! comment', '# comment', '[Adblock Plus 2.0]', '', '   ', '\r', '\ufeff', 'localhost', '0.0.0.0'),
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    fc.string({ unit: 'binary', maxLength: 20 }),
  );
}

/** A whole list: lines joined with \n or \r\n, sometimes with a BOM. */
export const listTextArb: fc.Arbitrary<string> = fc
  .tuple(fc.array(lineArb(), { maxLength: 12 }), fc.constantFrom('\n', '\r\n'), fc.boolean())
  .map(([lines, eol, bom]) => (bom ? '\ufeff' : '') + lines.join(eol));

export const formatArb = fc.constantFrom(
  undefined,
  'hosts' as const,
  'domains' as const,
  'wildcard' as const,
  'dnsmasq' as const,
  'abp' as const,
  'urls' as const,
  'json' as const,
);
