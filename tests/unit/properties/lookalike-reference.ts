// The lookalike detector as it was before its fast paths (quick rejects, one tldts parse per
// verdict): lookalike-fast-path.test.ts checks that src/lookalike decides exactly what this
// copy decides. Brand data, the skeleton, the edit distance and typoKind are shared.
import { parse } from 'tldts';
import { toUnicode } from 'punycode/punycode.es6.js';
import { OTHER_BRAND_LABELS } from '../../../src/lookalike/brands';
import { hasNonAscii, skeleton } from '../../../src/lookalike/confusables';
import { boundedOsa, deletions } from '../../../src/lookalike/distance';
import { DELS, EXACT, MIN_TYPO_ANYWHERE, OFFICIAL, SUBSTR, type LabelInfo } from '../../../src/lookalike/indexes';
import { GLUE_LURES, LURE_WORDS, PINYIN_GLUE_LURES } from '../../../src/lookalike/lures';
import { BRAND_CHEAP_SUFFIXES, numbered, ownWords, SHORT_NAME_CATEGORIES } from '../../../src/lookalike/combos';
import { brandWithLure, FREE_HOSTING_PLATFORMS, platformOf } from '../../../src/lookalike/free-hosting';
import { typoKind } from '../../../src/lookalike/typos';
import type { Hit, Kind, LookalikeMatch } from '../../../src/lookalike/types';

// ── util.ts ──

// Letter runs, digit runs and runs of other characters; hyphens separate.
const TOKEN_RE = /[a-z]+|[0-9]+|[^a-z0-9-]+/g;

function tokens(s: string): string[] {
  return s.match(TOKEN_RE) ?? [];
}

/** The higher-scoring hit; the first one on a tie. */
function better(a: Hit | null, b: Hit | null): Hit | null {
  if (!a) return b;
  if (!b) return a;
  return b.score > a.score ? b : a;
}

// ── confusables.ts (asciiFold) ──
// Digit/letter and letter-pair substitutions typosquatters use in plain ASCII.
const DIGIT_FOLD: Readonly<Record<string, string>> = { '0': 'o', '1': 'l', '3': 'e', '4': 'a', '5': 's', '7': 't' };
const HAS_LETTER = /[a-z]/;

/**
 * ASCII look-alike folding of a skeleton: rn→m, vv→w, and digits→letters inside
 * hyphen-separated parts that also hold letters ("paypa1" → "paypal"; "12306" stays).
 */
function asciiFold(s: string): string {
  let out = s.replace(/rn/g, 'm').replace(/vv/g, 'w');
  if (!/[0-9]/.test(out)) return out;
  out = out
    .split('-')
    .map((part) => (HAS_LETTER.test(part) ? part.replace(/[013457]/g, (d) => DIGIT_FOLD[d] ?? d) : part))
    .join('-');
  return out;
}

// ── typos.ts (typo) ──
/** One plausible typo away from a strong brand label, found through the deletion index. */
function typo(word: string, suffix: string, changed: boolean): Hit | null {
  if (word.length < 4 || OTHER_BRAND_LABELS.has(word)) return null;
  let best: Hit | null = null;
  for (const d of deletions(word)) {
    for (const info of DELS.get(d) ?? []) {
      const text = info.text;
      if (text === word) continue;
      // Short names ("icbc", "baidu") have too many innocent neighbours: same suffix only.
      if (text.length < MIN_TYPO_ANYWHERE && !info.suffixes.has(suffix)) continue;
      if (boundedOsa(word, text, 1) > 1) continue;
      const edit = typoKind(word, text);
      if (!edit) continue;
      const score = (changed ? 0.9 : 0.8) + (info.suffixes.has(suffix) ? 0.05 : 0);
      best = better(best, { info, kind: 'typosquat', detail: `${edit} of "${text}"`, score });
    }
  }
  return best;
}

// ── subdomains.ts ──

const MAX_HOST_LABELS = 12;
// A registrable label starting "com-" hints at "paypal.com-login.top".
const TLD_WORDS: ReadonlySet<string> = new Set(['com', 'cn', 'net', 'org', 'gov', 'www']);

function officialHit(name: string, shown: string): Hit {
  const brand = OFFICIAL.get(name);
  const text = brand?.labels[0] ?? brand?.weakLabels?.[0] ?? shown;
  const info: LabelInfo | undefined = EXACT.get(text)?.find((x) => x.brand === brand);
  const fallback: LabelInfo | undefined = brand && {
    text: shown,
    brand,
    official: brand.officialDomains[0] ?? name,
    weak: false,
    numeric: false,
    suffixes: new Set(),
  };
  const chosen = info ?? fallback;
  if (!chosen) throw new Error(`no brand for ${name}`);
  return { info: chosen, kind: 'combosquat', detail: `"${shown}" used inside another domain`, score: 0.9 };
}

