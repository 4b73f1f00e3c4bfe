/**
 * Runtime monitor for behaviour that only shows over time: history flooding, dialog loops,
 * forced fullscreen, beforeunload traps, miner activity and referrer-triggered redirects.
 * It wraps page APIs (see hooks.ts) and only counts. Install it at document_start, before
 * page scripts run. Chromium: in the MAIN world, read through signal-bridge.ts. Firefox:
 * from the isolated content script through Xrays (xray-monitor.ts), so the counts stay out
 * of the page's reach.
 */
import { SAME_REALM, wrapAccessor, wrapConstructor, wrapMethod, type PageRealm } from './hooks';
import type { RuntimeSignals } from './types';
import { hostOf } from './util';

export interface MonitorOptions {
  /** Clock, injectable for tests. */
  now?: () => number;
  /** Called (synchronously) when a redirect right after a referrer read is seen: publish before unload. */
  onRedirect?: (signals: RuntimeSignals) => void;
  /** How wrappers reach the page (see hooks.ts). Default: `win` is our own realm. */
  realm?: PageRealm;
  /**
   * Where facts the page must not be able to fake are read (history.length, location, user
   * activation, navigations). Firefox: the content script's Xray view of the window, which
   * page overrides do not reach. Default: `win`.
   */
  view?: Window;
}

const HISTORY_WINDOW_MS = 2000;
const DIALOG_WINDOW_MS = 10_000;
/** A navigation this soon after `document.referrer` was read counts as referrer-driven. */
const REDIRECT_AFTER_READ_MS = 3000;
/** A navigation this soon after the user's own input on this page is taken as the user's choice. */
const AFTER_GESTURE_MS = 5000;
const GESTURES = ['pointerdown', 'mousedown', 'touchstart', 'keydown'];
const MINER_GLOBALS = ['CoinHive', 'CoinImp', 'CryptoLoot', 'CRLT', 'deepMiner', 'Minero', 'WMP', 'JSEcoin', 'webmr'];
const POOL_URL =
  /pool|xmr|monero|coinhive|crypto-?loot|webmine|cryptonight|stratum|nimiq|minexmr|:(?:3333|4444|5555|7777|14444|45560|45700)\b/i;

/** Counts how many events fall inside the busiest sliding window. */
class Burst {
  private times: number[] = [];
  max = 0;
  constructor(private readonly windowMs: number) {}
  hit(t: number): void {
    this.times.push(t);
    while (this.times.length > 0 && t - (this.times[0] ?? t) > this.windowMs) this.times.shift();
    if (this.times.length > 500) this.times.shift(); // bound memory under a flood
    this.max = Math.max(this.max, this.times.length);
  }
}

const installed = new WeakMap<object, () => RuntimeSignals>();

