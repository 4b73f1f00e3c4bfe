// Real lists' shapes, from small excerpts in tests/fixtures/lists/excerpts (sources and
// licences in tests/fixtures/README.md). The whole files, with their entry counts, are
// checked by `npm run test:data` where the project's data set is at hand.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseList, type ListFormat } from '../../../src/lists';

const read = (name: string): string =>
  readFileSync(new URL(`../../fixtures/lists/excerpts/${name}`, import.meta.url), 'utf8');

describe('the same list in several syntaxes (The Block List Project, scam)', () => {
  const hosts = parseList(read('blocklistproject-scam.hosts'));

  it.each<[string, ListFormat]>([
    ['blocklistproject-scam.domains.txt', 'domains'],
    ['blocklistproject-scam.adguard.txt', 'abp'],
    ['blocklistproject-scam.dnsmasq.conf', 'dnsmasq'],
    ['blocklistproject-scam.wildcard.txt', 'wildcard'],
    ['blocklistproject-scam.unbound.conf', 'dnsmasq'],
  ])('%s is read as %s and gives the hosts file’s 40 domains', (file, format) => {
    const list = parseList(read(file));
    expect(list.format).toBe(format);
    expect(new Set(list.blockDomains)).toEqual(new Set(hosts.blockDomains));
    expect(list.stats.invalid).toBe(0);
  });

  it('the hosts file itself is read as hosts, headers skipped', () => {
    expect(hosts.format).toBe('hosts');
    expect(hosts.blockDomains).toHaveLength(40);
    expect(hosts.blockDomains).toContain('0-google.com');
  });
});

describe('real-world quirks', () => {
  it('a URL list without schemes never turns a path entry into a domain rule', () => {
    const list = parseList(read('urls-without-scheme.txt'));
    expect(list.format).toBe('urls');
    expect(list.blockDomains).toEqual([]);
    expect(list.blockUrls).toContain('github.com/someone/phishing-kit');
    expect(list.blockUrls.some((u) => u.startsWith('docs.google.com/'))).toBe(true);
  });

  it('recovers hosts lines that lost the space after the address ("0.0.0.0domain")', () => {
    const list = parseList(read('hosts-glued.txt'));
    expect(list.format).toBe('hosts');
    expect(list.blockDomains).toContain('adminer.com');
    expect(list.blockDomains.some((d) => d.startsWith('0.0.0.0'))).toBe(false);
    expect(list.stats.invalid).toBe(0);
  });

  it('keeps the known false positives of a Taiwan 165 list, refuses its public suffix, skips #-removed rules', () => {
    const list = parseList(read('taiwan165-tonyney.abp.txt'));
    expect(list.format).toBe('abp');
    expect(list.blockDomains).toContain('apple.com'); // the allow-list layer handles these
    expect(list.blockDomains).toContain('metamask.io');
    expect(list.blockDomains).not.toContain('co.ua');
    expect(list.stats.publicSuffix).toBeGreaterThan(0);
    expect(list.blockDomains).not.toContain('coinbase.com'); // only as "#||coinbase.com^"
  });

  it('reads a {domain: [wallets]} map by its keys, never the wallet addresses', () => {
    const list = parseList(read('wallet-map.json'));
    expect(list.format).toBe('json');
    expect(list.blockDomains).toContain('degen-mint.example');
    expect(list.blockDomains).toHaveLength(3);
    expect(list.blockDomains.some((d) => /^0x[0-9a-f]{40}$/.test(d))).toBe(false);
  });

  it('reads polkadot-js deny/allow: "*.fleek.co" allows, hosting platforms are no block', () => {
    const list = parseList(read('polkadot-phishing.json'));
    expect(list.format).toBe('json');
    expect(list.allowDomains).toContain('fleek.co');
    expect(list.blockDomains).not.toContain('amplifyapp.com');
    expect(list.blockDomains.some((d) => d.endsWith('.amplifyapp.com'))).toBe(true);
    expect(list.blockUrls).toContain('twitter.com/AcalaNetworks');
  });
});
