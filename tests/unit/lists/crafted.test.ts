import { describe, expect, it } from 'vitest';
import { isPublicSuffix, normalizeHost, parseList, type ListFormat, type ParsedList } from '../../../src/lists';

/** Which bucket one line lands in. */
function classify(line: string, format?: ListFormat): string {
  const r = parseList(line, format);
  const parts = [
    ...r.blockDomains.map((d) => `block:${d}`),
    ...r.allowDomains.map((d) => `allow:${d}`),
    ...r.blockUrls.map((u) => `blockUrl:${u}`),
    ...r.allowUrls.map((u) => `allowUrl:${u}`),
  ];
  if (r.stats.unsupported) parts.push('unsupported');
  if (r.stats.invalid) parts.push('invalid');
  if (r.stats.publicSuffix) parts.push('publicSuffix');
  if (r.stats.ignored) parts.push('ignored');
  return parts.join(' ') || 'nothing';
}

/** Whatever the input, no output may be empty, un-normalised or a public suffix. */
function expectSafe(r: ParsedList): void {
  for (const d of [...r.blockDomains, ...r.allowDomains]) {
    expect(normalizeHost(d)).toBe(d);
    expect(isPublicSuffix(d)).toBe(false);
  }
  for (const u of [...r.blockUrls, ...r.allowUrls]) {
    const host = u.slice(0, u.indexOf('/'));
    expect(normalizeHost(host)).toBe(host);
  }
  expect(r.stats.invalidSamples.length).toBeLessThanOrEqual(5);
}

describe('AdBlock / AdGuard / uBO rules', () => {
  it.each([
    ['||a.com^', 'block:a.com'],
    ['||A.com', 'block:a.com'],
    ['||a.com^|', 'block:a.com'],
    ['||a.com^$document', 'block:a.com'],
    ['||a.com^$doc,important', 'block:a.com'],
    ['||a.com^$all', 'block:a.com'],
    ['||a.com^$popup', 'block:a.com'],
    ['||a.com^$third-party', 'unsupported'],
    ['||a.com^$3p', 'unsupported'],
    ['||a.com^$script', 'unsupported'],
    ['||a.com^$doc,domain=b.com', 'unsupported'],
    ['||a.com^$removeparam=utm', 'unsupported'],
    ['||a.com^$csp=script-src none', 'unsupported'],
    ['||a.com^$redirect=noopjs', 'unsupported'],
    ['||a.com^$badfilter', 'unsupported'],
    ['@@||a.com^$document', 'allow:a.com'],
    ['@@||a.com^', 'allow:a.com'],
    ['@@||a.com^$elemhide', 'unsupported'],
    ['||a.com/path/x.php', 'blockUrl:a.com/path/x.php'],
    ['||a.com/path^', 'blockUrl:a.com/path'],
    ['||a.com/lib/*.js', 'unsupported'],
    ['|https://a.com/login|', 'blockUrl:a.com/login'],
    ['|https://a.com/', 'block:a.com'],
    ['@@|https://a.com/ok|', 'allowUrl:a.com/ok'],
    ['a.com##.ad', 'unsupported'],
    ['##.ad', 'unsupported'],
    ['a.com#@#.ad', 'unsupported'],
    ['a.com#$#body { color: red }', 'unsupported'],
    ['a.com#?#div:has-text(x)', 'unsupported'],
    ['a.com$$script[data-x]', 'unsupported'],
    ['/ads[0-9]+\\.js/', 'unsupported'],
    ['||a*.com^', 'unsupported'],
    ['||*.a.com^', 'unsupported'],
    ['||a.*^', 'unsupported'],
    ['||[a-z]+.a.tw^', 'unsupported'],
    ['||newntflix-$doc,popup', 'unsupported'],
    ['||a.com:8080^', 'unsupported'],
    ['a.com', 'block:a.com'],
    ['a.com/path', 'unsupported'],
    ['$doc,ipaddress=1.2.3.4', 'unsupported'],
    ['#||a.com^', 'nothing'],
    ['! comment', 'nothing'],
    ['[Adblock Plus 2.0]', 'nothing'],
    ['||com^', 'publicSuffix'],
    ['||com.cn^$all', 'publicSuffix'],
    ['||github.io^', 'publicSuffix'],
    ['||x.github.io^', 'block:x.github.io'],
    ['||例子.测试^', 'block:xn--fsqu00a.xn--0zwm56d'],
    ['||exa mple.com^', 'invalid'],
  ])('%s → %s', (line, expected) => {
    expect(classify(line, 'abp')).toBe(expected);
  });

  it('ABP lines are recognised inside other formats too', () => {
    expect(classify('||a.com^', 'domains')).toBe('block:a.com');
    expect(classify('@@||a.com^', 'hosts')).toBe('allow:a.com');
  });
});

