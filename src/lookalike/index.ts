import { parse } from 'tldts';
import { toUnicode } from 'punycode/punycode.es6.js';
import { asciiFold, hasNonAscii, skeleton } from './confusables';
import { boundedOsa, deletions } from './distance';
import { DELS, EXACT, LONG, MIN_TYPO_LEN, OFFICIAL, SUBSTR, type LabelInfo } from './indexes';
import { LURE_WORDS } from './lures';

export interface LookalikeMatch {
  brandId: string;
  brandName: string;
  brandNameZh: string;
  officialDomain: string;
  kind: 'homograph' | 'typosquat' | 'combosquat';
  detail: string;
  score: number /* 0..1 */;
}

type Kind = LookalikeMatch['kind'];

interface Hit {
  info: LabelInfo;
  kind: Kind;
  detail: string;
  score: number;
}

// Skip tldts' URL parsing: we pass a bare host.
const TLD_OPTS = { allowPrivateDomains: true, extractHostname: false, mixedInputs: false } as const;
const TOKEN_RE = /[a-z]+|[0-9]+|[^a-z0-9-]+/g;
// Country-code suffixes ("de", "co.uk", "com.hk") a global brand usually owns defensively.
const CC_SUFFIX = /^(?:[a-z]{2}|(?:com|co|net|org|or|ne|gov|edu|ac)\.[a-z]{2})$/;
// A registrable label starting like "com-" hints at "brand.com-login.top".
const TLD_WORDS: ReadonlySet<string> = new Set(['com', 'cn', 'net', 'org', 'gov', 'www']);
const MAX_LABEL = 63;
const MAX_HOST_LABELS = 12;

function better(a: Hit | null, b: Hit | null): Hit | null {
  if (!a) return b;
  if (!b) return a;
  return b.score > a.score ? b : a;
}

/** How a label looks to a reader: punycode decoded, lower case. */
function decode(label: string): string {
  if (!label.includes('xn--')) return label;
  try {
    return toUnicode(label);
  } catch {
    return label; // malformed punycode: compare as it is
  }
}

function tokens(s: string): string[] {
  return s.match(TOKEN_RE) ?? [];
}

/** Exact label, edit distance, and combo checks on one normalised form of the registrable label. */
function checkLabel(form: string, suffix: string, changed: boolean): Hit | null {
  let best: Hit | null = null;
  if (form.length === 0 || form.length > MAX_LABEL) return null;

  // 1. Same name: under another suffix, or after undoing look-alike characters.
  for (const info of EXACT.get(form) ?? []) {
    if (changed) {
      best = better(best, { info, kind: 'typosquat', detail: `looks like "${info.text}"`, score: 0.95 });
    } else if (!info.weak && !(info.brand.ownsCcTlds === true && CC_SUFFIX.test(suffix))) {
      const detail = `"${info.text}" under another suffix (.${suffix})`;
      best = better(best, { info, kind: 'typosquat', detail, score: 0.75 });
    }
  }
  if (best) return best;

  const toks = tokens(form);
  const lure = toks.find((t) => LURE_WORDS.has(t));

  // 2. Typos of the whole label (one word only: "paypall", "icdc", "rnicrosoft").
  if (toks.length === 1 && form.length >= 4) best = better(best, typo(form, suffix, changed));

  // 3. Combos: a brand token next to other tokens ("icbc-login", "95588-icbc", "qq-kefu").
  if (toks.length > 1) {
    for (const t of toks) {
      for (const info of EXACT.get(t) ?? []) {
        if (info.weak && (!lure || lure === t)) continue;
        const score = lure && lure !== t ? 0.9 : 0.8;
        const detail = lure && lure !== t ? `"${t}" with "${lure}"` : `contains "${t}"`;
        best = better(best, { info, kind: 'combosquat', detail, score });
      }
      if (lure && lure !== t && t.length >= MIN_TYPO_LEN) {
        const hit = typo(t, suffix, changed);
        if (hit) best = better(best, { ...hit, kind: 'combosquat', score: 0.75, detail: `${hit.detail}, with "${lure}"` });
      }
    }
  }
  // Brand glued to a lure word: "qqlogin", "icbcbank", "verifyappleid".
  for (const t of toks) {
    for (let i = 2; i <= t.length - 2; i++) {
      const head = t.slice(0, i);
      const tail = t.slice(i);
      const pair: [string, string] | null = LURE_WORDS.has(tail) ? [head, tail] : LURE_WORDS.has(head) ? [tail, head] : null;
      if (!pair) continue;
      for (const info of EXACT.get(pair[0]) ?? []) {
        best = better(best, { info, kind: 'combosquat', detail: `"${pair[0]}" with "${pair[1]}"`, score: 0.85 });
      }
    }
  }
  // 4. A distinctive brand name anywhere inside ("alipaysecure", "myicloudfind").
  if (!best) {
    for (const info of SUBSTR) {
      if (form.length > info.text.length && form.includes(info.text)) {
        const score = lure ? 0.8 : 0.7;
        const detail = lure ? `contains "${info.text}" and "${lure}"` : `contains "${info.text}"`;
        best = { info, kind: 'combosquat', detail, score };
        break;
      }
    }
  }
  return best;
}