export function installMonitor(win: Window, options: MonitorOptions = {}): () => RuntimeSignals {
  const existing = installed.get(win);
  if (existing !== undefined) return existing;
  const now = options.now ?? (() => Date.now());
  const realm = options.realm ?? SAME_REALM;
  const view = options.view ?? win;
  const t0 = now();
  const initialHistory = safe(() => view.history.length, 0);
  // Read once, before the getter is wrapped (a document's referrer never changes).
  const referrerHost = hostOf(safe(() => view.document.referrer, ''));
  const historyBurst = new Burst(HISTORY_WINDOW_MS);
  const dialogBurst = new Burst(DIALOG_WINDOW_MS);
  const c = {
    historyCalls: 0,
    dialogs: 0,
    fullscreenRequests: 0,
    fullscreenWithoutGesture: 0,
    beforeUnloadHandlers: 0,
    wasmCompiles: 0,
    workers: 0,
    referrerReads: 0,
    userAgentReads: 0,
    windowOpens: 0,
  };
  const poolSockets: string[] = [];
  const redirects: string[] = [];
  let lastReferrerRead = Number.NEGATIVE_INFINITY;
  let lastGesture = Number.NEGATIVE_INFINITY;

  const read = (): RuntimeSignals => ({
    ...c,
    historyBurst: historyBurst.max,
    historyLengthGrowth: Math.max(0, safe(() => view.history.length, initialHistory) - initialHistory),
    dialogBurst: dialogBurst.max,
    poolSockets: [...poolSockets],
    minerGlobals: minerGlobals(win),
    redirectsAfterReferrerRead: [...redirects],
    elapsedMs: now() - t0,
  });

  const noteNavigation = (url: unknown): void => {
    if (typeof url !== 'string' || now() - lastReferrerRead > REDIRECT_AFTER_READ_MS) return;
    // A click or key press on this page just now: the user chose to go (a "back" button, a
    // link opened by script), not a redirect the page imposed. Not navigator.userActivation:
    // Firefox carries the click that opened this page over to it, so that would hide the very
    // redirect a visitor's click on a search result sets off.
    if (now() - lastGesture < AFTER_GESTURE_MS) return;
    const target = hostOf(safe(() => new URL(url, view.location.href).href, ''));
    // Exact host only here; the detector decides what counts as the same site. Going back
    // to the referring site is a "back" action, not cloaking.
    if (target === '' || target === safe(() => view.location.hostname, '') || target === referrerHost) return;
    if (redirects.length < 10) redirects.push(target);
    options.onRedirect?.(read());
  };

  // History flooding.
  const historyProto = safe(() => Object.getPrototypeOf(win.history) as object, null);
  for (const m of ['pushState', 'replaceState']) {
    wrapMethod(
      historyProto,
      m,
      () => {
        c.historyCalls++;
        historyBurst.hit(now());
      },
      realm,
    );
  }
  // Dialog loops.
  for (const m of ['alert', 'confirm', 'prompt']) {
    wrapMethod(
      win,
      m,
      () => {
        c.dialogs++;
        dialogBurst.hit(now());
      },
      realm,
    );
  }
  // Forced fullscreen: user activation says whether a gesture allowed it.
  const elementProto = protoOf(win, 'Element');
  for (const m of ['requestFullscreen', 'webkitRequestFullscreen', 'webkitRequestFullScreen', 'mozRequestFullScreen']) {
    wrapMethod(
      elementProto,
      m,
      () => {
        c.fullscreenRequests++;
        if (userActive(view) === false) c.fullscreenWithoutGesture++;
      },
      realm,
    );
  }
  // beforeunload traps.
  // Wrapped where the window finds it (EventTarget.prototype in browsers): one hook, no double count.
  // `this` is the window as the hook's realm sees it (Firefox: the Xray view), or nothing
  // for a bare `addEventListener(…)` in strict code.
  wrapMethod(
    win,
    'addEventListener',
    (self, args) => {
      if ((self === win || self === view || self == null) && args[0] === 'beforeunload') c.beforeUnloadHandlers++;
    },
    realm,
  );
  wrapAccessor(
    win,
    'onbeforeunload',
    {
      set: (_self, v) => {
        if (typeof v === 'function') c.beforeUnloadHandlers++;
      },
    },
    realm,
  );
  // Miners: WebAssembly, workers, pool sockets.
  const wasm: unknown = Reflect.get(win, 'WebAssembly');
  if (typeof wasm === 'object' && wasm !== null) {
    for (const m of ['compile', 'instantiate', 'compileStreaming', 'instantiateStreaming']) {
      wrapMethod(wasm, m, () => c.wasmCompiles++, realm);
    }
    wrapConstructor(wasm, 'Module', () => c.wasmCompiles++, realm);
  }
  for (const k of ['Worker', 'SharedWorker']) wrapConstructor(win, k, () => c.workers++, realm);
  wrapConstructor(
    win,
    'WebSocket',
    (args) => {
      const url = typeof args[0] === 'string' ? args[0] : '';
      if (POOL_URL.test(url) && poolSockets.length < 10) poolSockets.push(hostOf(url.replace(/^ws/, 'http')) || url);
    },
    realm,
  );
  // Referrer / user-agent sniffing, then navigation.
  wrapAccessor(
    safe(() => win.document, null),
    'referrer',
    {
      get: () => {
        c.referrerReads++;
        lastReferrerRead = now();
      },
    },
    realm,
  );
  wrapAccessor(
    safe(() => win.navigator, null),
    'userAgent',
    { get: () => c.userAgentReads++ },
    realm,
  );
  wrapMethod(
    win,
    'open',
    (_self, args) => {
      c.windowOpens++;
      noteNavigation(args[0]);
    },
    realm,
  );
  // Trusted input only: a page cannot fake isTrusted. Capture listeners on the window, added
  // before any page script runs, see every gesture first.
  for (const type of GESTURES) {
    safe(() => {
      view.addEventListener(
        type,
        (e: Event) => {
          if (e.isTrusted) lastGesture = now();
        },
        { capture: true, passive: true },
      );
    }, undefined);
  }
  watchNavigations(view, noteNavigation);

  installed.set(win, read);
  return read;
}

/** Navigation API (Chromium, recent Firefox): sees location.href=/replace/assign, which cannot be wrapped. */
function watchNavigations(win: Window, note: (url: unknown) => void): void {
  const nav: unknown = safe(() => Reflect.get(win, 'navigation') as unknown, null);
  if (typeof nav !== 'object' || nav === null || typeof Reflect.get(nav, 'addEventListener') !== 'function') return;
  (nav as EventTarget).addEventListener('navigate', (e: Event) => {
    try {
      if (Reflect.get(e, 'userInitiated') === true) return;
      const dest: unknown = Reflect.get(e, 'destination');
      if (typeof dest === 'object' && dest !== null) note(Reflect.get(dest, 'url'));
    } catch {
      /* observation only */
    }
  });
}

/** navigator.userActivation.isActive; undefined where the browser lacks it. */
function userActive(view: Window): boolean | undefined {
  const activation: unknown = safe(() => Reflect.get(view.navigator, 'userActivation') as unknown, undefined);
  if (typeof activation !== 'object' || activation === null) return undefined;
  const active: unknown = safe(() => Reflect.get(activation, 'isActive') as unknown, undefined);
  return typeof active === 'boolean' ? active : undefined;
}

function minerGlobals(win: Window): string[] {
  const found = MINER_GLOBALS.filter((k) => safe(() => Reflect.get(win, k) !== undefined, false));
  const miner: unknown = safe(() => Reflect.get(win, 'miner') as unknown, undefined);
  if (typeof miner === 'object' && miner !== null && typeof Reflect.get(miner, 'start') === 'function') {
    if (
      ['getHashesPerSecond', 'setThrottle', 'getTotalHashes'].some((k) => typeof Reflect.get(miner, k) === 'function')
    ) {
      found.push('miner');
    }
  }
  return found;
}

function protoOf(win: Window, ctor: string): object | null {
  const C: unknown = safe(() => Reflect.get(win, ctor) as unknown, null);
  if (typeof C !== 'function') return null;
  const p: unknown = Reflect.get(C, 'prototype');
  return typeof p === 'object' && p !== null ? p : null;
}

function safe<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch {
    return fallback;
  }
}
