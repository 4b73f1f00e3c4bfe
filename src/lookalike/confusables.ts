/**
 * A compact confusables skeleton, curated by hand after Unicode's confusables.txt
 * (UTS #39) for the scripts attackers use against Latin brand names: Cyrillic, Greek,
 * Armenian, Latin extended / IPA and a few look-alike symbols. Full-width forms,
 * mathematical letters, ligatures and circled letters are left to NFKC; accents to
 * NFD + dropping combining marks. See docs/lookalike.md for the limits.
 */

// Each string pairs up: lookalike char, then its Latin skeleton letter(s).
const PAIRS: readonly (readonly [string, string])[] = [
  // Cyrillic
  ['а', 'a'],
  ['в', 'b'],
  ['г', 'r'],
  ['е', 'e'],
  ['ё', 'e'],
  ['з', '3'],
  ['к', 'k'],
  ['м', 'm'],
  ['н', 'h'],
  ['о', 'o'],
  ['п', 'n'],
  ['р', 'p'],
  ['с', 'c'],
  ['т', 't'],
  ['у', 'y'],
  ['х', 'x'],
  ['ь', 'b'],
  ['ѕ', 's'],
  ['і', 'i'],
  ['ї', 'i'],
  ['ј', 'j'],
  ['ԁ', 'd'],
  ['һ', 'h'],
  ['ӏ', 'l'],
  ['ԛ', 'q'],
  ['ԝ', 'w'],
  ['ѡ', 'w'],
  ['ү', 'y'],
  ['ҽ', 'e'],
  ['ɡ', 'g'],
  ['ԍ', 'g'],
  ['ѵ', 'v'],
  ['ӓ', 'a'],
  ['ӧ', 'o'],
  ['ӱ', 'y'],
  ['ԉ', 'n'],
  ['ꙇ', 'i'],
  ['ʙ', 'b'],
  ['ԃ', 'd'],
  ['ҫ', 'c'],
  ['ӄ', 'k'],
  ['ҝ', 'k'],
  ['ң', 'h'],
  ['ӊ', 'h'],
  ['ҩ', 'a'],
  // Greek
  ['α', 'a'],
  ['β', 'b'],
  ['γ', 'y'],
  ['δ', 'd'],
  ['ε', 'e'],
  ['η', 'n'],
  ['ι', 'i'],
  ['κ', 'k'],
  ['μ', 'u'],
  ['ν', 'v'],
  ['ο', 'o'],
  ['ρ', 'p'],
  ['σ', 'o'],
  ['ς', 'c'],
  ['τ', 't'],
  ['υ', 'u'],
  ['χ', 'x'],
  ['ω', 'w'],
  ['ϲ', 'c'],
  ['ϳ', 'j'],
  ['ϱ', 'p'],
  ['ά', 'a'],
  ['έ', 'e'],
  ['ί', 'i'],
  ['ό', 'o'],
  ['ύ', 'u'],
  ['ώ', 'w'],
  ['ή', 'n'],
  ['ϊ', 'i'],
  ['ϋ', 'u'],
  ['ϐ', 'b'],
  ['ϑ', 'o'],
  // Armenian
  ['օ', 'o'],
  ['ս', 'u'],
  ['ց', 'g'],
  ['հ', 'h'],
  ['ո', 'n'],
  ['ա', 'w'],
  ['զ', 'q'],
  ['ք', 'p'],
  ['ւ', 'l'],
  ['ի', 'h'],
  ['ռ', 'n'],
  ['յ', 'j'],
  // Latin extended, IPA, small capitals
  ['ı', 'i'],
  ['ȷ', 'j'],
  ['ɑ', 'a'],
  ['ɩ', 'i'],
  ['ɪ', 'i'],
  ['ʟ', 'l'],
  ['ɴ', 'n'],
  ['ʀ', 'r'],
  ['ᴏ', 'o'],
  ['ᴄ', 'c'],
  ['ᴅ', 'd'],
  ['ᴇ', 'e'],
  ['ᴊ', 'j'],
  ['ᴋ', 'k'],
  ['ᴍ', 'm'],
  ['ᴘ', 'p'],
  ['ᴛ', 't'],
  ['ᴜ', 'u'],
  ['ᴠ', 'v'],
  ['ᴡ', 'w'],
  ['ᴢ', 'z'],
  ['ꜱ', 's'],
  ['ʏ', 'y'],
  ['ɢ', 'g'],
  ['ʜ', 'h'],
  ['ł', 'l'],
  ['ƚ', 'l'],
  ['ɫ', 'l'],
  ['ɭ', 'l'],
  ['đ', 'd'],
  ['ɗ', 'd'],
  ['ɖ', 'd'],
  ['ħ', 'h'],
  ['ɦ', 'h'],
  ['ø', 'o'],
  ['ɵ', 'o'],
  ['ð', 'd'],
  ['ƅ', 'b'],
  ['ɓ', 'b'],
  ['ƀ', 'b'],
  ['ƒ', 'f'],
  ['ɱ', 'm'],
  ['ɲ', 'n'],
  ['ƞ', 'n'],
  ['ŋ', 'n'],
  ['ʂ', 's'],
  ['ʐ', 'z'],
  ['ƶ', 'z'],
  ['ȥ', 'z'],
  ['ɍ', 'r'],
  ['ɽ', 'r'],
  ['ʋ', 'u'],
  ['ƴ', 'y'],
  ['ɏ', 'y'],
  ['ŧ', 't'],
  ['ƫ', 't'],
  ['ǀ', 'l'],
  ['ǁ', 'll'],
  ['æ', 'ae'],
  ['œ', 'oe'],
  ['ĳ', 'ij'],
  ['ß', 'ss'],
  ['ɐ', 'a'],
  ['ɔ', 'c'],
  ['ǝ', 'e'],
  ['ə', 'e'],
  ['ɛ', 'e'],
  ['ɜ', 'e'],
  ['ɘ', 'e'],
  ['ɨ', 'i'],
  ['ʝ', 'j'],
  ['ɋ', 'q'],
  ['ʠ', 'q'],
  ['ƙ', 'k'],
  ['ⅼ', 'l'],
  ['ꞁ', 'l'],
  ['ꝸ', 'u'],
  // Hebrew / Arabic strokes and other look-alike marks
  ['ו', 'l'],
  ['ן', 'l'],
  ['ا', 'l'],
  ['١', 'l'],
  ['۱', 'l'],
  ['٥', 'o'],
  ['۵', 'o'],
  ['ס', 'o'],
  ['‐', '-'],
  ['‑', '-'],
  ['‒', '-'],
  ['–', '-'],
  ['—', '-'],
  ['−', '-'],
  ['ー', '-'],
  ['一', '-'],
];