describe('hosts, domains, wildcard, dnsmasq, unbound, URL lines', () => {
  it.each([
    ['0.0.0.0 a.com b.com # two names', 'block:a.com block:b.com'],
    ['127.0.0.1\tA.COM.', 'block:a.com'],
    [':: a.com', 'block:a.com'],
    ['::1 a.com', 'block:a.com'],
    ['127.0.0.1 localhost', 'ignored'],
    ['::1 ip6-localhost ip6-loopback', 'ignored'],
    ['255.255.255.255 broadcasthost', 'ignored'],
    ['0.0.0.0 0.0.0.0', 'ignored'],
    ['0.0.0.0adminer.com', 'block:adminer.com'],
    ['127.0.0.1evil.com', 'block:evil.com'],
    ['0.0.0.01x.com', 'invalid'], // "1x.com" or "01x.com"? ambiguous
    ['127.0.0.10', 'block:127.0.0.10'],
    ['a.com', 'block:a.com'],
    ['*.a.com', 'block:a.com'],
    ['*.com', 'publicSuffix'],
    ['*.github.io', 'publicSuffix'],
    ['com', 'publicSuffix'],
    ['intranet', 'invalid'],
    ['a.com # note', 'block:a.com'],
    ['address=/a.com/0.0.0.0', 'block:a.com'],
    ['address=/a.com/#', 'block:a.com'],
    ['address=/a.com/b.com/', 'block:a.com block:b.com'],
    ['server=/a.com/', 'block:a.com'],
    ['server=/a.com/114.114.114.114', 'unsupported'], // a forwarder (China lists), not a block
    ['local=/a.com/', 'block:a.com'],
    ['address=//', 'invalid'],
    ['address=/#/0.0.0.0', 'unsupported'],
    ['address=/com/0.0.0.0', 'publicSuffix'],
    ['local-zone: "a.com." always_null', 'block:a.com'],
    ['local-zone: "a.com." transparent', 'unsupported'],
    ['https://evil.example/login.php?x=1#top', 'blockUrl:evil.example/login.php?x=1'],
    ['evil.example/path', 'blockUrl:evil.example/path'],
    ['github.com/someone/repo', 'blockUrl:github.com/someone/repo'],
    ['https://evil.example/', 'block:evil.example'],
    ['evil.example:8443', 'block:evil.example'],
    ['1.2.3.4:8080', 'block:1.2.3.4'],
    ['http://1.2.3.4/x.php', 'blockUrl:1.2.3.4/x.php'],
    ['1.2.3.0/24', 'unsupported'],
    ['/wp-content/x.php', 'unsupported'], // maltrail path-only trail
    ['[2001:db8::1]', 'block:[2001:db8::1]'],
    ['2001:db8::2', 'block:[2001:db8::2]'],
    ['例子.测试', 'block:xn--fsqu00a.xn--0zwm56d'],
    ['ｃｏｍ', 'publicSuffix'], // full-width letters fold to "com"
    ['。com', 'invalid'],
    ['\u200b', 'invalid'],
    ['exa mple.com', 'invalid'],
    ['// comment', 'nothing'],
    ['; comment', 'nothing'],
    ['name\tevil.example\t3', 'block:evil.example'], // TSV export
  ])('%j → %s', (line, expected) => {
    expect(classify(line)).toBe(expected);
  });

  it('other dnsmasq settings in a dnsmasq list are unsupported, not invalid', () => {
    expect(classify('cache-size=1000', 'dnsmasq')).toBe('unsupported');
    expect(classify('server=8.8.8.8', 'dnsmasq')).toBe('unsupported');
  });
});

