import { describe, expect, it } from 'vitest';
import { parseList } from '../../src/lists';
import { hasData, readData } from '../../scripts/data/shared-data';

const HAS_SHARED_DATA = hasData('blocklists');

function domainSet(file: string): Set<string> {
  return new Set(parseList(readData(file)).blockDomains);
}

/** Every host of `sub` is in `roots` or is a subdomain of one of them. */
function coveredBy(sub: Set<string>, roots: Set<string>): string[] {
  const missing: string[] = [];
  for (const host of sub) {
    let h = host;
    let ok = roots.has(h);
    while (!ok && h.indexOf('.') > 0) {
      h = h.slice(h.indexOf('.') + 1);
      ok = roots.has(h);
    }
    if (!ok) missing.push(host);
  }
  return missing;
}

describe.skipIf(!HAS_SHARED_DATA)('the same list in several syntaxes', () => {
  it('blocklistproject scam: hosts = domains = AdGuard = dnsmasq', () => {
    const hosts = domainSet('blocklists/blocklistproject/scam.hosts');
    expect(hosts.size).toBe(8527);
    for (const f of ['scam-nl.txt', 'scam-ags.adguard.txt', 'scam.dnsmasq.conf']) {
      expect(domainSet(`blocklists/blocklistproject/${f}`)).toEqual(hosts);
    }
  });

  it('hagezi 2022 fake: the 4 "subdomains included" syntaxes agree, the 2 full ones agree', () => {
    const dir = 'blocklists/hagezi_2022/';
    const abp = domainSet(`${dir}fake.adblock.txt`);
    expect(abp.size).toBe(7355);
    expect(domainSet(`${dir}fake.dnsmasq.conf`)).toEqual(abp);
    expect(domainSet(`${dir}fake.wildcard.txt`)).toEqual(abp);
    expect(domainSet(`${dir}fake.unbound.conf`)).toEqual(abp);

    // hosts and plain domains cannot say "and subdomains", so hagezi writes out every
    // listed subdomain there: 14,043 names, whose roots are the 7,355 above.
    const full = domainSet(`${dir}fake.domains.txt`);
    expect(full.size).toBe(14043);
    expect(domainSet(`${dir}fake.hosts`)).toEqual(full);
    for (const d of abp) expect(full.has(d)).toBe(true);
    expect(coveredBy(full, abp)).toEqual([]);
  });
});