const TABLE: ReadonlyMap<string, string> = new Map(PAIRS);

// Invisible characters and stray combining marks, dropped before comparison.
const INVISIBLE = /[\p{Cf}\p{M}\u115f\u1160\u3164]/gu;
const COMBINING = /\p{M}/gu;
const NON_ASCII = /[\u0080-\uffff]/;

/** Number of table entries (for docs and tests). */
export const CONFUSABLE_COUNT = TABLE.size;

/** True when the string has any character outside ASCII. */
export function hasNonAscii(s: string): boolean {
  return NON_ASCII.test(s);
}

/**
 * Visual skeleton of a (lower-case, already decoded) label: ASCII stays as it is, other
 * characters go through NFKC, the table, then accent stripping. Unknown characters stay,
 * so a label in a script we do not map never equals an ASCII brand label.
 */
export function skeleton(label: string): string {
  if (!NON_ASCII.test(label)) return label;
  const folded = label.normalize('NFKC').toLowerCase().replace(INVISIBLE, '');
  let out = '';
  for (const ch of folded) {
    if (ch.charCodeAt(0) < 0x80) {
      out += ch;
      continue;
    }
    const mapped = TABLE.get(ch);
    if (mapped !== undefined) {
      out += mapped;
      continue;
    }
    const bare = ch.normalize('NFD').replace(COMBINING, '');
    const base = bare.length > 0 ? (TABLE.get(bare) ?? bare) : bare;
    out += base;
  }
  return out;
}

// Digit/letter and letter-pair substitutions typosquatters use in plain ASCII.
const DIGIT_FOLD: Readonly<Record<string, string>> = { '0': 'o', '1': 'l', '3': 'e', '4': 'a', '5': 's', '7': 't' };
const HAS_LETTER = /[a-z]/;
// A regex beats a loop over the characters here, unoptimised (service worker) or not.
const FOLDABLE = /[0-9]|rn|vv/;

/**
 * ASCII look-alike folding of a skeleton: rn→m, vv→w, and digits→letters inside
 * hyphen-separated parts that also hold letters ("paypa1" → "paypal"; "12306" stays).
 */
export function asciiFold(s: string): string {
  if (!FOLDABLE.test(s)) return s; // most labels: nothing to fold
  let out = s.replace(/rn/g, 'm').replace(/vv/g, 'w');
  if (!/[0-9]/.test(out)) return out;
  out = out
    .split('-')
    .map((part) => (HAS_LETTER.test(part) ? part.replace(/[013457]/g, (d) => DIGIT_FOLD[d] ?? d) : part))
    .join('-');
  return out;
}
