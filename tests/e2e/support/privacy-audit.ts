// What the privacy tests check (issue 5, "Privacy and permissions, proven"): the browser
// is told to use the test server as its HTTP proxy, so every request the browser makes,
// to any host, passes through the server's log. The pages' own traffic is set apart;
// everything else is the extension's (or the browser's), and each of those requests must
// be a configured list URL and carry nothing of the browsing.
import type { LoggedRequest } from './feed-server';

export interface PrivacyExpectations {
  /** The pages the test opened (full URLs). */
  visited: string[];
  /** The list URLs the extension is configured with (bundled defaults and subscriptions). */
  listUrls: string[];
  /** Strings that appear only in the visited URLs (tokens in paths and queries). */
  secrets: string[];
  /**
   * Hosts the browser itself contacts whatever extension is installed (seen in the control
   * run without the extension). Still audited for carrying the browsing; only the "is it a
   * list URL" rule does not apply to them.
   */
  browserOwnHosts: string[];
}

export interface PrivacyAudit {
  /** Requests that are not a visited page's own (navigations, its fetches). */
  others: LoggedRequest[];
  /** Every way one of `others` breaks the rules; empty when all is well. */
  problems: string[];
}

export function auditRequests(requests: LoggedRequest[], expect: PrivacyExpectations): PrivacyAudit {
  const visited = expect.visited.map((u) => new URL(u));
  const visitedHosts = new Set(visited.map((u) => u.hostname));
  const lists = expect.listUrls.map((u) => new URL(u));
  const listHostsTls = new Set(lists.filter((u) => u.protocol === 'https:').map((u) => `${u.hostname}:443`));
  const isListRequest = (r: LoggedRequest) =>
    lists.some((u) => u.protocol === 'http:' && u.hostname === r.host && `${u.pathname}${u.search}` === r.url);

  const visitedPaths = new Set(visited.map((u) => `${u.hostname} ${u.pathname}${u.search}`));
  const browserOwn = new Set(expect.browserOwnHosts);
  const others = requests.filter((r) => !isPageTraffic(r, visitedHosts, visitedPaths));
  const problems: string[] = [];
  for (const r of others) {
    const label = `${r.method} ${r.host} ${r.url}`;
    if (browserOwn.has(r.host)) {
      // The browser's own: only the leak check below.
    } else if (r.method === 'CONNECT') {
      if (!listHostsTls.has(r.url))
        problems.push(`https connection to a host that serves no configured list: ${label}`);
    } else {
      if (!isListRequest(r)) problems.push(`not a configured list URL: ${label}`);
      if (r.method !== 'GET' && r.method !== 'OPTIONS') problems.push(`sends a ${r.method} (a body): ${label}`);
    }
    const haystack = `${r.url} ${JSON.stringify(r.headers)}`.toLowerCase();
    for (const needle of [...visitedHosts, ...expect.secrets.map((s) => s.toLowerCase())]) {
      if (haystack.includes(needle)) problems.push(`carries "${needle}": ${label} ${JSON.stringify(r.headers)}`);
    }
  }
  return { others, problems };
}

/**
 * A visited page's own request: to a visited host, and either the navigation the test
 * made (that exact address, as a navigation: browsers send Upgrade-Insecure-Requests only
 * with those) or sent by a page of that host (its Referer). An extension asking a visited
 * host about itself would be neither, and would be audited.
 */
function isPageTraffic(r: LoggedRequest, visitedHosts: Set<string>, visitedPaths: Set<string>): boolean {
  if (!visitedHosts.has(r.host)) return false;
  if (visitedPaths.has(`${r.host} ${r.url}`) && r.headers['upgrade-insecure-requests'] === '1') return true;
  const referer = r.headers.referer;
  if (typeof referer !== 'string') return false;
  try {
    return new URL(referer).hostname === r.host;
  } catch {
    return false;
  }
}
