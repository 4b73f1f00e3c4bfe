import { EXACT, OFFICIAL, SUBSTR, type LabelInfo } from './indexes';
import { LURE_WORDS } from './lures';
import type { Hit } from './types';
import { better, tokens } from './util';

const MAX_HOST_LABELS = 12;
// A registrable label starting "com-" hints at "paypal.com-login.top".
const TLD_WORDS: ReadonlySet<string> = new Set(['com', 'cn', 'net', 'org', 'gov', 'www']);
/** First labels of the official registrable domains ("icbc" of icbc.com.cn, "www" of www.gov.cn). */
const OFFICIAL_FIRST_LABELS: ReadonlySet<string> = new Set(Array.from(OFFICIAL.keys(), (d) => d.split('.')[0] ?? d));

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
export function checkSubdomains(labels: string[], regStart: number, regTokens: string[], cheap: boolean): Hit | null {
  let best: Hit | null = null;
  const n = Math.min(labels.length, MAX_HOST_LABELS);
  // Whether some label holds a lure word: worked out only when an answer depends on it.
  let hostLure: boolean | undefined;
  const tldStart = regTokens.length > 1 && TLD_WORDS.has(regTokens[0] ?? '');
  for (let i = 0; i < Math.min(regStart, n); i++) {
    const first = labels[i] ?? '';
    // Every name the loop below looks up starts with this label: most labels start none.
    if (OFFICIAL_FIRST_LABELS.has(first)) {
      let seq = first;
      for (let j = i + 1; j < n; j++) {
        const next = labels[j] ?? '';
        const full = `${seq}.${next}`;
        // At least a registrable label and a suffix must follow: "amazon.com.be" and
        // "apple.com.com" are suffix variants, not another site wearing the name.
        if (labels.length - 1 - j >= 2 && OFFICIAL.has(full)) {
          const hit = officialHit(full, full);
          if (!best || hit.score >= best.score) best = hit; // the longest official name wins
        }
        const dash = next.indexOf('-');
        if (dash >= 0) {
          const name = `${seq}.${next.slice(0, dash)}`;
          if (OFFICIAL.has(name)) best = better(best, officialHit(name, name));
        }
        seq = full;
      }
    }
    // A strong name of five letters or more inside a subdomain label of someone else's
    // domain: "www.netflix.pushpatech.com", "accounts.google.sn.cn", "abc.touseramazoncard.top".
    // Not before an address word ("amazon.com.be" is a suffix variant).
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
    const toks = tokens(first);
    if (!toks.some((t) => EXACT.has(t))) continue; // no brand name here, whatever the lures
    hostLure ??= labels.some((l) => tokens(l).some((t) => LURE_WORDS.has(t)));
    if (!hostLure && !tldStart && !cheap) continue;
    for (const t of toks) {
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