/**
 * Brand domains or names in the subdomain part: "www.icbc.com.cn.evil.top",
 * "alipay.com.verify-user.cc", "paypal.com-login.top", "appleid-verify.host.net".
 * `labels` are the host's labels (subdomain ones already skeleton-folded).
 */
function checkSubdomains(labels: string[], regStart: number, regTokens: string[], cheap: boolean): Hit | null {
  let best: Hit | null = null;
  const n = Math.min(labels.length, MAX_HOST_LABELS);
  const hostLure = labels.some((l) => tokens(l).some((t) => LURE_WORDS.has(t)));
  const tldStart = regTokens.length > 1 && TLD_WORDS.has(regTokens[0] ?? '');
  for (let i = 0; i < Math.min(regStart, n); i++) {
    let seq = labels[i] ?? '';
    for (let j = i + 1; j < n; j++) {
      const next = labels[j] ?? '';
      const full = `${seq}.${next}`;
      // At least a registrable label and a suffix must follow: "amazon.com.be" and
      // "apple.com.com" are suffix variants, not another site wearing the name.
      if (labels.length - 1 - j >= 2 && OFFICIAL.has(full)) {
        const hit = officialHit(full, full);
        if (!best || hit.score >= best.score) best = hit; // the longest official name wins
      }
      const head = next.split('-')[0] ?? '';
      if (head !== next && OFFICIAL.has(`${seq}.${head}`))
        best = better(best, officialHit(`${seq}.${head}`, `${seq}.${head}`));
      seq = full;
    }
    // A strong name inside a subdomain label, not before an address word.
    const first = labels[i] ?? '';
    if (first.length >= 5 && (!TLD_WORDS.has(labels[i + 1] ?? '') || i + 1 < regStart)) {
      const named = SUBSTR.find((x) => first.includes(x.text));
      if (named)
        best = better(best, {
          info: named,
          kind: 'combosquat',
          detail: `"${named.text}" in the subdomain of another domain`,
          score: 0.7,
        });
    }
    // A brand name as a subdomain label, next to a lure word, a "com-" registrable
    // label, or on a cheap / free-hosting suffix ("amazon.kmxqjxpo.cn" is not: .cn is not cheap).
    if (!hostLure && !tldStart && !cheap) continue;
    for (const t of tokens(labels[i] ?? '')) {
      for (const info of EXACT.get(t) ?? []) {
        if (info.weak && !hostLure) continue;
        best = better(best, {
          info,
          kind: 'combosquat',
          detail: `"${t}" in the subdomain of another domain`,
          score: 0.7,
        });
      }
    }
  }
  return best;
}

// ── index.ts ──

// Skip tldts' URL parsing: we pass a bare host.
const TLD_OPTS = { allowPrivateDomains: true, extractHostname: false, mixedInputs: false } as const;
const MAX_LABEL = 63;
const CJK = /[\u4e00-\u9fff]/;
const PLAIN_DOMAIN_PLATFORMS = [...FREE_HOSTING_PLATFORMS].filter((p) => parse(`x.${p}`, TLD_OPTS).isPrivate !== true);

/**
 * "Same name, other suffix" only under cheap suffixes phishers favour: brands own many
 * ccTLD/gTLD variants themselves (icbc.com.ar, baidu.jp, binance.me, cmbchina.biz).
 */
const ABUSED_SUFFIXES: ReadonlySet<string> = new Set(
  (
    'top xyz vip cc icu shop online site club live work buzz cyou sbs cfd bond lol fun pw tk ml ga cf gq ' +
    'win bid loan click link rest fit beauty hair monster quest asia store app info'
  ).split(' '),
);

// High-value targets whose names third parties rarely use; big tech brands hold their name
// under cheap suffixes too (google.tk, baidu.cc, huawei.asia) and run infrastructure there.
const HIGH_VALUE: ReadonlySet<string> = new Set(['bank', 'payment', 'government', 'crypto']);

/** CDN CNAME targets embed customer host names ("m.mall.icbc.com.cn.icbcweb.akadns99.net"). */
const CDN_DOMAINS: ReadonlySet<string> = new Set([
  'akadns.net',
  'akadns99.net',
  'akamaiedge.net',
  'akamai.net',
  'edgekey.net',
  'edgesuite.net',
]);

