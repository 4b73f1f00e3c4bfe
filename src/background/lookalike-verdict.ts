import { checkLookalike } from '../lookalike';
import type { Verdict } from '../match/types';

export const LOOKALIKE_LIST_ID = 'lookalike';

/** A site no list names, whose address imitates a protected brand, as a warning verdict. */
export function lookalikeVerdict(host: string): Verdict | null {
  const match = checkLookalike(host);
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
