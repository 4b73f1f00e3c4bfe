/**
 * Wrapping helpers for the MAIN-world monitor. Every hook calls the original with the same
 * `this` and arguments and swallows its own errors: observing must never break the page.
 */

type Before = (self: unknown, args: readonly unknown[]) => void;

/** The object in `obj`'s prototype chain that owns `key` (window members live on either). */
export function ownerOf(obj: object, key: string): object | null {
  let cur: object | null = obj;
  for (let i = 0; cur !== null && i < 8; i++) {
    if (Object.prototype.hasOwnProperty.call(cur, key)) return cur;
    cur = Object.getPrototypeOf(cur) as object | null;
  }
  return null;
}

export function wrapMethod(obj: object | null, key: string, before: Before): boolean {
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
  return define(owner, key, { ...desc, value: wrapped });
}

export function wrapAccessor(
  obj: object | null,
  key: string,
  hooks: { get?: (self: unknown) => void; set?: (self: unknown, v: unknown) => void },
): boolean {
  const owner = obj === null ? null : ownerOf(obj, key);
  if (owner === null) return false;
  const desc = Object.getOwnPropertyDescriptor(owner, key);
  if (desc === undefined || !desc.configurable) return false;
  const { get, set } = desc;
  const next: PropertyDescriptor = { configurable: true, enumerable: desc.enumerable };
  if (get !== undefined) {
    next.get = function (this: unknown): unknown {
      try {
        hooks.get?.(this);
      } catch {
        /* observation only */
      }
      return Reflect.apply(get, this, []);
    };
  }
  if (set !== undefined) {
    next.set = function (this: unknown, v: unknown): void {
      try {
        hooks.set?.(this, v);
      } catch {
        /* observation only */
      }
      Reflect.apply(set, this, [v]);
    };
  }
  return define(owner, key, next);
}

/** Replaces a global constructor with a Proxy that reports each `new`; instanceof keeps working. */
export function wrapConstructor(obj: object | null, key: string, onNew: (args: readonly unknown[]) => void): boolean {
  const owner = obj === null ? null : ownerOf(obj, key);
  if (owner === null) return false;
  const desc = Object.getOwnPropertyDescriptor(owner, key);
  const orig: unknown = desc?.value;
  if (desc === undefined || typeof orig !== 'function' || (!desc.writable && !desc.configurable)) return false;
  const proxy = new Proxy(orig, {
    construct(target, args, newTarget): object {
      try {
        onNew(args);
      } catch {
        /* observation only */
      }
      return Reflect.construct(target, args, newTarget) as object;
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
