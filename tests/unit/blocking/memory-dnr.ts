import { BundledRules, type ParkedStorage, type StaticDnrApi } from '../../../src/blocking/bundled-rules';
import type { DnrRule } from '../../../src/blocking/dnr-rules';
import type { DnrApi, SlotStorage } from '../../../src/blocking/dnr-sync';

/** The rulesets the package declares in these tests (the bundled lists' static rulesets). */
export const rulesets = ['built-a', 'built-b', 'built-scripts'];

export type MemoryDnr = DnrApi &
  StaticDnrApi & { dynamic: Map<number, DnrRule>; enabled: Set<string>; disabledRules: Map<string, Set<number>> };

/**
 * An in-memory stand-in with Chrome's observable behaviour (duplicate ids refused, a
 * domain limit we can set); the real API is exercised end to end in Chromium.
 */
export function memoryDnr(maxDomains = Infinity, declared: readonly string[] = rulesets): MemoryDnr {
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
  const enabled = new Set(declared);
  const disabledRules = new Map<string, Set<number>>();
  return {
    dynamic,
    enabled,
    disabledRules,
    getEnabledRulesets: async () => [...enabled],
    updateEnabledRulesets: async (o) => {
      for (const id of [...(o.enableRulesetIds ?? []), ...(o.disableRulesetIds ?? [])]) {
        if (!declared.includes(id)) throw new Error(`Invalid ruleset id: ${id}`);
      }
      for (const id of o.disableRulesetIds ?? []) enabled.delete(id);
      for (const id of o.enableRulesetIds ?? []) enabled.add(id);
    },
    updateStaticRules: async (o) => {
      const off = disabledRules.get(o.rulesetId) ?? new Set<number>();
      for (const id of o.disableRuleIds ?? []) off.add(id);
      for (const id of o.enableRuleIds ?? []) off.delete(id);
      disabledRules.set(o.rulesetId, off);
    },
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

/** Storage for parked rules (storage.local in the extension). */
export function memoryParked(): ParkedStorage & { saved: Record<string, DnrRule[]> } {
  const store = { saved: {} as Record<string, DnrRule[]> };
  return {
    get saved() {
      return store.saved;
    },
    load: async () => structuredClone(store.saved),
    save: async (parked) => {
      store.saved = structuredClone(parked);
    },
  };
}

export const WARNING_URL = 'chrome-extension://id/warning.html';

/** The bundled lists' part of the before-load layer, over `api`. */
export function bundledRules(api: MemoryDnr, parked = memoryParked(), declared = rulesets): BundledRules {
  return new BundledRules(
    api,
    declared.map((id) => ({ id, scripts: id === 'built-scripts' })),
    parked,
    WARNING_URL,
  );
}
