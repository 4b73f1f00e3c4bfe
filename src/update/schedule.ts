/** The default interval, for lists the registry does not describe (the user's subscriptions). */
export const UPDATE_INTERVAL_MS = 12 * 60 * 60 * 1000;
const FIRST_RETRY_MS = 15 * 60 * 1000;

export function nextUpdateAfterSuccess(now: number, intervalMs = UPDATE_INTERVAL_MS): number {
  return now + intervalMs;
}

/** 15 min, 30 min, 1 h … doubling after each consecutive failure, never past the list's interval. */
export function nextUpdateAfterFailure(now: number, failures: number, intervalMs = UPDATE_INTERVAL_MS): number {
  const delay = Math.min(intervalMs, FIRST_RETRY_MS * 2 ** Math.max(0, failures - 1));
  return now + delay;
}
