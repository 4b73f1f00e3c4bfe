import { hash53 } from './hash';

/** Sorted, de-duplicated hashes of the given strings. */
export function buildHashSet(entries: Iterable<string>): Float64Array {
  const raw: number[] = [];
  for (const entry of entries) raw.push(hash53(entry));
  return sortUnique(Float64Array.from(raw));
}

/** Sorts (typed-array order) and drops repeats; may sort `hashes` in place. */
export function sortUnique(hashes: Float64Array): Float64Array {
  const steps = sortUniqueSteps(hashes);
  for (let r = steps.next(); ; r = steps.next()) if (r.done) return r.value;
}

/**
 * The same as sortUnique, giving the event loop a turn whenever a stretch of work has run
 * longer than `sliceMs`: sorting a million hashes is one long task otherwise.
 */
export async function sortUniqueAsync(
  hashes: Float64Array,
  yieldNow: () => Promise<void>,
  sliceMs = 20,
): Promise<Float64Array> {
  const steps = sortUniqueSteps(hashes);
  let sliceStart = performance.now();
  for (let r = steps.next(); ; r = steps.next()) {
    if (r.done) return r.value;
    if (performance.now() - sliceStart > sliceMs) {
      await yieldNow();
      sliceStart = performance.now();
    }
  }
}

/** Below this, one native sort; above, bucketed. */
const BUCKET_MIN = 1 << 14;
const BUCKET_BITS = 12;
/** Values of a bucket share their top BUCKET_BITS bits of 53. */
const BUCKET_DIV = 2 ** (53 - BUCKET_BITS);
const HASH_LIMIT = 2 ** 53;
/** The passes over all values also stop every 2^16 values (a mask). */
const PASS_STEP = (1 << 16) - 1;

/**
 * Sorting in buckets: hash53 values are spread evenly over [0, 2^53), so one pass that
 * puts each value into one of 4096 ranges, then a native sort of each small range (in
 * cache), is faster than one sort of a million values, and it stops between buckets
 * (the generator yields) so the async caller can slice it. Other values (negative,
 * fractions are fine; NaN, ≥ 2^53) take the plain native sort. Same result either way.
 */
function* sortUniqueSteps(hashes: Float64Array): Generator<void, Float64Array, void> {
  const n = hashes.length;
  let bucketable = n >= BUCKET_MIN;
  for (let i = 0; bucketable && i < n; i++) {
    const v = hashes[i] as number;
    if (!(v >= 0 && v < HASH_LIMIT)) bucketable = false;
    if ((i & PASS_STEP) === PASS_STEP) yield;
  }
  let sorted = hashes;
  if (!bucketable) {
    hashes.sort();
  } else {
    const buckets = 1 << BUCKET_BITS;
    const starts = new Uint32Array(buckets + 1);
    for (let i = 0; i < n; i++) {
      const b = Math.floor((hashes[i] as number) / BUCKET_DIV) + 1;
      starts[b] = (starts[b] as number) + 1;
      if ((i & PASS_STEP) === PASS_STEP) yield;
    }
    for (let b = 0; b < buckets; b++) starts[b + 1] = (starts[b + 1] as number) + (starts[b] as number);
    const fill = starts.slice(0, buckets);
    sorted = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = hashes[i] as number;
      const b = Math.floor(v / BUCKET_DIV);
      const at = fill[b] as number;
      fill[b] = at + 1;
      sorted[at] = v;
      if ((i & PASS_STEP) === PASS_STEP) yield;
    }
    yield;
    for (let b = 0; b < buckets; b++) {
      const from = starts[b] as number;
      const to = starts[b + 1] as number;
      if (to - from > 1) sorted.subarray(from, to).sort();
      if ((b & 255) === 255) yield;
    }
  }
  let out = 0;
  for (let i = 0; i < n; i++) {
    const h = sorted[i] as number;
    if (out === 0 || sorted[out - 1] !== h) sorted[out++] = h;
    if ((i & PASS_STEP) === PASS_STEP) yield;
  }
  return out === n ? sorted : sorted.slice(0, out);
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
