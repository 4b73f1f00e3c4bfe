/**
 * A 53-bit string hash (the cyrb53 construction), exact in a float64.
 *
 * Lists are kept as sorted arrays of these hashes rather than strings: 8 bytes an entry
 * instead of ~45 in a JS Set, so a million-entry list fits the background's memory budget
 * and loads from IndexedDB as one typed array. With 2^53 values, the chance that any of a
 * page's handful of candidate strings collides with one of a million entries is ~1e-9.
 */
export function hash53(text: string): number {
  return hash53Range(text, 0, text.length);
}

/** hash53 of text.slice(start, end), without making that string. */
export function hash53Range(text: string, start: number, end: number): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
