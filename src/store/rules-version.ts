import type { ListMeta } from '../model/list-meta';

/**
 * Which version of a list a copy of its rules is (the before-load layer keeps one in the
 * browser), and, for a delta, what it adds to the version before. A list's version in the
 * store is its base version plus the deltas applied on it.
 */
export interface RulesVersion {
  version: string;
  /** `added`: the block domains the delta adds; set only when its allow entries did not change. */
  delta?: { from: string; added: readonly string[] };
}

export function rulesVersionOf(meta: Pick<ListMeta, 'activeVersion' | 'deltas'>): string {
  return `${meta.activeVersion}:${meta.deltas.join('.')}`;
}
