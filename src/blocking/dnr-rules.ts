import type { Browser } from 'wxt/browser';

export type DnrRule = Browser.declarativeNetRequest.Rule;

/**
 * Higher wins, mirroring the matcher's order: a bypass the user confirmed, then trusted
 * sites, then the user's own blocks, then the lists' allow entries, then list blocks.
 */
// The chrome typings spell these as enums; the values are the plain strings the API takes.
const MAIN_FRAME = 'main_frame' as Browser.declarativeNetRequest.ResourceType;

export const PRIORITY = { listBlock: 1, listAllow: 2, userBlock: 3, trusted: 4, bypass: 5 } as const;

/**
 * Domains per rule. Chromium 156 accepted 2,000,000 domains in one update here (about
 * 3 s per million, in 100,000-domain rules); smaller rules keep each one's memory modest
 * and let a failure be retried in parts.
 */
export const DOMAINS_PER_RULE = 100_000;

/** Rule ids: user rules first, then one block of ids per list slot. */
export const USER_BLOCK_ID = 1;
export const TRUSTED_ID = 2;
export const FIRST_BYPASS_ID = 100;
export const SLOT_SIZE = 1000;

export function slotIds(slot: number): { first: number; last: number } {
  const first = (slot + 1) * SLOT_SIZE;
  return { first, last: first + SLOT_SIZE - 1 };
}

/**
 * Sends a listed top-level navigation to the extension's warning page before the site is
 * contacted; the original URL follows the '#', so "Continue anyway" can go on to it.
 */
export function redirectRule(id: number, domains: string[], warningPageUrl: string, priority: number): DnrRule {
  return {
    id,
    priority,
    action: {
      type: 'redirect' as Browser.declarativeNetRequest.RuleActionType,
      redirect: { regexSubstitution: `${warningPageUrl}#\\0` },
    },
    condition: { regexFilter: '^https?://.*', requestDomains: domains, resourceTypes: [MAIN_FRAME] },
  };
}

export function allowRule(id: number, domains: string[], priority: number, tabIds?: number[]): DnrRule {
  return {
    id,
    priority,
    action: { type: 'allow' as Browser.declarativeNetRequest.RuleActionType },
    condition: { requestDomains: domains, resourceTypes: [MAIN_FRAME], ...(tabIds ? { tabIds } : {}) },
  };
}

/** A list's block and allow entries as rules in its slot's id range. */
export function listRules(
  slot: number,
  block: readonly string[],
  allow: readonly string[],
  warningPageUrl: string,
): DnrRule[] {
  const { first, last } = slotIds(slot);
  const rules: DnrRule[] = [];
  let id = first;
  for (let i = 0; i < allow.length; i += DOMAINS_PER_RULE) {
    rules.push(allowRule(id++, allow.slice(i, i + DOMAINS_PER_RULE), PRIORITY.listAllow));
  }
  for (let i = 0; i < block.length; i += DOMAINS_PER_RULE) {
    rules.push(redirectRule(id++, block.slice(i, i + DOMAINS_PER_RULE), warningPageUrl, PRIORITY.listBlock));
  }
  if (id - 1 > last) throw new Error(`List too large for pre-load blocking (${rules.length} rules)`);
  return rules;
}
