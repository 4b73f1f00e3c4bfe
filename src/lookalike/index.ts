import { toUnicode } from 'punycode/punycode.es6.js';
import { parseHost } from '../match/parse-host';
import { asciiFold, hasNonAscii, skeleton } from './confusables';
import { brandWithLure, FREE_HOSTING_PLATFORMS, PATH_SITE_HOSTS, platformOf } from './free-hosting';
import { ABUSED_SUFFIXES, BRAND_CHEAP_SUFFIXES, HIGH_VALUE, numbered, ownWords, SHORT_NAME_CATEGORIES } from './combos';
import { EXACT, OFFICIAL, SUBSTR } from './indexes';
import { GLUE_LURES, LURE_WORDS, PINYIN_GLUE_LURES } from './lures';
import { mayHaveGlueLure } from './prefilter';
import { checkSubdomains } from './subdomains';
import { typo } from './typos';
import type { Hit, Kind, LookalikeMatch } from './types';
import { better, tokens } from './util';

export type { LookalikeMatch } from './types';

const MAX_LABEL = 63;
const CJK = /[\u4e00-\u9fff]/;

/** Free-hosting platforms that the Public Suffix List does not list as suffixes (weebly.com, glitch.me). */
const PLAIN_DOMAIN_PLATFORMS: ReadonlySet<string> = new Set(
  [...FREE_HOSTING_PLATFORMS].filter((p) => parseHost(`x.${p}`).isPrivate !== true),
);

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
  // (Loops over a looked-up list only when there is one, and by index over the tokens:
  // unoptimised code pays for every iterator, and most lookups miss.)
  const exact = EXACT.get(form);
  if (exact)
    for (const info of exact) {
      if (changed) {
        best = better(best, { info, kind: 'typosquat', detail: `looks like "${info.text}"`, score: 0.95 });
      } else if (
        HIGH_VALUE.has(info.brand.category) &&
        ABUSED_SUFFIXES.has(suffix) &&
        // Short bank and government names too: "ccb.top", "etc.vip", "zhengwu.top".
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
      const infos = EXACT.get(t);
      if (infos)
        for (const info of infos) {
          best = better(best, { info, kind: 'combosquat', detail: `"${t}" with "${lure}"`, score: 0.9 });
        }
      const hit = typo(t, suffix, changed);
      if (hit)
        best = better(best, { ...hit, kind: 'combosquat', score: 0.75, detail: `${hit.detail}, with "${lure}"` });
    }
  }
  if (toks.length > 1) best = better(best, ownWords(toks, form.includes('-')));
  // A brand name and a long number, hyphenated: "102202-coinbase", "usps-65201" (batch registrations).
  if (!best && toks.length === 2 && form.includes('-')) best = numbered(toks);
  // Any strong name next to another token under the cheap suffixes where no top-list site
  // has one ("tiktok100.shop", "whatsapp-grub95.ga").
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
  // no lure ("unionpay95516.cc", "coinbase-x.top"), nor does a short bank or government
  // name ("ccb-vip.top", "etc-gov.cc"). Not for big tech: "weibo-ddns.top", "fc-aliyun.xyz",
  // "huawei-eu.store" are their own or their users' infrastructure.
  if (!best && cheap && toks.length > 1) {
    for (const t of toks) {
      const infos = EXACT.get(t);
      if (infos)
        for (const info of infos) {
          const category = info.brand.category;
          // Short names need the hyphen: "boc6x" is a name of its own, "ccb-vip" is not.
          if (info.weak ? !SHORT_NAME_CATEGORIES.has(category) || !form.includes('-') : !HIGH_VALUE.has(category))
            continue;
          best = better(best, { info, kind: 'combosquat', detail: `"${t}" on .${suffix}`, score: 0.75 });
        }
    }
  }
  // A strong name glued to a lure word: "icbcbank", "verifyappleid". Weak names
  // need the hyphen ("payline", "linebank" are innocent), except a short bank or
  // government name glued to a pinyin lure ("etcrenzheng", "ccbdenglu").
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k] as string;
    if (!mayHaveGlueLure(t)) continue;
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

function dotCount(s: string): number {
  let n = 0;
  for (let i = s.indexOf('.'); i >= 0; i = s.indexOf('.', i + 1)) n++;
  return n;
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
  // Bare-host options, as the matcher's: the verdict's second parse of its host is free.
  const parsed = parseHost(h);
  let { domain, domainWithoutSuffix: label, publicSuffix: suffix } = parsed;
  if (parsed.isIp || !domain || !label || !suffix) return null;
  if (OFFICIAL.has(domain) || CDN_DOMAINS.has(domain)) return null;
  // A site on free hosting: the platform acts as the suffix ("name.weebly.com" as "name" + "weebly.com").
  let platform: string | null = null;
  if (parsed.isPrivate === true) {
    platform = FREE_HOSTING_PLATFORMS.has(suffix) ? suffix : platformOf(h);
  } else if (PLAIN_DOMAIN_PLATFORMS.has(domain) || domain.startsWith('blogspot.')) {
    platform = h.length > domain.length ? platformOf(h) : null;
    if (platform) {
      suffix = platform;
      const site = h.slice(0, h.length - platform.length - 1);
      label = site.slice(site.lastIndexOf('.') + 1);
      domain = `${label}.${platform}`;
    }
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

  if (h.length > domain.length) {
    const labels = h.split('.');
    const regStart = labels.length - dotCount(domain) - 1;
    const seen = labels.map((l, i) => (i < regStart ? asciiFold(skeleton(decode(l))) : l));
    const sub = checkSubdomains(seen, regStart, tokens(skel), cheap);
    if (sub && (!hit || sub.score > hit.score)) {
      hit = sub;
      kind = sub.kind;
      note = '';
    }
  }
  if (platform) {
    // A brand and a lure anywhere in the site's name: "microsoft761login.weebly.com",
    // "netflix-clone-x.vercel.app", "00instagramsecure.blogspot.nl".
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

/** Path segments read for a brand and a lure: enough for "/view/icbc-login" or "/u/x/paypal/verify". */
const PATH_SEGMENTS = 4;

/**
 * checkLookalike for a page: the host, and for a page on free hosting or on a shared site
 * host (sites.google.com) also its path, where one account's site lives:
 * "sites.google.com/view/icbc-verify", "name.github.io/paypal-login/".
 */
export function checkLookalikeUrl(url: URL): LookalikeMatch | null {
  const host = url.hostname;
  const byHost = checkLookalike(host);
  if (byHost) return byHost;
  const platform = PATH_SITE_HOSTS.has(host) ? host : pageIsOnPlatform(host);
  if (!platform) return null;
  let path = url.pathname.toLowerCase();
  try {
    path = decodeURIComponent(path);
  } catch {
    // malformed escapes: read the path as it is
  }
  const site = brandWithLure(
    path
      .split('/')
      .slice(0, PATH_SEGMENTS + 1)
      .join('/'),
  );
  if (!site) return null;
  const detail = `"${site.name}" with "${site.lure}" in a page address on ${platform}`;
  return toMatch({ info: site.info, kind: 'combosquat', detail, score: 0.8 }, 'combosquat', '');
}

/** Whether the URL path can change the detector's answer for `host` (checkLookalikeUrl reads it). */
export function pathMatters(host: string): boolean {
  return PATH_SITE_HOSTS.has(host) || pageIsOnPlatform(host) !== null;
}

function pageIsOnPlatform(host: string): string | null {
  const h = host.toLowerCase();
  return h.includes('.') ? platformOf(h) : null;
}
