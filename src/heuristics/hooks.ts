/**
 * Wrapping helpers for the runtime monitor. Every hook calls the original with the same
 * `this` and arguments and swallows its own errors: observing must never break the page.
 *
 * The monitor runs in one of two places. Chromium: a MAIN-world content script, in the
 * page's own realm, where a plain function or Proxy is what the page calls. Firefox (MV2 has
 * no MAIN-world content scripts): the isolated content script, reaching the page's objects
 * through `window.wrappedJSObject`; a function of ours is callable by the page only once
 * exported into its realm, and a Proxy must be made by the page realm's own Proxy. The
 * realm hides that difference.
 */

type Before = (self: unknown, args: readonly unknown[]) => void;

export interface PageRealm {
  /** Makes `f` callable from the page (Firefox: exportFunction). */
  fn<F extends (...args: never[]) => unknown>(f: F): F;
  /** A Proxy the page can use (Firefox: made by the page's Proxy with exported traps). */
  proxy<T extends object>(target: T, handler: ProxyHandler<T>): T;
  /** `new target(...args)` as the page would do it (Firefox: the page's own Reflect). */
  construct(target: unknown, args: readonly unknown[], newTarget: unknown): object;
}

/** The monitor lives in the page's realm (Chromium MAIN world, unit tests). */
export const SAME_REALM: PageRealm = {
  fn: (f) => f,
  proxy: (target, handler) => new Proxy(target, handler),
  construct: (target, args, newTarget) =>
    Reflect.construct(target as new (...a: unknown[]) => object, args, newTarget as new (...a: unknown[]) => object),
};

/** The object in `obj`'s prototype chain that owns `key` (window members live on either). */
export function ownerOf(obj: object, key: string): object | null {
  let cur: object | null = obj;
  for (let i = 0; cur !== null && i < 8; i++) {
    if (Object.prototype.hasOwnProperty.call(cur, key)) return cur;
    cur = Object.getPrototypeOf(cur) as object | null;
  }
  return null;
}

export function wrapMethod(obj: object | null, key: string, before: Before, realm: PageRealm = SAME_REALM): boolean {
  const owner = obj === null ? null : ownerOf(obj, key);
  if (owner === null) return false;
  const desc = Object.getOwnPropertyDescriptor(owner, key);
  const orig: unknown = desc?.value;
  if (desc === undefined || typeof orig !== 'function' || (!desc.writable && !desc.configurable)) return false;
  const wrapped = function (this: unknown, ...args: unknown[]): unknown {
    try {
      before(this, args);
    } catch {
      /* observation only */
    }
    return Reflect.apply(orig, this, args);
  };
  return define(owner, key, { ...desc, value: realm.fn(wrapped) });
}

export function wrapAccessor(
  obj: object | null,
  key: string,
  hooks: { get?: (self: unknown) => void; set?: (self: unknown, v: unknown) => void },
  realm: PageRealm = SAME_REALM,
): boolean {
  const owner = obj === null ? null : ownerOf(obj, key);
  if (owner === null) return false;
  const desc = Object.getOwnPropertyDescriptor(owner, key);
  if (desc === undefined || !desc.configurable) return false;
  const { get, set } = desc;
  const next: PropertyDescriptor = { configurable: true, enumerable: desc.enumerable };
  if (get !== undefined) {
    next.get = realm.fn(function (this: unknown): unknown {
      try {
        hooks.get?.(this);
      } catch {
        /* observation only */
      }
      return Reflect.apply(get, this, []);
    });
  }
  if (set !== undefined) {
    next.set = realm.fn(function (this: unknown, v: unknown): void {
      try {
        hooks.set?.(this, v);
      } catch {
        /* observation only */
      }
      Reflect.apply(set, this, [v]);
    });
  }
  return define(owner, key, next);
}

/** Replaces a global constructor with a Proxy that reports each `new`; instanceof keeps working. */
export function wrapConstructor(
  obj: object | null,
  key: string,
  onNew: (args: readonly unknown[]) => void,
  realm: PageRealm = SAME_REALM,
): boolean {
  const owner = obj === null ? null : ownerOf(obj, key);
  if (owner === null) return false;
  const desc = Object.getOwnPropertyDescriptor(owner, key);
  const orig: unknown = desc?.value;
  if (desc === undefined || typeof orig !== 'function' || (!desc.writable && !desc.configurable)) return false;
  const proxy = realm.proxy(orig as (...a: unknown[]) => unknown, {
    construct(target, args, newTarget): object {
      try {
        onNew(args);
      } catch {
        /* observation only */
      }
      return realm.construct(target, args, newTarget);
    },
  });
  return define(owner, key, { ...desc, value: proxy });
}

function define(owner: object, key: string, desc: PropertyDescriptor): boolean {
  try {
    Object.defineProperty(owner, key, desc);
    return true;
  } catch {
    return false;
  }
}
