import { checkLookalike, checkLookalikeUrl, pathMatters, type LookalikeMatch } from '../lookalike';
import type { Verdict } from '../model/verdict';

export const LOOKALIKE_LIST_ID = 'lookalike';

/**
 * Hosts checked recently, most recent last. Off free hosting the detector's answer depends
 * on the host alone (the brand data is built in), and pages of one site come in runs, so
 * most verdicts find it here: the check itself costs tens of µs in a service worker that has
 * not optimised it yet, several times the list lookups. Pages on free hosting are judged by
 * their path as well, and are not kept here.
 */
const CACHE_SIZE = 512;
const recent = new Map<string, LookalikeMatch | null>();

function lookalikeOf(host: string): LookalikeMatch | null {
  const cached = recent.get(host);
  if (cached !== undefined) {
    recent.delete(host);
    recent.set(host, cached);
    return cached;
  }
  const match = checkLookalike(host);
  recent.set(host, match);
  if (recent.size > CACHE_SIZE) recent.delete(recent.keys().next().value as string);
  return match;
}

/**
 * A site no list names, whose address imitates a protected brand, as a warning verdict.
 * On free hosting and shared site hosts (sites.google.com) the page's path is read too,
 * and `seen.pathMatters` is set so that the caller does not reuse the verdict for other
 * pages of the host.
 */
export function lookalikeVerdict(host: string, url?: URL, seen?: { pathMatters: boolean }): Verdict | null {
  let match: LookalikeMatch | null;
  if (url && pathMatters(host)) {
    if (seen) seen.pathMatters = true;
    match = checkLookalikeUrl(url);
  } else {
    match = lookalikeOf(host);
  }
  if (!match) return null;
  return {
    kind: 'blocked',
    host,
    reason: {
      listId: LOOKALIKE_LIST_ID,
      listName: 'Lookalike detector',
      category: 'phishing',
      rule: match.detail,
      ruleType: 'lookalike',
      imitates: { domain: match.officialDomain, name: match.brandName, nameZh: match.brandNameZh, kind: match.kind },
    },
  };
}
