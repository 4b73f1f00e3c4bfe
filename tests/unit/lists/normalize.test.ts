import { describe, expect, it } from 'vitest';
import { isPublicSuffix, looksLikeHtmlOrBinary, normalizeHost, normalizeUrlRule } from '../../../src/lists';

describe('normalizeHost', () => {
  it.each([
    ['Example.COM', 'example.com'],
    ['  example.com.  ', 'example.com'],
    ['*.example.com', 'example.com'],
    ['例子.测试', 'xn--fsqu00a.xn--0zwm56d'],
    ['MÜNCHEN.de', 'xn--mnchen-3ya.de'],
    ['xn--fsqu00a.xn--0zwm56d', 'xn--fsqu00a.xn--0zwm56d'],
    ['sub_domain.example.com', 'sub_domain.example.com'],
    ['1.2.3.4', '1.2.3.4'],
    ['[2001:DB8::1]', '[2001:db8::1]'],
    ['2001:db8:0:0:0:0:0:1', '[2001:db8::1]'],
    ['::1', '[::1]'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeHost(input)).toBe(expected);
  });

  it.each([
    '',
    '   ',
    '.',
    '*.',
    'exa mple.com',
    'a..b.com',
    '.example.com',
    'exa$mple.com',
    'example.com/path',
    'user@example.com',
    `${'a'.repeat(64)}.com`,
    `${'abcdefghi.'.repeat(26)}com`, // 263 chars
    '1.2.3', // would be an IPv4 shorthand
    '256.1.1.1',
    '01.2.3.4',
    'foo.123',
    '[::1',
    '[zz::1]',
    '例子..测试',
    'ex\u0000ample.com',
  ])('refuses %j', (input) => {
    expect(normalizeHost(input)).toBeNull();
  });

  it('accepts a 63-char label and a 253-char name', () => {
    expect(normalizeHost(`${'a'.repeat(63)}.com`)).toBe(`${'a'.repeat(63)}.com`);
    const long = `${'abcdefghi.'.repeat(24)}abcdefghi.com`; // 253
    expect(long.length).toBe(253);
    expect(normalizeHost(long)).toBe(long);
  });
});

describe('normalizeUrlRule', () => {
  it.each([
    ['https://evil.example/login.php?x=1', 'evil.example/login.php?x=1'],
    ['HTTPS://Evil.Example/Login.php#frag', 'evil.example/Login.php'],
    ['evil.example/path', 'evil.example/path'],
    ['github.com/someone/repo', 'github.com/someone/repo'],
    ['http://user:pw@evil.example:8080/a', 'evil.example/a'],
    ['https://evil.example', 'evil.example/'],
    ['evil.example?q=1', 'evil.example/?q=1'],
    ['http://1.2.3.4/x.php', '1.2.3.4/x.php'],
    ['http://[2001:db8::1]:8080/x', '[2001:db8::1]/x'],
    ['https://例子.测试/路径', 'xn--fsqu00a.xn--0zwm56d/%E8%B7%AF%E5%BE%84'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeUrlRule(input)).toBe(expected);
  });

  it.each(['https://', 'https://exa mple.com/', 'http://evil.example/a b', 'evil.example:99999/x', '/only/a/path'])(
    'refuses %j',
    (input) => {
      expect(normalizeUrlRule(input)).toBeNull();
    },
  );
});

describe('isPublicSuffix', () => {
  it.each(['com', 'com.cn', 'github.io', 'blogspot.com', 'co.uk'])('%s is a public suffix', (d) => {
    expect(isPublicSuffix(d)).toBe(true);
  });
  it.each(['example.com', 'evil.github.io', 'a.com.cn', '1.2.3.4', ''])('%j is not', (d) => {
    expect(isPublicSuffix(d)).toBe(false);
  });
});

describe('looksLikeHtmlOrBinary', () => {
  it('spots HTML pages', () => {
    expect(looksLikeHtmlOrBinary('<!DOCTYPE html>\n<html><body>Not found</body></html>')).toBe('html');
    expect(looksLikeHtmlOrBinary('\ufeff  <html lang="en">\n<head><title>x</title></head>')).toBe('html');
    expect(looksLikeHtmlOrBinary('<?xml version="1.0"?><Error>AccessDenied</Error>')).toBe('html');
    expect(looksLikeHtmlOrBinary('# captive portal\n<html><body><form></form></body></html>')).toBe('html');
  });

  it('spots binary bodies (gzip served as text, NULs, mojibake)', () => {
    expect(looksLikeHtmlOrBinary('\u001f\u008b\u0008\u0000\u0000\u0000abc')).toBe('binary');
    const junk = Array.from({ length: 2000 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('');
    expect(looksLikeHtmlOrBinary(junk)).toBe('binary');
    expect(looksLikeHtmlOrBinary('\ufffd\ufffd\ufffd\ufffd\ufffdPK\ufffd')).toBe('binary');
  });

  it('lets real lists through', () => {
    expect(looksLikeHtmlOrBinary('0.0.0.0 a.com\n0.0.0.0 b.com\n')).toBeNull();
    expect(looksLikeHtmlOrBinary('[Adblock Plus 2.0]\n! Title: x\n||a.com^\n')).toBeNull();
    expect(looksLikeHtmlOrBinary('{"deny":["a.com"]}')).toBeNull();
    expect(looksLikeHtmlOrBinary('\ufeff例子.测试\r\nevil.example/<script>\r\n')).toBeNull();
    expect(looksLikeHtmlOrBinary('')).toBeNull();
  });
});
