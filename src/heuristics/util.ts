/** Small pure helpers shared by the detectors. */

/** Combines independent pieces of evidence: 1 - Π(1 - p). */
export function noisyOr(parts: readonly number[]): number {
  let miss = 1;
  for (const p of parts) miss *= 1 - clamp01(p);
  return clamp01(1 - miss);
}

export function clamp01(n: number): number {
  if (!Number.isFinite(n)) return 0;
  return n < 0 ? 0 : n > 1 ? 1 : n;
}

/** Rounds to 2 decimals so scores print and compare cleanly. */
export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Distinct terms of `terms` found in `text`; terms must be lower-case. */
export function findTerms(text: string, terms: readonly string[]): string[] {
  if (text.length === 0) return [];
  const hay = text.toLowerCase();
  const out: string[] = [];
  for (const t of terms) if (hay.includes(t)) out.push(t);
  return out;
}

export function clip(s: string, max = 80): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/** Every start index of `re` (must be global) in `s`, at most `limit`. */
export function positions(re: RegExp, s: string, limit = 50): number[] {
  const out: number[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (out.length < limit && (m = re.exec(s)) !== null) {
    out.push(m.index);
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

/** True when some a in as and b in bs are at most `window` chars apart. */
export function near(as: readonly number[], bs: readonly number[], window: number): boolean {
  for (const a of as) for (const b of bs) if (Math.abs(a - b) <= window) return true;
  return false;
}

/** Host of an absolute http(s) URL, '' when not one. */
export function hostOf(url: string): string {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname.toLowerCase() : '';
  } catch {
    return '';
  }
}
