import { describe, expect, it } from 'vitest';
import { buildHashSet } from '../../../src/match/hash-set';
import { domainCandidates, urlCandidates } from '../../../src/match/candidates';
import { Matcher } from '../../../src/match/matcher';
import type { ListIndex } from '../../../src/match/types';

function list(id: string, rules: Partial<Record<'block' | 'allow' | 'blockUrl' | 'allowUrl', string[]>>): ListIndex {
  return {
    id,
    name: `List ${id}`,
    category: 'fraud',
    blockDomains: buildHashSet(rules.block ?? []),
    allowDomains: buildHashSet(rules.allow ?? []),
    blockUrls: buildHashSet(rules.blockUrl ?? []),
    allowUrls: buildHashSet(rules.allowUrl ?? []),
  };
}

const noUser = { blockedSites: [], trustedSites: [] };

describe('candidate domains', () => {
  it('walks from the host to the registrable domain, never to the public suffix', () => {
    expect(domainCandidates('a.b.evil.com.cn')).toEqual(['a.b.evil.com.cn', 'b.evil.com.cn', 'evil.com.cn']);
    expect(domainCandidates('user.github.io')).toEqual(['user.github.io']);
    expect(domainCandidates('x.user.github.io')).toEqual(['x.user.github.io', 'user.github.io']);
  });

  it('keeps an IP address whole', () => {
    expect(domainCandidates('10.1.2.3')).toEqual(['10.1.2.3']);
  });

  it('cuts URL prefixes at path segments', () => {
    expect(urlCandidates(new URL('https://github.com/someone/repo/issues?q=1'))).toEqual([
      'github.com/someone',
      'github.com/someone/',
      'github.com/someone/repo',
      'github.com/someone/repo/',
      'github.com/someone/repo/issues',
      'github.com/someone/repo/issues/',
      'github.com/someone/repo/issues?q=1',
    ]);
  });
});

describe('Matcher', () => {
  const lists = [
    list('a', { block: ['evil.com', 'scam.com.cn', '203.0.113.9'], allow: ['good.evil.com'] }),
    list('b', { blockUrl: ['github.com/someone/repo', 'sites.example.org/phish/login.php'] }),
  ];
  const m = new Matcher(lists, noUser);

  it('blocks a listed domain and every subdomain, naming list and rule', () => {
    const v = m.check('https://evil.com/');
    expect(v).toMatchObject({
      kind: 'blocked',
      host: 'evil.com',
      reason: { listId: 'a', rule: 'evil.com', ruleType: 'domain' },
    });
    expect(m.check('http://deep.sub.evil.com:8080/x')).toMatchObject({ kind: 'blocked', reason: { rule: 'evil.com' } });
    expect(m.check('https://www.scam.com.cn/')).toMatchObject({ kind: 'blocked', reason: { rule: 'scam.com.cn' } });
  });

  it('does not block look-alike hosts that merely end with the same letters', () => {
    expect(m.check('https://notevil.com/').kind).toBe('clean');
    expect(m.check('https://evil.com.example.net/').kind).toBe('clean');
  });

  it('an allow entry overrides a block', () => {
    expect(m.check('https://good.evil.com/')).toMatchObject({ kind: 'allowed', by: 'allow-rule' });
  });

  it('a URL rule blocks only under its path, never the whole host', () => {
    expect(m.check('https://github.com/').kind).toBe('clean');
    expect(m.check('https://github.com/someone').kind).toBe('clean');
    expect(m.check('https://github.com/someone/repository').kind).toBe('clean');
    expect(m.check('https://github.com/someone/repo')).toMatchObject({
      kind: 'blocked',
      reason: { ruleType: 'url', listId: 'b' },
    });
    expect(m.check('https://github.com/someone/repo/tree/main').kind).toBe('blocked');
    expect(m.check('http://sites.example.org/phish/login.php?next=1').kind).toBe('blocked');
  });

  it('matches IP hosts exactly', () => {
    expect(m.check('http://203.0.113.9/x').kind).toBe('blocked');
    expect(m.check('http://203.0.113.10/x').kind).toBe('clean');
  });

  it('ignores what is not a web page', () => {
    expect(m.check('chrome-extension://abc/popup.html').kind).toBe('ignored');
    expect(m.check('about:blank').kind).toBe('ignored');
    expect(m.check('not a url').kind).toBe('ignored');
  });

  it("the user's trusted sites override lists, and own blocks add to them", () => {
    const user = new Matcher(lists, { blockedSites: ['mine.example'], trustedSites: ['evil.com'] }, 'Mine');
    expect(user.check('https://x.evil.com/')).toMatchObject({ kind: 'allowed', by: 'trusted' });
    expect(user.check('https://a.mine.example/')).toMatchObject({
      kind: 'blocked',
      reason: { listId: 'user', listName: 'Mine', rule: 'mine.example' },
    });
    expect(user.check('https://scam.com.cn/').kind).toBe('blocked');
  });

  it('counts entries in force', () => {
    expect(m.entryCount).toBe(5);
    expect(new Matcher(lists, { blockedSites: ['x.example'], trustedSites: [] }).entryCount).toBe(6);
  });
});
