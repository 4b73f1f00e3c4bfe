import { DELS } from './indexes';
import { GLUE_LURES } from './lures';

/**
 * Quick rejects for the detector's searches, built once at load: which three-character
 * starts the deletion index's keys have, and which starts and ends the glue lures have.
 * A trigram is one table byte; characters other than a-z, 0-9 and "-" share one code, so
 * a test can only let too much through, never too little.
 */
const CODES = 38;
const TABLE = new Uint8Array(CODES * CODES * CODES);
const DEL_START = 1;
const GLUE_HEAD = 2;
const GLUE_TAIL = 4;

function code(c: number): number {
  if (c >= 97 && c <= 122) return c - 96;
  if (c >= 48 && c <= 57) return c - 21;
  return c === 45 ? 37 : 0;
}

function tri(a: number, b: number, c: number): number {
  return (code(a) * CODES + code(b)) * CODES + code(c);
}

function mark(s: string, at: number, flag: number): void {
  const i = tri(s.charCodeAt(at), s.charCodeAt(at + 1), s.charCodeAt(at + 2));
  TABLE[i] = (TABLE[i] as number) | flag;
}

let minDelKey = Infinity;
for (const key of DELS.keys()) {
  minDelKey = Math.min(minDelKey, key.length);
  if (key.length >= 3) mark(key, 0, DEL_START);
}
let minLure = Infinity;
for (const lure of GLUE_LURES) {
  minLure = Math.min(minLure, lure.length);
  if (lure.length >= 3) {
    mark(lure, 0, GLUE_HEAD);
    mark(lure, lure.length - 3, GLUE_TAIL);
  }
}
// The tests below assume every key and lure has three characters or more.
const DEL_FILTER = minDelKey >= 3;
const GLUE_FILTER = minLure >= 3;

function has(s: string, a: number, b: number, c: number, flag: number): boolean {
  return ((TABLE[tri(s.charCodeAt(a), s.charCodeAt(b), s.charCodeAt(c))] as number) & flag) !== 0;
}

/**
 * Whether `word` (4 characters or more) or `word` minus one character can be a key of the
 * deletion index. Such a string starts with w0w1w2 (no deletion, or one after the third
 * character), w0w1w3, w0w2w3 or w1w2w3.
 */
export function mayHaveDeletionKey(word: string): boolean {
  if (!DEL_FILTER || word.length < 4) return true;
  return (
    has(word, 0, 1, 2, DEL_START) ||
    has(word, 0, 1, 3, DEL_START) ||
    has(word, 0, 2, 3, DEL_START) ||
    has(word, 1, 2, 3, DEL_START)
  );
}

/** Whether `token` can start or end with a glue lure (it must be 4 characters or more to be split). */
export function mayHaveGlueLure(token: string): boolean {
  const n = token.length;
  if (n < 4) return false;
  if (!GLUE_FILTER) return true;
  return has(token, 0, 1, 2, GLUE_HEAD) || has(token, n - 3, n - 2, n - 1, GLUE_TAIL);
}
