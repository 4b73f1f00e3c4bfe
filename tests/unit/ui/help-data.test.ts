import { describe, expect, it } from 'vitest';
import { BANK_HOTLINES } from '../../../src/guidance/hotlines';
import { listIssuePage, REPORT_CHANNELS } from '../../../src/guidance/report-channels';
import { DEFAULT_LISTS } from '../../../src/update/default-lists';
import { parseSettingsFile, settingsFile } from '../../../src/ui/settings/settings-file';

describe('report channels and hotlines', () => {
  it('finds the issue page of lists hosted on GitHub, and none elsewhere', () => {
    expect(listIssuePage('https://raw.githubusercontent.com/bigdargon/hostsVN/master/extensions/gambling/hosts')).toBe(
      'https://github.com/bigdargon/hostsVN/issues',
    );
    expect(listIssuePage('https://github.com/owner/repo/raw/main/list.txt')).toBe(
      'https://github.com/owner/repo/issues',
    );
    expect(listIssuePage('http://127.0.0.1:8080/feeds/list.txt')).toBeNull();
    expect(listIssuePage('not a url')).toBeNull();
  });

  it('every bundled list on GitHub gets an issue page', () => {
    for (const list of DEFAULT_LISTS.filter((l) => /github/.test(new URL(l.url).hostname))) {
      expect(listIssuePage(list.url), list.id).toMatch(/^https:\/\/github\.com\/[\w.-]+\/[\w.-]+\/issues$/);
    }
  });

  it('Google’s form gets the reported address as its url parameter, encoded', () => {
    const google = REPORT_CHANNELS.find((c) => c.id === 'google')!;
    expect(google.url!('http://evil.test/a?b=c&d')).toBe(
      'https://safebrowsing.google.com/safebrowsing/report_phish/?url=http%3A%2F%2Fevil.test%2Fa%3Fb%3Dc%26d',
    );
  });

  it('hotlines are the checked five-digit numbers, each once', () => {
    const phones = BANK_HOTLINES.map((h) => h.phone);
    expect(new Set(phones).size).toBe(phones.length);
    expect(phones).toEqual(['95588', '95533', '95599', '95566', '95559', '95580', '95555', '95188', '95017']);
  });
});

describe('settings file', () => {
  it('reads back what it writes', () => {
    const file = settingsFile(['a.test'], ['b.test'], ['https://example.org/list.txt']);
    expect(parseSettingsFile(JSON.stringify(file))).toEqual(file);
  });

  it.each([
    ['not json', 'not JSON'],
    ['[]', 'no "format"'],
    ['{"format":"fraud-sentry-settings","version":2}', 'unknown version 2'],
    [
      '{"format":"fraud-sentry-settings","version":1,"blockedSites":[1],"trustedSites":[],"subscriptions":[]}',
      '"blockedSites"',
    ],
  ])('refuses %s with a reason', (text, reason) => {
    const parsed = parseSettingsFile(text);
    expect('error' in parsed && parsed.error).toContain(reason);
  });
});
