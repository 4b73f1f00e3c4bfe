import type { DnrRule } from '../../../src/blocking/dnr-rules';
import type { DnrApi, SlotStorage } from '../../../src/blocking/dnr-sync';

/**
 * An in-memory stand-in with Chrome's observable behaviour (duplicate ids refused, a
 * domain limit we can set); the real API is exercised end to end in Chromium.
 */
export function memoryDnr(maxDomains = Infinity): DnrApi & { dynamic: Map<number, DnrRule> } {
  const dynamic = new Map<number, DnrRule>();
  const session = new Map<number, DnrRule>();
  const apply = (store: Map<number, DnrRule>, o: { removeRuleIds?: number[]; addRules?: DnrRule[] }) => {
    for (const id of o.removeRuleIds ?? []) store.delete(id);
    for (const r of o.addRules ?? []) {
      if (store.has(r.id)) throw new Error(`Rule with id ${r.id} already exists`);
      store.set(r.id, r);
    }
    const total = [...store.values()].reduce((n, r) => n + (r.condition.requestDomains?.length ?? 0), 0);
    if (total > maxDomains) {
      for (const r of o.addRules ?? []) store.delete(r.id);
      throw new Error('Rule count exceeded');
    }
  };
  return {
    dynamic,
    updateDynamicRules: async (o) => apply(dynamic, o),
    getDynamicRules: async (filter?: { ruleIds?: number[] }) =>
      [...dynamic.values()].filter((r) => !filter?.ruleIds || filter.ruleIds.includes(r.id)),
    updateSessionRules: async (o) => apply(session, o),
    getSessionRules: async () => [...session.values()],
  };
}

/**
 * storage.local as the slot storage sees it. `close()` is the browser closing: writes from
 * then on never land, and it returns the storage the next start of the browser reads.
 */
export interface ClosableSlots extends SlotStorage {
  close(): ClosableSlots;
}

export function slots(
  saved: Record<string, number> = {},
  unfinished: string[] = [],
  versions: Record<string, string> = {},
): ClosableSlots {
  let closed = false;
  return {
    load: async () => ({ ...saved }),
    save: async (s: Record<string, number>) => {
      if (!closed) saved = { ...s };
    },
    loadUnfinished: async () => [...unfinished],
    saveUnfinished: async (ids: string[]) => {
      if (!closed) unfinished = [...ids];
    },
    loadVersions: async () => ({ ...versions }),
    saveVersions: async (v: Record<string, string>) => {
      if (!closed) versions = { ...v };
    },
    close: () => {
      closed = true;
      return slots({ ...saved }, [...unfinished], { ...versions });
    },
  };
}

/** `api` that counts its updateDynamicRules calls (each makes Chromium re-index every rule). */
export function countingDnr(api: DnrApi): DnrApi & { calls: () => number } {
  let calls = 0;
  return {
    ...api,
    updateDynamicRules: async (o) => {
      calls++;
      await api.updateDynamicRules(o);
    },
    calls: () => calls,
  };
}
