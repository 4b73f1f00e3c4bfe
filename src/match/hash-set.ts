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

/** What turns sorted set `from` into sorted set `to`: one linear pass over both. */
export function diffSorted(from: Float64Array, to: Float64Array): { added: Float64Array; removed: Float64Array } {
  const added: number[] = [];
  const removed: number[] = [];
  let i = 0;
  let j = 0;
  while (i < from.length || j < to.length) {
    const a = i < from.length ? (from[i] as number) : Infinity;
    const b = j < to.length ? (to[j] as number) : Infinity;
    if (a === b) {
      i++;
      j++;
    } else if (a < b) {
      removed.push(a);
      i++;
    } else {
      added.push(b);
      j++;
    }
  }
  return { added: Float64Array.from(added), removed: Float64Array.from(removed) };
}

/** `base` with `removed` taken out and `added` merged in, still sorted and unique. */
export function applyDelta(base: Float64Array, added: Float64Array, removed: Float64Array): Float64Array {
  if (added.length === 0 && removed.length === 0) return base;
  const out = new Float64Array(base.length + added.length);
  let n = 0;
  let i = 0;
  let j = 0;
  let r = 0;
  while (i < base.length || j < added.length) {
    const a = i < base.length ? (base[i] as number) : Infinity;
    const b = j < added.length ? (added[j] as number) : Infinity;
    let next: number;
    if (a <= b) {
      next = a;
      i++;
      if (a === b) j++;
    } else {
      next = b;
      j++;
    }
    while (r < removed.length && (removed[r] as number) < next) r++;
    if (r < removed.length && removed[r] === next) continue;
    out[n++] = next;
  }
  return n === out.length ? out : out.slice(0, n);
}
