import type { Hit } from './types';

/** 1 letter, 2 digit, 0 hyphen, 3 anything else (per UTF-16 code unit). */
function charClass(c: number): number {
  if (c >= 97 && c <= 122) return 1;
  if (c >= 48 && c <= 57) return 2;
  return c === 45 ? 0 : 3;
}

/**
 * Letter runs, digit runs and runs of other characters; hyphens separate. The same as
 * `s.match(/[a-z]+|[0-9]+|[^a-z0-9-]+/g) ?? []`, without the regular expression.
 */
export function tokens(s: string): string[] {
  const out: string[] = [];
  const n = s.length;
  let start = 0;
  let cls = 0;
  for (let i = 0; i < n; i++) {
    const c = charClass(s.charCodeAt(i));
    if (c === cls) continue;
    if (cls !== 0) out.push(s.slice(start, i));
    start = i;
    cls = c;
  }
  if (cls !== 0) out.push(start === 0 ? s : s.slice(start));
  return out;
}

/** The higher-scoring hit; the first one on a tie. */
export function better(a: Hit | null, b: Hit | null): Hit | null {
  if (!a) return b;
  if (!b) return a;
  return b.score > a.score ? b : a;
}
