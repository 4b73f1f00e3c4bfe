import { extensionApi } from './extension-api';
import type { StatusSnapshot } from '../model/protocol';

/**
 * The few facts the popup shows first, kept in storage.local so that it has real content at
 * once, even while the background is still busy importing (status.get then waits for it).
 */
export interface CachedStatus {
  /** The background has not finished loading its lists yet. */
  starting: boolean;
  protectionOn: boolean;
  entriesInForce: number;
  lastSuccess: number | null;
  offline: boolean;
  at: number;
}

const KEY = 'popupStatusCache';

export function cacheOf(status: StatusSnapshot, now = Date.now()): CachedStatus {
  let lastSuccess: number | null = null;
  for (const l of status.lists) {
    if (l.lastSuccess !== null && (lastSuccess === null || l.lastSuccess > lastSuccess)) lastSuccess = l.lastSuccess;
  }
  return {
    starting: false,
    protectionOn: status.protectionOn,
    entriesInForce: status.entriesInForce,
    lastSuccess,
    offline: isOffline(status),
    at: now,
  };
}

/** Every list's last attempt failed: the network (or every server) is out of reach. */
export function isOffline(status: StatusSnapshot): boolean {
  const tried = status.lists.filter((l) => l.lastAttempt !== null);
  return tried.length > 0 && tried.every((l) => l.lastError !== null);
}

export async function readStatusCache(): Promise<CachedStatus | null> {
  const stored = (await extensionApi().storage.local.get(KEY))[KEY] as CachedStatus | undefined;
  return stored && typeof stored.at === 'number' ? stored : null;
}

export async function writeStatusCache(value: CachedStatus): Promise<void> {
  await extensionApi().storage.local.set({ [KEY]: value });
}

/**
 * The extension pages' own copy, in localStorage: read synchronously before the first render.
 * storage.local answers asynchronously, in 100-300 ms while the background is busy.
 */
export function readPageCache(): CachedStatus | null {
  try {
    const stored = JSON.parse(globalThis.localStorage?.getItem(KEY) ?? 'null') as CachedStatus | null;
    return stored && typeof stored.at === 'number' ? stored : null;
  } catch {
    return null;
  }
}

export function writePageCache(value: CachedStatus): void {
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the popup then waits for the background, as it did before.
  }
}
