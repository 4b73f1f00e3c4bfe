/**
 * Carries RuntimeSignals from the MAIN-world monitor to the isolated-world content script
 * through DOM CustomEvents on window (the only channel both worlds share). The detail is a
 * JSON string: primitives cross the world boundary in every browser (Firefox Xrays included).
 * A page can see and forge these events; replies are merged with max(), so a forged reply can
 * only add evidence against the forging page, never hide what the real monitor counted.
 */
import { installMonitor } from './runtime-signals';
import type { RuntimeSignals } from './types';

export const REQUEST_EVENT = 'fraud-sentry:signals-request';
export const REPLY_EVENT = 'fraud-sentry:signals';

const COUNTERS = [
  'historyCalls',
  'historyBurst',
  'historyLengthGrowth',
  'dialogs',
  'dialogBurst',
  'fullscreenRequests',
  'fullscreenWithoutGesture',
  'beforeUnloadHandlers',
  'wasmCompiles',
  'workers',
  'referrerReads',
  'userAgentReads',
  'windowOpens',
  'elapsedMs',
] as const;
const LISTS = ['poolSockets', 'minerGlobals', 'redirectsAfterReferrerRead'] as const;

export function emptySignals(): RuntimeSignals {
  const s = {} as Record<string, number | string[]>;
  for (const k of COUNTERS) s[k] = 0;
  for (const k of LISTS) s[k] = [];
  return s as unknown as RuntimeSignals;
}

/** MAIN world: installs the monitor and answers requests; pushes at once on a referrer redirect. */
export function startMainWorldMonitor(win: Window): () => RuntimeSignals {
  const publish = (s: RuntimeSignals): void => {
    win.dispatchEvent(makeEvent(win, REPLY_EVENT, JSON.stringify(s)));
  };
  const read = installMonitor(win, { onRedirect: publish });
  // Capture + registered at document_start: runs before any listener the page adds later.
  win.addEventListener(REQUEST_EVENT, () => publish(read()), true);
  return read;
}

/** Replies to our own request are not pushes: watchSignals ignores events while this is > 0. */
let requesting = 0;

/** Isolated world: asks synchronously (dispatchEvent runs listeners before returning). */
export function requestSignals(win: Window): RuntimeSignals | null {
  let merged: RuntimeSignals | null = null;
  const onReply = (e: Event): void => {
    const s = parseSignals(detailOf(e));
    if (s !== null) merged = merged === null ? s : mergeSignals(merged, s);
  };
  win.addEventListener(REPLY_EVENT, onReply);
  requesting++;
  try {
    win.dispatchEvent(makeEvent(win, REQUEST_EVENT, ''));
  } finally {
    requesting--;
    win.removeEventListener(REPLY_EVENT, onReply);
  }
  return merged;
}

/**
 * Isolated world: unsolicited pushes (a referrer redirect is under way). Returns an unsubscribe.
 * The answer to requestSignals travels as the same event; it is not a push (and a watcher that
 * asked again from here would recurse).
 */
export function watchSignals(win: Window, onSignals: (s: RuntimeSignals) => void): () => void {
  const listener = (e: Event): void => {
    if (requesting > 0) return;
    const s = parseSignals(detailOf(e));
    if (s !== null) onSignals(s);
  };
  win.addEventListener(REPLY_EVENT, listener);
  return () => win.removeEventListener(REPLY_EVENT, listener);
}

/** Validates a JSON detail; anything malformed is dropped. */
export function parseSignals(detail: unknown): RuntimeSignals | null {
  if (typeof detail !== 'string' || detail.length > 20_000) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(detail);
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null) return null;
  const out = emptySignals() as unknown as Record<string, number | string[]>;
  for (const k of COUNTERS) {
    const v: unknown = Reflect.get(raw, k);
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) return null;
    out[k] = v;
  }
  for (const k of LISTS) {
    const v: unknown = Reflect.get(raw, k);
    if (!Array.isArray(v)) return null;
    out[k] = v
      .filter((x): x is string => typeof x === 'string')
      .slice(0, 10)
      .map((x) => x.slice(0, 100));
  }
  return out as unknown as RuntimeSignals;
}

export function mergeSignals(a: RuntimeSignals, b: RuntimeSignals): RuntimeSignals {
  const out = emptySignals();
  for (const k of COUNTERS) out[k] = Math.max(a[k], b[k]);
  for (const k of LISTS) out[k] = [...new Set([...a[k], ...b[k]])].slice(0, 10);
  return out;
}

function makeEvent(win: Window, type: string, detail: string): Event {
  const Ctor = (win as Window & typeof globalThis).CustomEvent;
  return new Ctor(type, { detail });
}

function detailOf(e: Event): unknown {
  return Reflect.get(e, 'detail');
}
