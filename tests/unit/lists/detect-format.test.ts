import { describe, expect, it } from 'vitest';
import { detectFormat, type ListFormat } from '../../../src/lists';

const SAMPLES: [string, string, ListFormat][] = [
  ['hosts', '# hosts\n127.0.0.1 localhost\n0.0.0.0 a.com\n0.0.0.0 b.com c.com # x\n', 'hosts'],
  ['hosts with IPv6', ':: a.com\n::1 b.com\n', 'hosts'],
  ['glued hosts', '0.0.0.0a.com\n0.0.0.0b.com\n', 'hosts'],
  ['plain domains', '# list\na.com\nb.example.org\n', 'domains'],
  ['wildcard', '*.a.com\n*.b.com\n', 'wildcard'],
  ['dnsmasq', 'address=/a.com/0.0.0.0\nserver=/b.com/\nlocal=/c.com/\n', 'dnsmasq'],
  ['unbound', 'server:\nlocal-zone: "a.com." always_null\nlocal-zone: "b.com." always_null\n', 'dnsmasq'],
  ['abp', '[Adblock Plus 2.0]\n! Title: x\n||a.com^\n||b.com^$all\n', 'abp'],
  ['abp without header', '! x\n||a.com^\n@@||b.com^\nexample.com##.ad\n', 'abp'],
  ['abp comments only', '! Title: x\n! nothing yet\n', 'abp'],
  ['urls', 'https://a.com/login\nhttp://b.com/x?y=1\n', 'urls'],
  ['urls without scheme (UT1)', 'a.com/x\nb.com/y/z\nc.com\n', 'urls'],
  ['json array', '["a.com","b.com"]', 'json'],
  ['json object', '\ufeff  {"deny":["a.com"],"allow":[]}', 'json'],
  ['broken json', '[not json\na.com\n', 'domains'],
  ['empty', '', 'domains'],
  ['crlf + bom', '\ufeff0.0.0.0 a.com\r\n0.0.0.0 b.com\r\n', 'hosts'],
];

describe('detectFormat', () => {
  it.each(SAMPLES)('%s', (_name, text, expected) => {
    expect(detectFormat(text)).toBe(expected);
  });

  it('votes: a few odd lines do not change the verdict', () => {
    const text = ['0.0.0.0 a.com', '0.0.0.0 b.com', 'c.com', '0.0.0.0 d.com', '||e.com^'].join('\n');
    expect(detectFormat(text)).toBe('hosts');
  });
});
