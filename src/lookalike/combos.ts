/** Combination rules: a brand name with its own hotline or address words, numbers, cheap suffixes. */
import { EXACT, type LabelInfo } from './indexes';
import type { Hit } from './types';
import { better } from './util';

/**
 * "Same name, other suffix" only under cheap suffixes phishers favour: brands own many
 * ccTLD/gTLD variants themselves (icbc.com.ar, baidu.jp, binance.me, cmbchina.biz).
 */
export const ABUSED_SUFFIXES: ReadonlySet<string> = new Set(
  (
    'top xyz vip cc icu shop online site club live work buzz cyou sbs cfd bond lol fun pw tk ml ga cf gq ' +
    'win bid loan click link rest fit beauty hair monster quest asia store app info'
  ).split(' '),
);

// High-value targets whose names third parties rarely use; big tech brands hold their name
// under cheap suffixes too (google.tk, baidu.cc, huawei.asia) and run infrastructure there.
export const HIGH_VALUE: ReadonlySet<string> = new Set(['bank', 'payment', 'government', 'crypto']);
/** Whose short (weak) names still count next to any token on a cheap suffix ("ccb-vip.top", "etc-12.cc"). */
export const SHORT_NAME_CATEGORIES: ReadonlySet<string> = new Set(['bank', 'government']);
/** A brand's official address written into one label with hyphens: "ccb-com", "icbc-com-cn". */
const ADDRESS_WORDS: ReadonlySet<string> = new Set(['com', 'cn', 'net', 'gov', 'www']);

/** Cheap suffixes where even big-tech names are rarely anyone else's (no top-list site has one there). */
export const BRAND_CHEAP_SUFFIXES: ReadonlySet<string> = new Set(
  [...ABUSED_SUFFIXES].filter((s) => !['top', 'xyz', 'site', 'info', 'store'].includes(s)),
);

/** Two tokens, a strong brand name and a number of four digits or more: "102202-coinbase". */
export function numbered(toks: string[]): Hit | null {
  const [a, b] = toks as [string, string];
  const [name, other] = /^[0-9]+$/.test(a) ? [b, a] : [a, b];
  if (other.length < 4 || !/^[0-9]+$/.test(other)) return null;
  const info = EXACT.get(name)?.find((x) => !x.weak && !x.numeric);
  return info ? { info, kind: 'combosquat', detail: `"${name}" with the number ${other}`, score: 0.75 } : null;
}

/**
 * A name with the brand's own words around it, which no one else has reason to write:
 * its hotline ("icbc95588", "ccb-95533") or its official address spelt with hyphens
 * ("ccb-com", "icbc-com-cn", "www-boc-cn"). `toks` has two tokens or more.
 */
export function ownWords(toks: string[], hyphenated: boolean): Hit | null {
  let best: Hit | null = null;
  let named: LabelInfo | null = null;
  let allAddress = true;
  for (const t of toks) {
    const infos = EXACT.get(t);
    if (!infos) {
      if (!ADDRESS_WORDS.has(t)) allAddress = false;
      continue;
    }
    for (const info of infos) {
      if (named && named.brand === info.brand && named.text !== info.text && (named.numeric || info.numeric)) {
        const [name, line] = named.numeric ? [info.text, named.text] : [named.text, info.text];
        best = better(best, {
          info: named.numeric ? info : named,
          kind: 'combosquat',
          detail: `"${name}" with its hotline "${line}"`,
          score: 0.85,
        });
      }
    }
    named ??= infos[0] ?? null;
  }
  if (!best && named && allAddress && hyphenated && spellsAddress(named, toks)) {
    const detail = `"${toks.join('-')}": the address of ${named.official} spelt with hyphens`;
    best = { info: named, kind: 'combosquat', detail, score: 0.85 };
  }
  return best;
}

/**
 * Whether `toks` are the brand's name then address words only ("ccb com", "www icbc com cn"),
 * for a bank, payment, government or crypto brand or spelling one of its own domains.
 */
function spellsAddress(named: LabelInfo, toks: string[]): boolean {
  const start = toks[0] === 'www' ? 1 : 0;
  if (toks[start] !== named.text || toks.length - start < 2) return false;
  if (HIGH_VALUE.has(named.brand.category)) return true;
  const spelt = toks.slice(start).join('.');
  return named.brand.officialDomains.some((d) => d === spelt || d.endsWith(`.${spelt}`));
}