/** How a label looks to a reader: punycode decoded. */
function decode(label: string): string {
  if (!label.includes('xn--')) return label;
  try {
    return toUnicode(label);
  } catch {
    return label; // malformed punycode: compare as it is
  }
}

/**
 * Exact-name, typo and combo checks on one normalised form of the registrable label.
 * `cheap`: the suffix is one phishers favour or a free-hosting (private) suffix.
 */
function checkLabel(form: string, suffix: string, changed: boolean, cheap: boolean): Hit | null {
  if (form.length === 0 || form.length > MAX_LABEL) return null;
  let best: Hit | null = null;

  // 1. Same name: after undoing look-alike characters, or under an abused suffix.
  for (const info of EXACT.get(form) ?? []) {
    if (changed) {
      best = better(best, { info, kind: 'typosquat', detail: `looks like "${info.text}"`, score: 0.95 });
    } else if (
      HIGH_VALUE.has(info.brand.category) &&
      ABUSED_SUFFIXES.has(suffix) &&
      (!info.weak || SHORT_NAME_CATEGORIES.has(info.brand.category))
    ) {
      const detail = `"${info.text}" under another suffix (.${suffix})`;
      best = better(best, { info, kind: 'typosquat', detail, score: 0.75 });
    }
  }
  if (best) return best;

  const toks = tokens(form);
  const lure = toks.find((t) => LURE_WORDS.has(t));

  // 2. A typo of the whole label ("paypall", "icdc", "aliapy").
  if (toks.length === 1 && form.length >= 4) best = typo(form, suffix, changed);

  // 3. Combos need a lure word: brands and partners register "tencent-cloud",
  //    "alipay-corp", "hb12333" innocently, but rarely "icbc-login" or "qq-kefu".
  if (toks.length > 1 && lure) {
    for (const t of toks) {
      if (t === lure) continue;
      for (const info of EXACT.get(t) ?? []) {
        best = better(best, { info, kind: 'combosquat', detail: `"${t}" with "${lure}"`, score: 0.9 });
      }
      const hit = typo(t, suffix, changed);
      if (hit)
        best = better(best, { ...hit, kind: 'combosquat', score: 0.75, detail: `${hit.detail}, with "${lure}"` });
    }
  }
  if (toks.length > 1) best = better(best, ownWords(toks, form.includes('-')));
  if (!best && toks.length === 2 && form.includes('-')) best = numbered(toks);
  if (!best && toks.length > 1 && BRAND_CHEAP_SUFFIXES.has(suffix)) {
    for (const t of toks) {
      const info = EXACT.get(t)?.find((x) => !x.weak && !x.numeric);
      if (info) {
        best = { info, kind: 'combosquat', detail: `"${t}" on .${suffix}`, score: 0.7 };
        break;
      }
    }
  }
  // On a cheap or free-hosting suffix a bank, payment, government or crypto name needs
  // no lure ("unionpay95516.cc", "coinbase-x.top"), nor a short bank or government name
  // with a hyphen ("ccb-vip.top").
  if (!best && cheap && toks.length > 1) {
    for (const t of toks) {
      for (const info of EXACT.get(t) ?? []) {
        const category = info.brand.category;
        if (info.weak ? !SHORT_NAME_CATEGORIES.has(category) || !form.includes('-') : !HIGH_VALUE.has(category))
          continue;
        best = better(best, { info, kind: 'combosquat', detail: `"${t}" on .${suffix}`, score: 0.75 });
      }
    }
  }
  // A strong name glued to a lure word: "icbcbank", "verifyappleid". Weak names
  // need the hyphen ("payline", "linebank" are innocent).
  for (const t of toks) {
    for (let i = 2; i <= t.length - 2; i++) {
      const head = t.slice(0, i);
      const tail = t.slice(i);
      const [name, word] = GLUE_LURES.has(tail) ? [head, tail] : GLUE_LURES.has(head) ? [tail, head] : ['', ''];
      for (const info of EXACT.get(name) ?? []) {
        if (info.weak && !(SHORT_NAME_CATEGORIES.has(info.brand.category) && PINYIN_GLUE_LURES.has(word))) continue;
        best = better(best, { info, kind: 'combosquat', detail: `"${name}" with "${word}"`, score: 0.85 });
      }
    }
  }
  // 4. A distinctive name inside a longer word, with a strong lure ("myalipay-verify").
  if (!best && lure && GLUE_LURES.has(lure)) {
    const info = SUBSTR.find((x) => form.length > x.text.length && form.includes(x.text));
    if (info) best = { info, kind: 'combosquat', detail: `contains "${info.text}" and "${lure}"`, score: 0.8 };
  }
  return best;
}

