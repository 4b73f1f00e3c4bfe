import { applyDelta, diffSorted } from './hash-set';

export const RULE_KINDS = ['blockDomains', 'allowDomains', 'blockUrls', 'allowUrls'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

/**
 * A list's rules as sorted hash sets, one per kind. `urlHosts` holds the hosts its URL
 * rules name, so a page on any other host skips building and hashing URL prefixes (most
 * verdicts need domain lookups only); absent, every host is looked up.
 */
export type RuleArrays = Record<RuleKind, Float64Array> & { urlHosts?: Float64Array };

/** A change between two versions of a list: what to add and remove, per kind (urlHosts replaced whole). */
export type RuleDelta = Record<RuleKind, { added: Float64Array; removed: Float64Array }> & { urlHosts?: Float64Array };

export function diffRules(from: RuleArrays, to: RuleArrays): RuleDelta {
  const delta: RuleDelta = {
    blockDomains: diffSorted(from.blockDomains, to.blockDomains),
    allowDomains: diffSorted(from.allowDomains, to.allowDomains),
    blockUrls: diffSorted(from.blockUrls, to.blockUrls),
    allowUrls: diffSorted(from.allowUrls, to.allowUrls),
  };
  if (to.urlHosts) delta.urlHosts = to.urlHosts;
  return delta;
}

export function applyRuleDelta(base: RuleArrays, delta: RuleDelta): RuleArrays {
  const rules = Object.fromEntries(
    RULE_KINDS.map((k) => [k, applyDelta(base[k], delta[k].added, delta[k].removed)]),
  ) as RuleArrays;
  const urlHosts = delta.urlHosts ?? base.urlHosts;
  if (urlHosts) rules.urlHosts = urlHosts;
  return rules;
}

/** Entries a delta changes (added plus removed), across kinds. */
export function deltaSize(delta: RuleDelta): number {
  return RULE_KINDS.reduce((n, k) => n + delta[k].added.length + delta[k].removed.length, 0);
}

/** Rules a list holds (the urlHosts index is derived from its URL rules, not counted). */
export function ruleCount(rules: RuleArrays): number {
  return rules.blockDomains.length + rules.allowDomains.length + rules.blockUrls.length + rules.allowUrls.length;
}

export function ruleBytes(rules: RuleArrays): number {
  return RULE_KINDS.reduce((n, k) => n + rules[k].byteLength, 0);
}
