import { hash53 } from './hash';

/** Sorted, de-duplicated hashes of the given strings. */
export function buildHashSet(entries: Iterable<string>): Float64Array {
  const raw: number[] = [];
  for (const entry of entries) raw.push(hash53(entry));
  return sortUnique(Float64Array.from(raw));
}

/** Sorts in place (typed-array sort is numeric) and drops repeats. */
export function sortUnique(hashes: Float64Array): Float64Array {
  hashes.sort();
  let out = 0;
  for (let i = 0; i < hashes.length; i++) {
    const h = hashes[i] as number;
    if (out === 0 || hashes[out - 1] !== h) hashes[out++] = h;
  }
  return out === hashes.length ? hashes : hashes.slice(0, out);
}

export function hasHash(sorted: Float64Array, hash: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid] as number;
    if (v === hash) return true;
    if (v < hash) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
