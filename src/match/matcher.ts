import { domainCandidates, urlCandidates } from './candidates';
import { hash53 } from './hash';
import { hasHash } from './hash-set';
import type { ListIndex, RuleRef, ThreatCategory, Verdict } from './types';

export const USER_LIST_ID = 'user';

export interface UserRules {
  /** Hosts the user blocked by hand (each covers its subdomains). */
  blockedSites: readonly string[];
  /** Hosts the user chose to always trust (each covers its subdomains). */
  trustedSites: readonly string[];
}

type Kind = 'blockDomains' | 'allowDomains' | 'blockUrls' | 'allowUrls';

/**
 * An immutable snapshot of everything in force. The background swaps in a new Matcher
 * after an import, so a verdict is always taken against one complete set of lists.
 */
export class Matcher {
  private readonly blocked: Set<string>;
  private readonly trusted: Set<string>;

  constructor(
    readonly lists: readonly ListIndex[],
    user: UserRules,
    private readonly userListName = 'My blocked sites',
  ) {
    this.blocked = new Set(user.blockedSites);
    this.trusted = new Set(user.trustedSites);
  }

  /** Entries in force across all lists and the user's own blocks. */
  get entryCount(): number {
    let n = this.blocked.size;
    for (const l of this.lists) n += l.blockDomains.length + l.blockUrls.length;
    return n;
  }

  check(rawUrl: string): Verdict {
    let url: URL;
    try {
      url = new URL(rawUrl);
    } catch {
      return { kind: 'ignored', host: '' };
    }
    const host = url.hostname.replace(/\.$/, '').replace(/^\[|\]$/g, '');
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || host === '') {
      return { kind: 'ignored', host };
    }
    const domains = domainCandidates(host);

    const trusted = domains.find((d) => this.trusted.has(d));
    if (trusted) return { kind: 'allowed', host, by: 'trusted', reason: this.userRef(trusted, 'custom') };

    const ownBlock = domains.find((d) => this.blocked.has(d));
    if (ownBlock) return { kind: 'blocked', host, reason: this.userRef(ownBlock, 'custom') };

    const domainHashes = domains.map(hash53);
    const urls = urlCandidates(url, (h) => this.hasUrlRulesFor(hash53(h)));
    const urlHashes = urls.map(hash53);

    // An exception in any list overrides a block in any list, as in AdBlock syntax.
    const allow =
      this.find('allowUrls', urls, urlHashes, 'url') ?? this.find('allowDomains', domains, domainHashes, 'domain');
    if (allow) return { kind: 'allowed', host, by: 'allow-rule', reason: allow };

    const block =
      this.find('blockUrls', urls, urlHashes, 'url') ?? this.find('blockDomains', domains, domainHashes, 'domain');
    if (block) return { kind: 'blocked', host, reason: block };
    return { kind: 'clean', host };
  }

  private hasUrlRulesFor(hostHash: number): boolean {
    for (const list of this.lists) {
      if (list.blockUrls.length === 0 && list.allowUrls.length === 0) continue;
      if (!list.urlHosts || hasHash(list.urlHosts, hostHash)) return true;
    }
    return false;
  }

  private find(kind: Kind, texts: string[], hashes: number[], ruleType: RuleRef['ruleType']): RuleRef | undefined {
    if (texts.length === 0) return undefined;
    for (const list of this.lists) {
      const set = list[kind];
      if (set.length === 0) continue;
      for (let i = 0; i < hashes.length; i++) {
        if (hasHash(set, hashes[i] as number)) {
          return { listId: list.id, listName: list.name, category: list.category, rule: texts[i] as string, ruleType };
        }
      }
    }
    return undefined;
  }

  private userRef(rule: string, category: ThreatCategory): RuleRef {
    return { listId: USER_LIST_ID, listName: this.userListName, category, rule, ruleType: 'domain' };
  }
}
