// A deterministic list of made-up host names shaped like the project's real combined
// blocklist (1,818,533 unique hosts): about half registrable domains, 40 % one subdomain
// deep, a few deeper; the real list's mix of top-level domains; word-like labels with
// digits and hyphens; a few punycode names; 19 characters on average (the real list: 21).
// Used where a test or the benchmark needs a big list and the real one (outside the
// repository) is absent: same size and shape, so import, storage and lookup costs are
// comparable, and the same names on every run. No name is taken from a real list: every
// label is drawn from syllables and words.

/** Size of the real combined list the generated one stands in for. */
export const REAL_LIST_SIZE = 1_818_533;

/** mulberry32: small, fast, good enough to draw names. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Top-level domains with their weights (counts in a 1-in-1,800 sample of the real list). */
const TLDS: readonly [string, number][] = [
  ['com', 373],
  ['top', 51],
  ['xyz', 38],
  ['app', 37],
  ['io', 35],
  ['net', 28],
  ['ru', 27],
  ['org', 27],
  ['fr', 27],
  ['site', 21],
  ['dev', 21],
  ['shop', 17],
  ['pro', 14],
  ['live', 14],
  ['pl', 12],
  ['online', 11],
  ['info', 11],
  ['cfd', 11],
  ['icu', 9],
  ['cc', 9],
  ['cn', 8],
  ['club', 8],
  ['tk', 7],
  ['id', 6],
  ['cyou', 6],
  ['co.uk', 5],
  ['com.br', 5],
  ['vip', 5],
  ['de', 5],
  ['in', 5],
];
const TLD_TOTAL = TLDS.reduce((s, [, w]) => s + w, 0);

const SUBDOMAINS = ['www', 'mail', 'api', 'login', 'secure', 'm', 'app', 'cdn', 'pay', 'auth'];
const SYLLABLES =
  'ba be bi bo bu ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo za ze zi zo an en in on un ar er or ur ex ix qu'.split(
    ' ',
  );
const WORDS =
  'secure account verify update login wallet bonus casino bet shop store support service online official promo gift'.split(
    ' ',
  );

/**
 * `count` unique host names, the same on every call with the same `seed`; a shorter list is
 * the start of a longer one.
 */
export function generateHosts(count: number, seed = 20_261_206): string[] {
  const next = random(seed);
  const int = (n: number) => Math.floor(next() * n);
  const word = (): string => {
    const r = next();
    if (r < 0.15) return WORDS[int(WORDS.length)] as string;
    let s = '';
    const n = 3 + int(3);
    for (let i = 0; i < n; i++) s += SYLLABLES[int(SYLLABLES.length)];
    return s;
  };
  const registrable = (): string => {
    const r = next();
    let label = word();
    if (r < 0.3) label += `-${word()}`;
    else if (r < 0.5) label += String(int(10_000));
    else if (r < 0.58) label = String(100_000 + int(900_000));
    else if (r < 0.6) label = `${label}${word()}`.slice(0, 40);
    if (r > 0.997) label = `xn--${label.slice(0, 8)}-${int(1000).toString(36)}`;
    return label;
  };
  const tld = (): string => {
    let r = int(TLD_TOTAL);
    for (const [name, weight] of TLDS) {
      if (r < weight) return name;
      r -= weight;
    }
    return 'com';
  };
  const seen = new Set<string>();
  const out: string[] = [];
  while (out.length < count) {
    const depth = next();
    let host = `${registrable()}.${tld()}`;
    if (depth > 0.54) host = `${next() < 0.6 ? SUBDOMAINS[int(SUBDOMAINS.length)] : word()}.${host}`;
    if (depth > 0.93) host = `${word()}.${host}`;
    if (depth > 0.985) host = `${word()}${int(100)}.${host}`;
    if (seen.has(host)) continue;
    seen.add(host);
    out.push(host);
  }
  return out;
}
