/**
 * Firefox: the runtime monitor installed from the isolated content script.
 *
 * Firefox's MV2 build has no MAIN-world content scripts, and a page script injected with a
 * <script> element would be subject to the page's CSP and would leave the counters where the
 * page can reset them. Instead the content script, at document_start (before any page
 * script), wraps the page's own functions through `window.wrappedJSObject` and hands the
 * page only exported wrappers (Firefox's supported way to do this). The counters and the
 * redirect callback stay in the content script's world: the page cannot read, reset or
 * forge them, and no event crosses the world boundary.
 */
import type { PageRealm } from './hooks';
import { installMonitor } from './runtime-signals';
import type { RuntimeSignals } from './types';

/** Firefox's content-script helpers (https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/Sharing_objects_with_page_scripts). */
interface XrayHelpers {
  exportFunction<F>(f: F, target: object): F;
  cloneInto<T>(obj: T, target: object, options?: { cloneFunctions?: boolean }): T;
}

type WaivedWindow = Window & typeof globalThis;

/** The Xray helpers and the page's own window, or null outside a Firefox content script. */
function xrayAccess(win: Window): { helpers: XrayHelpers; page: WaivedWindow } | null {
  const g = globalThis as unknown as Partial<XrayHelpers>;
  const page: unknown = Reflect.get(win, 'wrappedJSObject');
  if (typeof g.exportFunction !== 'function' || typeof g.cloneInto !== 'function') return null;
  if (typeof page !== 'object' || page === null) return null;
  return { helpers: g as XrayHelpers, page: page as WaivedWindow };
}

export interface XrayMonitor {
  read: () => RuntimeSignals;
}

/**
 * Installs the monitor on the page behind `win` (the content script's Xray view of it).
 * Returns null where Xrays are not available (not Firefox).
 */
export function startXrayMonitor(
  win: Window,
  onRedirect: (signals: RuntimeSignals) => void,
  now?: () => number,
): XrayMonitor | null {
  const access = xrayAccess(win);
  if (access === null) return null;
  const { helpers, page } = access;
  const realm: PageRealm = {
    fn: (f) => helpers.exportFunction(f, win),
    // The page's own Proxy (a Proxy made here would be unusable to the page), with the
    // traps exported by cloneInto.
    proxy: (target, handler) => new page.Proxy(target, helpers.cloneInto(handler, win, { cloneFunctions: true })),
    // Constructed by the page's Reflect, so the object (a Worker, a WebSocket) belongs to the
    // page exactly as if no hook were there.
    construct: (target, args, newTarget) =>
      page.Reflect.construct(
        target as new (...a: unknown[]) => object,
        args as unknown[],
        newTarget as new (...a: unknown[]) => object,
      ),
  };
  const read = installMonitor(page, { realm, view: win, onRedirect, ...(now ? { now } : {}) });
  return { read };
}
