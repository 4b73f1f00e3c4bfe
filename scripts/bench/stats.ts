// Small statistics helpers for the benchmark (no product code).

/** Median, min and max of a set of numbers, with the samples kept for inspection. */
export interface Stat {
  median: number;
  min: number;
  max: number;
  /** The samples the three figures come from (one per run, or one per measurement). */
  runs: number[];
}

export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (pos - lo);
}

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

export function round(value: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function stat(values: readonly number[], digits = 3): Stat {
  const clean = values.filter((v) => Number.isFinite(v));
  if (clean.length === 0) return { median: Number.NaN, min: Number.NaN, max: Number.NaN, runs: [] };
  return {
    median: round(median(clean), digits),
    min: round(Math.min(...clean), digits),
    max: round(Math.max(...clean), digits),
    runs: clean.map((v) => round(v, digits)),
  };
}

/** stat() or null when no run could measure it (e.g. Firefox's background heap). */
export function statOrNull(values: readonly (number | null)[], digits = 3): Stat | null {
  const clean = values.filter((v): v is number => v !== null && Number.isFinite(v));
  return clean.length === 0 ? null : stat(clean, digits);
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
