export const UPDATE_INTERVAL_MS = 12 * 60 * 60 * 1000;
const FIRST_RETRY_MS = 15 * 60 * 1000;

export function nextUpdateAfterSuccess(now: number): number {
  return now + UPDATE_INTERVAL_MS;
}

/** 15 min, 30 min, 1 h … doubling after each consecutive failure, never past the normal interval. */
export function nextUpdateAfterFailure(now: number, failures: number): number {
  const delay = Math.min(UPDATE_INTERVAL_MS, FIRST_RETRY_MS * 2 ** Math.max(0, failures - 1));
  return now + delay;
}
