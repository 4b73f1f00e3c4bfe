import { describe, expect, it } from 'vitest';
import { RecentVerdicts } from '../../../src/background/recent-verdicts';
import { parseList } from '../../../src/lists';
import { Matcher } from '../../../src/match/matcher';
import type { ListIndex } from '../../../src/match/types';
import type { Verdict } from '../../../src/model/verdict';
import { rulesOf } from '../../../src/update/import-list';

/** A list as an import gives it (with the index of the hosts its URL rules name). */
function list(text: string): ListIndex {
  return { id: 'l', name: 'List', category: 'fraud', ...rulesOf(parseList(text)) };
}

/** The matcher's own verdict, counting how many URLs were really judged. */
function judging() {
  const judged: string[] = [];
  const judge =
    (matcher: Matcher) =>
    (url: URL, seen: { pathMatters: boolean }): Verdict => {
      judged.push(url.href);
      return matcher.checkUrl(url, seen);
    };
  return { judged, judge };
}

describe('recent verdicts', () => {
  const lists = [list('evil.test\nhttps://shop.test/fake\n')];
  const noUser = { blockedSites: [], trustedSites: [] };

  it('judges a host once for all its pages and both schemes, with the same matcher', () => {
    const matcher = new Matcher(lists, noUser);
    const recent = new RecentVerdicts();
    const { judged, judge } = judging();
    expect(recent.verdict(matcher, 'https://a.evil.test/x', judge(matcher))).toMatchObject({ kind: 'blocked' });
    expect(recent.verdict(matcher, 'http://a.evil.test/y?z', judge(matcher))).toMatchObject({ kind: 'blocked' });
    expect(recent.verdict(matcher, 'https://good.test/', judge(matcher))).toMatchObject({ kind: 'clean' });
    expect(recent.verdict(matcher, 'https://good.test/2', judge(matcher))).toMatchObject({ kind: 'clean' });
    expect(judged).toEqual(['https://a.evil.test/x', 'https://good.test/']);
  });

  it('judges again with another matcher (lists or user sites changed)', () => {
    const recent = new RecentVerdicts();
    const { judged, judge } = judging();
    const before = new Matcher(lists, noUser);
    expect(recent.verdict(before, 'https://good.test/', judge(before))).toMatchObject({ kind: 'clean' });
    const after = new Matcher(lists, { blockedSites: ['good.test'], trustedSites: [] });
    expect(recent.verdict(after, 'https://good.test/', judge(after))).toMatchObject({ kind: 'blocked' });
    const trusting = new Matcher(lists, { blockedSites: [], trustedSites: ['evil.test'] });
    expect(recent.verdict(trusting, 'https://evil.test/', judge(trusting))).toMatchObject({ kind: 'allowed' });
    expect(judged).toHaveLength(3);
  });

  it('judges every page of a host that URL rules name, by its path', () => {
    const matcher = new Matcher(lists, noUser);
    const recent = new RecentVerdicts();
    const { judged, judge } = judging();
    expect(recent.verdict(matcher, 'https://shop.test/ok', judge(matcher))).toMatchObject({ kind: 'clean' });
    expect(recent.verdict(matcher, 'https://shop.test/fake/1', judge(matcher))).toMatchObject({ kind: 'blocked' });
    expect(recent.verdict(matcher, 'https://www.shop.test/fake', judge(matcher))).toMatchObject({ kind: 'blocked' });
    expect(recent.verdict(matcher, 'https://www.shop.test/ok', judge(matcher))).toMatchObject({ kind: 'clean' });
    expect(judged).toHaveLength(4);
  });

  it('forgets the least recently asked host beyond its size, and ignores what is not a web page', () => {
    const matcher = new Matcher(lists, noUser);
    const recent = new RecentVerdicts();
    const { judged, judge } = judging();
    recent.verdict(matcher, 'https://first.test/', judge(matcher));
    recent.verdict(matcher, 'https://kept.test/', judge(matcher));
    for (let i = 0; i < 300; i++) {
      recent.verdict(matcher, `https://h${i}.test/`, judge(matcher));
      recent.verdict(matcher, 'https://kept.test/', judge(matcher)); // asked often: stays
    }
    judged.length = 0;
    recent.verdict(matcher, 'https://kept.test/', judge(matcher));
    recent.verdict(matcher, 'https://first.test/', judge(matcher));
    expect(judged).toEqual(['https://first.test/']);
    expect(recent.verdict(matcher, 'not a url', judge(matcher))).toEqual({ kind: 'ignored', host: '' });
    expect(recent.verdict(matcher, 'chrome://settings/', judge(matcher))).toMatchObject({ kind: 'ignored' });
  });
});
