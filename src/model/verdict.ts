/** What the background decides about a page, frame or script, and why: used by every layer. */

/** What kind of threat a list is about; shown in the warning and chosen per list. */
export type ThreatCategory = 'fraud' | 'phishing' | 'scam' | 'gambling' | 'malware' | 'script' | 'custom';

export interface RuleRef {
  /** The list the rule comes from; 'user' for the user's own blocks and trusted sites. */
  listId: string;
  listName: string;
  category: ThreatCategory;
  /** The rule as the list gives it after normalising: a domain or a "host/path" prefix. */
  rule: string;
  /** 'lookalike', 'heuristic' and 'script' warnings come from detectors, not from a list entry. */
  ruleType: 'domain' | 'url' | 'lookalike' | 'heuristic' | 'script';
  /** A lookalike: the real site the domain imitates. */
  imitates?: { domain: string; name: string; nameZh: string; kind: 'homograph' | 'typosquat' | 'combosquat' };
  /** A page heuristic: why, in both languages (the page's language is not the user's). */
  why?: { en: string; zh: string };
  /** A listed script the page loads, and whether the browser stopped it. */
  script?: { url: string; stopped: boolean };
}

export type Verdict =
  | { kind: 'blocked'; host: string; reason: RuleRef }
  | { kind: 'allowed'; host: string; by: 'trusted' | 'allow-rule' | 'bypass'; reason: RuleRef }
  | { kind: 'clean'; host: string }
  /** Not a web page (extension pages, about:, file:): nothing to check. */
  | { kind: 'ignored'; host: string };