function toMatch(hit: Hit, kind: Kind, note: string): LookalikeMatch {
  const b = hit.info.brand;
  return {
    brandId: b.id,
    brandName: b.name,
    brandNameZh: b.nameZh,
    officialDomain: hit.info.official,
    kind,
    detail: note + hit.detail,
    score: Math.min(1, Math.round(hit.score * 100) / 100),
  };
}

/**
 * Does this host imitate a protected brand? Returns the strongest match or null.
 * Never flags a brand's own registrable domains or their subdomains.
 */
export function referenceCheckLookalike(host: string): LookalikeMatch | null {
  let h = host.trim().toLowerCase();
  if (h.endsWith('.')) h = h.slice(0, -1);
  if (h.length === 0 || h.length > 253) return null;
  const parsed = parse(h, TLD_OPTS);
  let { domain, domainWithoutSuffix: label, publicSuffix: suffix } = parsed;
  if (parsed.isIp || !domain || !label || !suffix) return null;
  if (OFFICIAL.has(domain) || CDN_DOMAINS.has(domain)) return null;
  // A site on free hosting: the platform acts as the suffix.
  let platform: string | null = null;
  if (parsed.isPrivate === true) {
    platform = FREE_HOSTING_PLATFORMS.has(suffix) ? suffix : platformOf(h);
  } else if ((PLAIN_DOMAIN_PLATFORMS.includes(domain) || domain.startsWith('blogspot.')) && h.length > domain.length) {
    platform = platformOf(h);
  }
  if (platform && parsed.isPrivate !== true) {
    suffix = platform;
    const site = h.slice(0, h.length - platform.length - 1);
    label = site.slice(site.lastIndexOf('.') + 1);
    domain = `${label}.${platform}`;
  }

  const shown = decode(label);
  const idn = hasNonAscii(shown);
  const skel = skeleton(shown);
  const folded = asciiFold(skel);

  const cheap = parsed.isPrivate === true || platform !== null || ABUSED_SUFFIXES.has(suffix);
  let hit = checkLabel(skel, suffix, idn, cheap);
  let kind: Kind | null = hit ? (idn && !shown.includes(hit.info.text) ? 'homograph' : hit.kind) : null;
  let note = kind === 'homograph' ? `"${shown}" read as "${skel}": ` : '';
  if (folded !== skel) {
    // "paypa1", "rnicrosoft": the ASCII fold may find a stronger match than the plain form.
    const alt = checkLabel(folded, suffix, true, cheap);
    if (alt && (!hit || alt.score > hit.score)) {
      hit = alt;
      kind = idn ? 'homograph' : alt.kind;
      note = `"${shown}" read as "${folded}": `;
    }
  }
  if (hit && kind === 'homograph') hit = { ...hit, score: Math.max(hit.score, 0.9) };
  // A Chinese name or lure in an internationalised label: "支付宝退款.com", "etc认证.top".
  if (idn && CJK.test(shown) && (!hit || hit.score < 0.85)) {
    const zh = brandWithLure(shown);
    if (zh) {
      hit = { info: zh.info, kind: 'combosquat', detail: `"${zh.name}" with "${zh.lure}"`, score: 0.85 };
      kind = 'combosquat';
      note = '';
    }
  }

  const labels = h.split('.');
  const regStart = labels.length - domain.split('.').length;
  if (regStart > 0) {
    const seen = labels.map((l, i) => (i < regStart ? asciiFold(skeleton(decode(l))) : l));
    const sub = checkSubdomains(seen, regStart, tokens(skel), cheap);
    if (sub && (!hit || sub.score > hit.score)) {
      hit = sub;
      kind = sub.kind;
      note = '';
    }
  }
  if (platform) {
    const name = h.length > platform.length ? h.slice(0, h.length - platform.length - 1) : '';
    const site = brandWithLure(asciiFold(skeleton(decode(name))));
    if (site && (!hit || hit.score < 0.8)) {
      const detail = `"${site.name}" with "${site.lure}" on free hosting (${platform})`;
      hit = { info: site.info, kind: 'combosquat', detail, score: 0.8 };
      kind = 'combosquat';
      note = '';
    }
  }
  return hit && kind ? toMatch(hit, kind, note) : null;
}
