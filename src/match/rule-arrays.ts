import { applyDelta, diffSorted } from './hash-set';

export const RULE_KINDS = ['blockDomains', 'allowDomains', 'blockUrls', 'allowUrls'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

/** A list's rules as sorted hash sets, one per kind. */
export type RuleArrays = Record<RuleKind, Float64Array>;

/** A change between two versions of a list: what to add and remove, per kind. */
export type RuleDelta = Record<RuleKind, { added: Float64Array; removed: Float64Array }>;

export function diffRules(from: RuleArrays, to: RuleArrays): RuleDelta {
  return Object.fromEntries(RULE_KINDS.map((k) => [k, diffSorted(from[k], to[k])])) as RuleDelta;
}

export function applyRuleDelta(base: RuleArrays, delta: RuleDelta): RuleArrays {
  return Object.fromEntries(
    RULE_KINDS.map((k) => [k, applyDelta(base[k], delta[k].added, delta[k].removed)]),
  ) as RuleArrays;
}

/** Entries a delta changes (added plus removed), across kinds. */
export function deltaSize(delta: RuleDelta): number {
  return RULE_KINDS.reduce((n, k) => n + delta[k].added.length + delta[k].removed.length, 0);
}

export function ruleCount(rules: RuleArrays): number {
  return RULE_KINDS.reduce((n, k) => n + rules[k].length, 0);
}

export function ruleBytes(rules: RuleArrays): number {
  return RULE_KINDS.reduce((n, k) => n + rules[k].byteLength, 0);
}
