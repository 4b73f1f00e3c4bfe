import { allowRule, PRIORITY, redirectRule, scriptBlockRule, type DnrRule } from './dnr-rules';

/**
 * Domains per rule of a bundled list's static ruleset. Static rules are indexed once, when
 * the browser installs the extension, so the size of a call does not matter here as it
 * does for dynamic rules. What matters is Chrome's limit of 1000 regex rules in a ruleset
 * (each redirect carries a regexFilter, to put the original URL after the '#'): 10,000 a
 * rule keeps the largest bundled list (~141,000 domains) at 15 of them.
 */
export const STATIC_DOMAINS_PER_RULE = 10_000;

/** Chrome counts regex rules in each static ruleset against this. */
export const MAX_REGEX_RULES_PER_RULESET = 1000;
/** Chrome (since 120) accepts this many static rulesets, all of them enabled. */
export const MAX_STATIC_RULESETS = 50;

/** The path of a bundled list's ruleset in the package. */
export function rulesetPath(listId: string): string {
  return `rulesets/${listId}.json`;
}

/** Ids of a ruleset's allow rules: they come first, so an update can switch them off without the file. */
export function staticAllowRuleIds(allowCount: number): number[] {
  return Array.from({ length: Math.ceil(allowCount / STATIC_DOMAINS_PER_RULE) }, (_, i) => i + 1);
}

/**
 * One bundled list as a static ruleset: its allow entries, then its block entries as
 * redirects of frames to the warning page (the original URL after the '#', as for every
 * before-load redirect), and, for a script-host list, a block of its hosts' scripts.
 * The priorities are the dynamic rules' own (dnr-rules.ts): the user's blocks and trusted
 * sites outrank every list, whichever ruleset it is in.
 */
export function compileStaticRules(
  block: readonly string[],
  allow: readonly string[],
  warningPageUrl: string,
  scripts: boolean,
  perRule = STATIC_DOMAINS_PER_RULE,
): DnrRule[] {
  const rules: DnrRule[] = [];
  let id = 1;
  for (const domains of chunks(allow, perRule)) rules.push(allowRule(id++, domains, PRIORITY.listAllow));
  for (const domains of chunks(block, perRule)) {
    rules.push(redirectRule(id++, domains, warningPageUrl, PRIORITY.listBlock));
    if (scripts) rules.push(scriptBlockRule(id++, domains));
  }
  const regexRules = rules.filter((r) => r.condition.regexFilter !== undefined).length;
  if (regexRules > MAX_REGEX_RULES_PER_RULESET) {
    throw new Error(`${regexRules} regex rules: over Chrome's ${MAX_REGEX_RULES_PER_RULESET} a ruleset`);
  }
  return rules;
}

/** Sorted, so the same list always gives the same file. */
function* chunks(domains: readonly string[], size: number): Generator<string[]> {
  const sorted = [...new Set(domains)].sort();
  for (let i = 0; i < sorted.length; i += size) yield sorted.slice(i, i + size);
}
