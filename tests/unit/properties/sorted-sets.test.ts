// A list update stored as a delta must give exactly the list the server sent: otherwise a
// site the new list blocks would slip through, or a removed false positive stay blocked.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hash53 } from '../../../src/match/hash';
import { applyDelta, diffSorted, hasHash, sortUnique } from '../../../src/match/hash-set';

const NUM_RUNS = 10_000;

/** Small integers collide often (shared entries); hashes cover the real 53-bit range. */
const valueArb = fc.oneof(fc.integer({ min: 0, max: 40 }), fc.string({ maxLength: 6 }).map(hash53));
const setArb = fc.array(valueArb, { maxLength: 60 }).map((xs) => sortUnique(Float64Array.from(xs)));

function isSortedUnique(a: Float64Array): boolean {
  for (let i = 1; i < a.length; i++) if (!((a[i - 1] as number) < (a[i] as number))) return false;
  return true;
}

describe('property: list updates stored as deltas', () => {
  it('applying the diff of an old and a new list gives exactly the new list', () => {
    fc.assert(
      fc.property(setArb, setArb, (from, to) => {
        const { added, removed } = diffSorted(from, to);
        expect(isSortedUnique(added) && isSortedUnique(removed)).toBe(true);
        expect(Array.from(applyDelta(from, added, removed))).toEqual(Array.from(to));
        // and backwards: the same delta the other way round restores the old list
        expect(Array.from(applyDelta(to, removed, added))).toEqual(Array.from(from));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('a chain of updates applied one after another ends at the last list', () => {
    fc.assert(
      fc.property(fc.array(setArb, { minLength: 1, maxLength: 5 }), (versions) => {
        let current: Float64Array = new Float64Array(0);
        for (const next of versions) {
          const { added, removed } = diffSorted(current, next);
          current = applyDelta(current, added, removed);
          expect(isSortedUnique(current)).toBe(true);
        }
        expect(Array.from(current)).toEqual(Array.from(versions.at(-1) as Float64Array));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('the delta is minimal: an entry in both lists is neither added nor removed', () => {
    fc.assert(
      fc.property(setArb, setArb, (from, to) => {
        const { added, removed } = diffSorted(from, to);
        for (const h of added) expect(hasHash(from, h) || !hasHash(to, h)).toBe(false);
        for (const h of removed) expect(hasHash(to, h) || !hasHash(from, h)).toBe(false);
        expect(added.length + removed.length).toBe(
          to.filter((h) => !hasHash(from, h)).length + from.filter((h) => !hasHash(to, h)).length,
        );
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