/** Edit distance 1 (2 for long labels) from a strong brand label. */
function typo(word: string, suffix: string, changed: boolean): Hit | null {
  let best: Hit | null = null;
  for (const d of deletions(word)) {
    for (const info of DELS.get(d) ?? []) {
      if (info.text === word) continue;
      // Four-letter names ("icbc") have too many innocent neighbours: same suffix only.
      if (info.text.length < MIN_TYPO_LEN && !info.suffixes.has(suffix)) continue;
      if (boundedOsa(word, info.text, 1) > 1) continue;
      const score = (changed ? 0.9 : 0.8) + (info.suffixes.has(suffix) ? 0.05 : 0);
      best = better(best, { info, kind: 'typosquat', detail: `one edit from "${info.text}"`, score });
    }
  }
  if (best || word.length < 7) return best;
  for (const info of LONG) {
    if (Math.abs(info.text.length - word.length) > 2) continue;
    if (boundedOsa(word, info.text, 2) <= 2) {
      best = better(best, { info, kind: 'typosquat', detail: `two edits from "${info.text}"`, score: 0.7 });
    }
  }
  return best;
}

/** Brand domains or names inside the subdomain part: "www.icbc.com.cn.evil.top", "paypal.com-login.cc". */
function checkSubdomains(labels: string[], regStart: number, regLabel: string): Hit | null {
  let best: Hit | null = null;
  const n = Math.min(labels.length, MAX_HOST_LABELS);
  const regToks = tokens(regLabel);
  const hostLure = labels.some((l) => tokens(l).some((t) => LURE_WORDS.has(t)));
  const tldStart = regToks.length > 1 && TLD_WORDS.has(regToks[0] ?? '');
  for (let i = 0; i < Math.min(regStart, n); i++) {
    let seq = labels[i] ?? '';
    for (let j = i + 1; j < n; j++) {
      const next = labels[j] ?? '';
      const full = `${seq}.${next}`;
      const brand = j < labels.length - 1 ? OFFICIAL.get(full) : undefined;
      const head = next.split('-')[0] ?? '';
      const partial = head !== next ? OFFICIAL.get(`${seq}.${head}`) : undefined;
      const hitBrand = brand ?? partial;
      if (hitBrand) {
        const shown = brand ? full : `${seq}.${head}`;
        const info = EXACT.get(hitBrand.labels[0] ?? hitBrand.weakLabels?.[0] ?? '')?.[0];
        const official = hitBrand.officialDomains[0] ?? shown;
        const hit: Hit = {
          info: info ?? { text: shown, brand: hitBrand, official, weak: false, numeric: false, suffixes: new Set() },
          kind: 'combosquat',
          detail: `"${shown}" used inside another domain`,
          score: 0.9,
        };
        if (!best || hit.score >= best.score) best = hit; // the longest official name wins

      }
      seq = full;
    }
    // A brand name as a whole subdomain label, next to a lure or a "com-" registrable label.
    const subToks = tokens(labels[i] ?? '');
    for (const t of subToks) {
      for (const info of EXACT.get(t) ?? []) {
        if (info.weak && !hostLure) continue;
        if (!hostLure && !tldStart) continue;
        const detail = `"${t}" in the subdomain of another domain`;
        best = better(best, { info, kind: 'combosquat', detail, score: 0.7 });
      }
    }
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
export function checkLookalike(host: string): LookalikeMatch | null {
  let h = host.trim().toLowerCase();
  if (h.endsWith('.')) h = h.slice(0, -1);
  if (h.length === 0 || h.length > 253) return null;
  const parsed = parse(h, TLD_OPTS);
  const domain = parsed.domain;
  const label = parsed.domainWithoutSuffix;
  const suffix = parsed.publicSuffix;
  if (parsed.isIp || !domain || !label || !suffix) return null;
  if (OFFICIAL.has(domain)) return null;

  const shown = decode(label);
  const idn = hasNonAscii(shown);
  const skel = skeleton(shown);
  const folded = asciiFold(skel);

  let hit = checkLabel(skel, suffix, idn);
  let kind: Kind | null = hit ? (idn && !shown.includes(hit.info.text) ? 'homograph' : hit.kind) : null;
  let note = kind === 'homograph' ? `"${shown}" read as "${skel}": ` : '';
  if (folded !== skel) {
    // "paypa1", "rnicrosoft": the ASCII fold may find a stronger match than the plain form.
    const alt = checkLabel(folded, suffix, true);
    if (alt && (!hit || alt.score > hit.score)) {
      hit = alt;
      kind = idn ? 'homograph' : alt.kind;
      note = `"${shown}" read as "${folded}": `;
    }
  }
  if (kind === 'homograph' && hit) hit = { ...hit, score: Math.max(hit.score, 0.9) };

  const labels = h.split('.');
  const regStart = labels.length - domain.split('.').length;
  if (regStart > 0) {
    const subs = labels.map((l, i) => (i < regStart ? asciiFold(skeleton(decode(l))) : l));
    const sub = checkSubdomains(subs, regStart, skel);
    if (sub && (!hit || sub.score > hit.score)) {
      hit = sub;
      kind = sub.kind;
      note = '';
    }
  }
  return hit && kind ? toMatch(hit, kind, note) : null;
}