describe('crafted bad input never throws and never yields unsafe rules', () => {
  it('binary junk', () => {
    let seed = 42;
    const junk = Array.from({ length: 20_000 }, () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return String.fromCharCode(seed % 256);
    }).join('');
    const r = parseList(junk);
    expectSafe(r);
    expect(r.stats.accepted).toBeLessThan(r.stats.lines);
  });

  it('an HTML page gives no rules', () => {
    const html =
      '<!DOCTYPE html>\n<html>\n<head><title>404 Not Found</title></head>\n<body>\n' +
      '<a href="https://evil.example/">x</a>\n<p>example.com is down</p>\n</body>\n</html>\n';
    const r = parseList(html);
    expect(r.blockDomains).toEqual([]);
    expect(r.blockUrls).toEqual([]);
    expect(r.stats.invalid).toBeGreaterThan(0);
  });

  it('JSON that is not a list', () => {
    for (const text of [
      '{"name":"fraud-sentry","version":1}',
      '{"a":{"b":[]}}',
      '"a.com"',
      'null',
      '[1,{"x":2},null]',
    ]) {
      const r = parseList(text, 'json');
      expect(r.blockDomains).toEqual([]);
      expect(r.stats.invalid).toBeGreaterThan(0);
    }
    expect(parseList('{not json', 'json').stats.invalidSamples).toEqual(['not valid JSON']);
  });

  it('JSON shapes: array, blacklist/whitelist, deny/allow/denySub, scamsniffer', () => {
    const arr = parseList('["a.com", "https://b.com/x", "c.com/", " ", "com"]');
    expect(arr.format).toBe('json');
    expect(arr.blockDomains).toEqual(['a.com', 'c.com']);
    expect(arr.blockUrls).toEqual(['b.com/x']);
    expect(arr.stats.publicSuffix).toBe(1);

    const bw = parseList('{"blacklist":["a.com"],"whitelist":["b.com"],"fuzzylist":["paypal"]}');
    expect(bw.blockDomains).toEqual(['a.com']);
    expect(bw.allowDomains).toEqual(['b.com']);
    expect(bw.stats.unsupported).toBe(1);

    const polka = parseList('{"allow":["*.ok.io"],"deny":["a.com"],"denySub":["b.com"]}');
    expect(polka.blockDomains).toEqual(['a.com', 'b.com']);
    expect(polka.allowDomains).toEqual(['ok.io']);

    const sniff = parseList('{"evil.art":["0x3da02e1f29bcbed185eca0d3299efd46e6e7e155"],"b.com":[]}');
    expect(sniff.blockDomains).toEqual(['evil.art', 'b.com']);
  });

  it('lines of 100k chars', () => {
    const long = 'a'.repeat(100_000);
    const text = [long, `https://x.com/${long}`, `||${long}.com^`, `0.0.0.0 ${long}.com`, 'ok.com'].join('\n');
    const t0 = performance.now();
    const r = parseList(text);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(r.blockDomains).toEqual(['ok.com']);
    expect(r.blockUrls).toEqual([]);
    expect(r.stats.invalid).toBe(4);
    expect(r.stats.invalidSamples.every((s) => s.length <= 201)).toBe(true);
  });

  it('a list that is only comments', () => {
    for (const text of ['# a\n# b\n', '! a\n! b\n', '\n\n', '[Adblock Plus 2.0]\n! Title: x\n']) {
      const r = parseList(text);
      expect(r.stats.lines).toBe(0);
      expect(r.blockDomains).toEqual([]);
      expect(r.stats.invalid).toBe(0);
    }
  });

  it('mixed formats in one file', () => {
    const lines = [
      '# mixed',
      '0.0.0.0 hosts.example',
      'plain.example',
      'plain2.example',
      'plain3.example',
      '*.wild.example',
      '||abp.example^',
      '@@||good.example^',
      'address=/dnsmasq.example/#',
      'https://url.example/login',
      'garbage line here',
    ];
    const r = parseList(lines.join('\n'));
    expect(r.format).toBe('domains');
    expect(r.blockDomains.sort()).toEqual(
      [
        'abp.example',
        'dnsmasq.example',
        'hosts.example',
        'plain.example',
        'plain2.example',
        'plain3.example',
        'wild.example',
      ].sort(),
    );
    expect(r.allowDomains).toEqual(['good.example']);
    expect(r.blockUrls).toEqual(['url.example/login']);
    expect(r.stats.invalid).toBe(1);

    // In an ABP list, hosts and dnsmasq lines still count; "*.x" / bare URLs are ABP patterns there.
    const abp = parseList(
      ['[Adblock Plus 2.0]', '||a.example^', '0.0.0.0 hosts.example', 'address=/d.example/#', '*.wild.example'].join(
        '\n',
      ),
    );
    expect(abp.format).toBe('abp');
    expect(abp.blockDomains.sort()).toEqual(['a.example', 'd.example', 'hosts.example']);
    expect(abp.stats.unsupported).toBe(1);
  });

  it('public suffixes are refused in every syntax', () => {
    const text = [
      'com',
      '*.com',
      '||com^',
      'com.cn',
      '*.github.io',
      'blogspot.com',
      '0.0.0.0 co.uk',
      'address=/github.io/#',
    ].join('\n');
    const r = parseList(text);
    expect(r.blockDomains).toEqual([]);
    expect(r.stats.publicSuffix).toBe(8);
  });

  it('BOM + CRLF + upper case + trailing dots + spaces, de-duplicated', () => {
    const text = '\ufeff0.0.0.0 A.com.\r\n0.0.0.0 a.com\r\n  0.0.0.0   b.COM  \r\n\r\n# c\r\n';
    const r = parseList(text);
    expect(r.format).toBe('hosts');
    expect(r.blockDomains).toEqual(['a.com', 'b.com']);
    expect(r.stats.accepted).toBe(3);
    expect(r.stats.lines).toBe(3);
  });

  it('keeps up to 5 invalid samples', () => {
    const r = parseList(Array.from({ length: 20 }, (_, i) => `bad line ${i}`).join('\n'), 'domains');
    expect(r.stats.invalid).toBe(20);
    expect(r.stats.invalidSamples).toEqual(['bad line 0', 'bad line 1', 'bad line 2', 'bad line 3', 'bad line 4']);
  });

  it('the same allow and block entry both survive (the matcher decides)', () => {
    const r = parseList('||a.com^\n@@||a.com^$document\n');
    expect(r.blockDomains).toEqual(['a.com']);
    expect(r.allowDomains).toEqual(['a.com']);
  });

  it('a small crafted fixture parses like the inline text', async () => {
    const { readFileSync } = await import('node:fs');
    const { fileURLToPath } = await import('node:url');
    const file = fileURLToPath(new URL('../../fixtures/lists/mixed-crlf-bom.txt', import.meta.url));
    const r = parseList(readFileSync(file, 'utf8'));
    expectSafe(r);
    expect(r.format).toBe('hosts');
    expect(r.blockDomains.sort()).toEqual(['a.example', 'b.example', 'xn--fsqu00a.xn--0zwm56d'].sort());
    expect(r.stats.publicSuffix).toBe(1);
    expect(r.stats.ignored).toBe(2);
  });
});
