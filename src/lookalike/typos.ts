import { boundedOsa, deletions } from './distance';
import { DELS, MIN_DROP_LEN, MIN_TYPO_ANYWHERE, MIN_TYPO_LEN } from './indexes';
import { OTHER_BRAND_LABELS } from './brands';
import { mayHaveDeletionKey } from './prefilter';
import type { Hit } from './types';
import { better } from './util';

// Letters that pass for each other at a glance (digits, rn and vv are folded earlier).
const VISUAL: ReadonlySet<string> = new Set(['bd', 'db', 'il', 'li', 'uv', 'vu']);

/**
 * Which slip turns `text` into `word` (one edit apart), if it is one a reader or typist
 * plausibly makes: swapped neighbours, a doubled letter, a dropped letter in a long name
 * or from a double, a look-alike letter. Other single edits (xiaomi → xiaoni,
 * weixin → weixun, icloud → pcloud) hit real names far too often to be worth a warning.
 */
export function typoKind(word: string, text: string): string | null {
  let i = 0;
  while (i < word.length && word[i] === text[i]) i++;
  if (word.length === text.length) {
    if (word[i + 1] === text[i] && word[i] === text[i + 1] && word.slice(i + 2) === text.slice(i + 2)) {
      return text.length >= MIN_TYPO_LEN ? 'swapped letters' : null;
    }
    return VISUAL.has(`${text[i]}${word[i]}`) ? `"${word[i]}" for "${text[i]}"` : null;
  }
  if (i === 0) return null; // first-letter slips make words (icloud → cloud, gmail → mail)
  if (word.length > text.length) {
    return word[i] === word[i - 1] || word[i] === word[i + 1] ? 'doubled letter' : null;
  }
  if (text.length < MIN_TYPO_LEN) return null;
  return text.length >= MIN_DROP_LEN || text[i] === text[i + 1] || text[i] === text[i - 1] ? 'dropped letter' : null;
}

/** One plausible typo away from a strong brand label, found through the deletion index. */
export function typo(word: string, suffix: string, changed: boolean): Hit | null {
  // Most words have no deletion-index key in reach: a few table reads rule them out.
  if (word.length < 4 || !mayHaveDeletionKey(word) || OTHER_BRAND_LABELS.has(word)) return null;
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
