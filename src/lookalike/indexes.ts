import { getDomain, getPublicSuffix } from 'tldts';
import { BRANDS, type Brand } from './brands';
import { deletions } from './distance';

/** One watched string of one brand, with the rules that apply to it. */
export interface LabelInfo {
  readonly text: string;
  readonly brand: Brand;
  /** The brand's first official domain, shown to the user. */
  readonly official: string;
  /** Weak labels (qq, apple) need a lure word; strong ones stand alone. */
  readonly weak: boolean;
  readonly numeric: boolean;
  /** Public suffixes of the brand's official domains (for the 4-letter typo rule). */
  readonly suffixes: ReadonlySet<string>;
}

const TLD_OPTS = { allowPrivateDomains: true } as const;

/** Shortest strong label matched as a substring (or as a typo inside a combo). */
export const MIN_TYPO_LEN = 5;
/** Shortest strong label matched at edit distance 1 under any suffix (shorter: same suffix only). */
export const MIN_TYPO_ANYWHERE = 6;
/** Shortest strong label where dropping any one letter counts as a typo. */
export const MIN_DROP_LEN = 9;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Registrable official domain → brand. */
export const OFFICIAL = new Map<string, Brand>();
/** Exact label text → infos (strong and weak). */
export const EXACT = new Map<string, LabelInfo[]>();
/** Deletion neighbourhood of strong alphabetic labels (length ≥ 4) → infos. */
export const DELS = new Map<string, LabelInfo[]>();
/** Strong alphabetic labels matched as substrings, longest first. */
export const SUBSTR: LabelInfo[] = [];

for (const brand of BRANDS) {
  const official = brand.officialDomains[0] ?? brand.id;
  const suffixes = new Set<string>();
  for (const d of brand.officialDomains) {
    const reg = getDomain(d, TLD_OPTS) ?? d;
    if (!OFFICIAL.has(reg)) OFFICIAL.set(reg, brand);
    const sfx = getPublicSuffix(reg, TLD_OPTS);
    if (sfx) suffixes.add(sfx);
  }
  const add = (text: string, weak: boolean): void => {
    const info: LabelInfo = { text, brand, official, weak, numeric: /^[0-9]+$/.test(text), suffixes };
    push(EXACT, text, info);
    if (weak || info.numeric) return;
    if (text.length >= 4) for (const d of deletions(text)) push(DELS, d, info);
    if (text.length >= MIN_TYPO_LEN) SUBSTR.push(info);
  };
  for (const l of brand.labels) add(l, false);
  for (const l of brand.weakLabels ?? []) add(l, true);
}
SUBSTR.sort((a, b) => b.text.length - a.text.length);
