import type { Matcher } from '../match/matcher';
import type { Verdict } from '../model/verdict';

/** Hosts remembered: more than the sites one person visits in a session, a few kB. */
const SIZE = 256;

/**
 * The background's verdicts of recent hosts, for the matcher in force. A page's verdict
 * (lists, user blocks, trusted sites, then the lookalike detector) depends on its host
 * alone unless a URL rule names some page of that host, and pages of one site come in
 * runs: a repeat visit then costs a URL parse and a map look-up instead of the public
 * suffix search, the hashes and the detector.
 *
 * Every change of lists or of the user's blocked and trusted sites puts a new Matcher in
 * force (the matcher is an immutable snapshot), so the matcher is this cache's generation:
 * a verdict is only ever reused with the very matcher it was taken with.
 */
export class RecentVerdicts {
  private matcher: Matcher | null = null;
  /** Host → its verdict; null: a URL rule may name a page of the host, the path decides. */
  private readonly byHost = new Map<string, Verdict | null>();
  private readonly seen = { pathMatters: false };

  /**
   * The verdict `judge` gives `rawUrl`, remembered by host. `judge` takes the matcher's
   * verdict (Matcher.checkUrl, handing it `seen`) and may add what depends on the host
   * alone. Callers must not modify the verdict: it is shared.
   */
  verdict(matcher: Matcher, rawUrl: string, judge: (url: URL, seen: { pathMatters: boolean }) => Verdict): Verdict {
    let url: URL;
    try {
      url = new URL(rawUrl);
    } catch {
      return { kind: 'ignored', host: '' };
    }
    // Other schemes are ignored at once: nothing to save.
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return judge(url, this.seen);
    if (matcher !== this.matcher) {
      this.byHost.clear();
      this.matcher = matcher;
    }
    const host = url.hostname;
    const known = this.byHost.get(host);
    if (known) {
      // Most recent last, so the oldest is dropped first.
      this.byHost.delete(host);
      this.byHost.set(host, known);
      return known;
    }
    const verdict = judge(url, this.seen);
    if (known === undefined) {
      this.byHost.set(host, this.seen.pathMatters ? null : verdict);
      if (this.byHost.size > SIZE) this.byHost.delete(this.byHost.keys().next().value as string);
    }
    return verdict;
  }
}
