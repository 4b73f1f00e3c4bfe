import type { RuleRef } from '../model/verdict';

/** What a content script may report: detector ids, scores and short reasons, never page content. */
export interface ReportedFinding {
  id: string;
  score: number;
  reason: string;
  reasonZh: string;
}

const DETECTORS = new Set(['gambling-injection', 'cloaking-redirect', 'browser-locker', 'cryptominer']);
/** The same threshold the page evaluation uses (src/heuristics/evaluate.ts). */
const WARN_AT = 0.7;

/** Checks the shape of reported findings and turns the strongest into a warning reason. */
export function heuristicReason(findings: unknown): RuleRef | null {
  if (!Array.isArray(findings)) return null;
  const valid = findings.filter(
    (f): f is ReportedFinding =>
      typeof f === 'object' &&
      f !== null &&
      DETECTORS.has((f as ReportedFinding).id) &&
      typeof (f as ReportedFinding).score === 'number' &&
      typeof (f as ReportedFinding).reason === 'string' &&
      typeof (f as ReportedFinding).reasonZh === 'string',
  );
  const top = valid.sort((a, b) => b.score - a.score)[0];
  if (!top || top.score < WARN_AT) return null;
  return {
    listId: 'heuristics',
    listName: 'Page heuristics',
    category: top.id === 'gambling-injection' ? 'gambling' : top.id === 'cryptominer' ? 'malware' : 'scam',
    rule: top.id,
    ruleType: 'heuristic',
    why: { en: top.reason.slice(0, 300), zh: top.reasonZh.slice(0, 300) },
  };
}

/** How long a redirect's finding waits for the page the tab lands on. */
export const PENDING_REDIRECT_MS = 6000;

/** A cloaking redirect seen leaving `sourceHost`, waiting for the tab's next page. */
export interface PendingRedirect {
  sourceUrl: string;
  sourceHost: string;
  /** The hosts the script navigated to, already known to be other sites than the source. */
  targets: string[];
  reason: RuleRef;
}

/**
 * The page a cloaking redirect leaves is gone before it could show a warning; the page the
 * tab lands on shows it instead. The source page's content script reports the redirect as it
 * happens (synchronously, before unload); the landing page asks for its verdict at
 * document_start. Between the two, this holds one decision per tab, briefly.
 *
 * Entries are promises, stored the moment the report arrives: the landing page's question can
 * come in while the decision (which waits for the lists) is still being made.
 */
interface PendingEntry {
  at: number;
  decided: Promise<PendingRedirect | null>;
  /** The decision, once made. */
  settled?: PendingRedirect | null;
  /** A landing page's question is waiting for the decision. */
  claimed?: boolean;
}

export class PendingRedirects {
  private readonly byTab = new Map<number, PendingEntry>();

  constructor(
    private readonly now: () => number = () => Date.now(),
    private readonly ttlMs = PENDING_REDIRECT_MS,
  ) {}

  set(tabId: number, decided: Promise<PendingRedirect | null>): void {
    this.prune();
    const entry: PendingEntry = {
      at: this.now(),
      decided,
    };
    // Registered first, so it has run before anyone else who waits for the decision.
    decided.then(
      (p) => (entry.settled = p),
      () => (entry.settled = null),
    );
    this.byTab.set(tabId, entry);
  }

  /**
   * The pending redirect for a page now shown in `tabId` at `landingHost`, if the page is on
   * another site than the source. One-shot: a reload, "Go back" to the search results or a
   * later page in the tab is not warned again.
   */
  async take(
    tabId: number,
    landingHost: string,
    sameSite: (a: string, b: string) => boolean,
  ): Promise<PendingRedirect | null> {
    const entry = this.byTab.get(tabId);
    if (entry === undefined) return null;
    if (this.now() - entry.at > this.ttlMs) {
      this.byTab.delete(tabId);
      return null;
    }
    // A landing page is waiting for this decision: forgetIf leaves the entry to it.
    entry.claimed = true;
    const pending = await entry.decided.catch(() => null);
    entry.claimed = false;
    // Still the same entry (not replaced while the decision was made), and not expired meanwhile.
    if (this.byTab.get(tabId) !== entry) return null;
    if (pending === null) {
      this.byTab.delete(tabId);
      return null;
    }
    // Landing on the source site itself (the redirect went elsewhere later, or not at all):
    // keep it for the real landing page.
    if (landingHost === '' || sameSite(landingHost, pending.sourceHost)) return null;
    this.byTab.delete(tabId);
    return pending;
  }

  forget(tabId: number): void {
    this.byTab.delete(tabId);
  }

  /** Drops the tab's entry if it is still the one that decided `pending`; true if it was. */
  forgetIf(tabId: number, pending: PendingRedirect): boolean {
    const entry = this.byTab.get(tabId);
    if (entry === undefined || entry.claimed === true || entry.settled !== pending) return false;
    this.byTab.delete(tabId);
    return true;
  }

  private prune(): void {
    const now = this.now();
    for (const [tab, e] of this.byTab) if (now - e.at > this.ttlMs) this.byTab.delete(tab);
  }
}

/** At most this many redirect targets are looked at; a real redirect has one. */
const MAX_TARGETS = 10;
const HOST = /^[a-z0-9.-]{1,253}$/;

/**
 * Decides a reported redirect: the findings must include a cloaking-redirect finding at the
 * warning threshold, and at least one target must be another site than the source (the
 * content script compares exact hosts only; the public-suffix list is here).
 */
export function pendingRedirect(
  sourceUrl: string,
  sourceHost: string,
  findings: unknown,
  targets: unknown,
  sameSite: (a: string, b: string) => boolean,
): PendingRedirect | null {
  if (!Array.isArray(targets) || !Array.isArray(findings)) return null;
  const cloaking = heuristicReason(findings.filter((f) => (f as ReportedFinding | null)?.id === 'cloaking-redirect'));
  if (cloaking === null) return null;
  const away = targets
    .slice(0, MAX_TARGETS)
    .filter((t): t is string => typeof t === 'string' && HOST.test(t) && !sameSite(t, sourceHost));
  if (away.length === 0) return null;
  return {
    sourceUrl,
    sourceHost,
    targets: away,
    reason: {
      ...cloaking,
      // Named here, not taken from the page: the source host comes from the browser (sender).
      why: {
        en:
          `A script on ${sourceHost} sent you here right after checking which site you came from. ` +
          'Hacked sites do this to pass visitors from search engines on to gambling or scam sites (search-engine cloaking).',
        zh:
          `这个网页不是您自己打开的：${sourceHost} 上的脚本在检查您从哪个网站来之后，立即把您跳转到了这里。` +
          '被黑客篡改的网站常用这种手法，把搜索引擎带来的访客送往赌博或诈骗网站（搜索引擎劫持）。',
      },
    },
  };
}

/** Most hosts one page may ask about at a time (the content script sends at most 50). */
const MAX_SAME_SITE_HOSTS = 50;

/** For `page.sameSite`: the hosts among `hosts` on the same site as the page (`pageHost`). */
export function sameSiteHosts(pageHost: string, hosts: unknown, sameSite: (a: string, b: string) => boolean): string[] {
  if (!Array.isArray(hosts) || pageHost === '') return [];
  return hosts
    .slice(0, MAX_SAME_SITE_HOSTS)
    .filter((h): h is string => typeof h === 'string' && HOST.test(h) && sameSite(h, pageHost));
}
