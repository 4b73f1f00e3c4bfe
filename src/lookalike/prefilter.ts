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
const DEL_END = 8;

/** Character code → trigram digit: 1–26 a–z, 27–36 0–9, 37 "-", 0 anything else. */
const CODE = new Uint8Array(128);
for (let c = 97; c <= 122; c++) CODE[c] = c - 96;
for (let c = 48; c <= 57; c++) CODE[c] = c - 21;
CODE[45] = 37;

function code(c: number): number {
  return c < 128 ? (CODE[c] as number) : 0;
}

function mark(s: string, at: number, flag: number): void {
  const i = (code(s.charCodeAt(at)) * CODES + code(s.charCodeAt(at + 1))) * CODES + code(s.charCodeAt(at + 2));
  TABLE[i] = (TABLE[i] as number) | flag;
}

let minDelKey = Infinity;
/** Bit n set: some key has n characters. */
let delKeyLengths = 0;
for (const key of DELS.keys()) {
  minDelKey = Math.min(minDelKey, key.length);
  if (key.length >= 3) {
    mark(key, 0, DEL_START);
    mark(key, key.length - 3, DEL_END);
  }
  if (key.length < 32) delKeyLengths |= 1 << key.length;
  else delKeyLengths = -1; // a long key: no length test
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

/**
 * Whether `word` (4 characters or more) or `word` minus one character can be a key of the
 * deletion index. Such a string has the word's length or one less; it starts with w0w1w2
 * (no deletion, or one after the third character), w0w1w3, w0w2w3 or w1w2w3; and it ends
 * likewise with the last three characters, or three of the last four. Written out without
 * calls: a service worker runs this unoptimised for every host.
 */
export function mayHaveDeletionKey(word: string): boolean {
  const n = word.length;
  if (!DEL_FILTER || n < 4) return true;
  if (delKeyLengths !== -1 && n < 32 && (delKeyLengths & ((1 << n) | (1 << (n - 1)))) === 0) return false;
  let c = word.charCodeAt(0);
  const k0 = c < 128 ? (CODE[c] as number) : 0;
  c = word.charCodeAt(1);
  const k1 = c < 128 ? (CODE[c] as number) : 0;
  c = word.charCodeAt(2);
  const k2 = c < 128 ? (CODE[c] as number) : 0;
  c = word.charCodeAt(3);
  const k3 = c < 128 ? (CODE[c] as number) : 0;
  const k01 = (k0 * CODES + k1) * CODES;
  if (
    (((TABLE[k01 + k2] as number) |
      (TABLE[k01 + k3] as number) |
      (TABLE[(k0 * CODES + k2) * CODES + k3] as number) |
      (TABLE[(k1 * CODES + k2) * CODES + k3] as number)) &
      DEL_START) ===
    0
  )
    return false;
  c = word.charCodeAt(n - 4);
  const e0 = c < 128 ? (CODE[c] as number) : 0;
  c = word.charCodeAt(n - 3);
  const e1 = c < 128 ? (CODE[c] as number) : 0;
  c = word.charCodeAt(n - 2);
  const e2 = c < 128 ? (CODE[c] as number) : 0;
  c = word.charCodeAt(n - 1);
  const e3 = c < 128 ? (CODE[c] as number) : 0;
  return (
    (((TABLE[(e1 * CODES + e2) * CODES + e3] as number) |
      (TABLE[(e0 * CODES + e2) * CODES + e3] as number) |
      (TABLE[(e0 * CODES + e1) * CODES + e3] as number) |
      (TABLE[(e0 * CODES + e1) * CODES + e2] as number)) &
      DEL_END) !==
    0
  );
}

/** Whether `token` can start or end with a glue lure (it must be 4 characters or more to be split). */
export function mayHaveGlueLure(token: string): boolean {
  const n = token.length;
  if (n < 4) return false;
  if (!GLUE_FILTER) return true;
  let c = token.charCodeAt(0);
  const a = c < 128 ? (CODE[c] as number) : 0;
  c = token.charCodeAt(1);
  const b = c < 128 ? (CODE[c] as number) : 0;
  c = token.charCodeAt(2);
  if (((TABLE[(a * CODES + b) * CODES + (c < 128 ? (CODE[c] as number) : 0)] as number) & GLUE_HEAD) !== 0) return true;
  c = token.charCodeAt(n - 3);
  const x = c < 128 ? (CODE[c] as number) : 0;
  c = token.charCodeAt(n - 2);
  const y = c < 128 ? (CODE[c] as number) : 0;
  c = token.charCodeAt(n - 1);
  return ((TABLE[(x * CODES + y) * CODES + (c < 128 ? (CODE[c] as number) : 0)] as number) & GLUE_TAIL) !== 0;
}
