import { describe, expect, it } from 'vitest';
import type { LoggedRequest } from '../e2e/support/feed-server';
import { auditRequests, type PrivacyExpectations } from '../e2e/support/privacy-audit';

// The privacy end-to-end tests pass when the audit finds nothing: these make sure it finds
// each kind of leak it is meant to.

const expectations: PrivacyExpectations = {
  visited: ['http://bank.test:8080/account?token=SECRET'],
  listUrls: ['http://127.0.0.1:8080/feeds/list.txt', 'https://lists.example/a.txt'],
  secrets: ['SECRET'],
  browserOwnHosts: ['updates.browser.example'],
};

function req(method: string, host: string, url: string, headers: Record<string, string> = {}): LoggedRequest {
  return { method, host, url, headers, time: 0, proxied: true };
}

const navigation = req('GET', 'bank.test', '/account?token=SECRET', { 'upgrade-insecure-requests': '1' });
const pageFetch = req('POST', 'bank.test', '/__ran', { referer: 'http://bank.test:8080/account?token=SECRET' });
const listFetch = req('GET', '127.0.0.1', '/feeds/list.txt');

describe('privacy audit', () => {
  it('accepts page traffic, list fetches, https to list hosts and the browser’s own clean requests', () => {
    const audit = auditRequests(
      [
        navigation,
        pageFetch,
        listFetch,
        req('CONNECT', 'lists.example', 'lists.example:443'),
        req('POST', 'updates.browser.example', '/check'),
      ],
      expectations,
    );
    expect(audit.problems).toEqual([]);
    expect(audit.others.map((r) => r.url)).toEqual(['/feeds/list.txt', 'lists.example:443', '/check']);
  });

  it.each([
    ['a visited host in a list URL query', req('GET', '127.0.0.1', '/feeds/list.txt?h=bank.test')],
    ['a secret in a header', req('GET', '127.0.0.1', '/feeds/list.txt', { 'x-page': 'SECRET' })],
    ['a URL that is no list', req('GET', 'telemetry.example', '/ping')],
    ['a body sent to a list host', req('POST', '127.0.0.1', '/feeds/list.txt')],
    ['https to a host with no list', req('CONNECT', 'tracker.example', 'tracker.example:443')],
    ['the extension asking the visited host', req('GET', 'bank.test', '/account?token=SECRET')],
    ['the browser’s own request carrying the visit', req('GET', 'updates.browser.example', '/?u=bank.test')],
  ])('flags %s', (_what, leak) => {
    const audit = auditRequests([navigation, pageFetch, listFetch, leak], expectations);
    expect(audit.problems).not.toEqual([]);
  });
});
