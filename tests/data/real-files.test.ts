import { describe, expect, it } from 'vitest';
import { parseList, type ListFormat } from '../../src/lists';
import { hasData, listDataFiles, readData } from '../../scripts/data/shared-data';

const HAS_SHARED_DATA = hasData('blocklists');

/**
 * Snapshot of what each real file gives: [file, detected format, blockDomains, allowDomains,
 * blockUrls, allowUrls]. Checked against the entry counts in the data set's SOURCES.md:
 * - same-list-in-N-syntaxes files agree (blocklistproject scam = 8,527; hagezi fake = 7,355 / 14,043);
 * - small shortfalls are duplicates, public suffixes (e.g. ||co.ua^, *.beget.app hosts in
 *   keitaro_tds), "||x^$third-party" (nocoin: script rules, unsupported) and IP ranges (CIDR);
 * - UT1 *_urls give URL rules (github.com/… never a github.com domain rule);
 * - the .md / malwarebytes "adult_malvertising" files are prose / defanged CSV: ~0 rules.
 */
const EXPECTED: [string, ListFormat, number, number, number, number][] = [
  ['blocklists/blocklistproject/abuse.ip.txt', 'domains', 19677, 0, 0, 0],
  ['blocklists/blocklistproject/crypto.hosts', 'hosts', 1274, 0, 0, 0],
  ['blocklists/blocklistproject/malware.ip.txt', 'domains', 20642, 0, 0, 0],
  ['blocklists/blocklistproject/phishing-nl.txt.gz', 'domains', 190209, 0, 0, 0],
  ['blocklists/blocklistproject/ransomware.hosts', 'hosts', 1904, 0, 0, 0],
  ['blocklists/blocklistproject/scam-ags.adguard.txt', 'abp', 8527, 0, 0, 0],
  ['blocklists/blocklistproject/scam-nl.txt', 'domains', 8527, 0, 0, 0],
  ['blocklists/blocklistproject/scam.dnsmasq.conf', 'dnsmasq', 8527, 0, 0, 0],
  ['blocklists/blocklistproject/scam.hosts', 'hosts', 8527, 0, 0, 0],
  ['blocklists/cn_illegal_sites_konsheng/illegal_site_domains_zh.txt', 'domains', 14587, 0, 3, 0],
  ['blocklists/dandelionsprout/AntiMalwareHosts.txt', 'hosts', 12314, 0, 0, 0],
  ['blocklists/dandelionsprout/AntiMalwareList.ubo.txt', 'abp', 12097, 1, 47, 0],
  ['blocklists/discord_antiscam/list.json', 'json', 36741, 0, 1, 0],
  ['blocklists/discord_antiscam/list.txt', 'domains', 36741, 0, 1, 0],
  ['blocklists/durablenapkin/scamblocklist.adguard.txt', 'abp', 949, 0, 0, 0],
  ['blocklists/durablenapkin/scamblocklist.hosts', 'hosts', 2214, 0, 0, 0],
  ['blocklists/globalantiscam/scam-urls-UBO.txt', 'abp', 11192, 0, 0, 0],
  ['blocklists/globalantiscam/scam-urls.txt', 'domains', 10887, 0, 327, 0],
  ['blocklists/hagezi_2022/fake.adblock.txt', 'abp', 7355, 0, 0, 0],
  ['blocklists/hagezi_2022/fake.dnsmasq.conf', 'dnsmasq', 7355, 0, 0, 0],
  ['blocklists/hagezi_2022/fake.domains.txt', 'domains', 14043, 0, 0, 0],
  ['blocklists/hagezi_2022/fake.hosts', 'hosts', 14043, 0, 0, 0],
  ['blocklists/hagezi_2022/fake.unbound.conf', 'dnsmasq', 7355, 0, 0, 0],
  ['blocklists/hagezi_2022/fake.wildcard.txt', 'wildcard', 7355, 0, 0, 0],
  ['blocklists/hostsvn/gambling.hosts.gz', 'hosts', 65758, 0, 0, 0],
  ['blocklists/hostsvn/gambling_filter.abp.txt', 'abp', 64663, 0, 0, 0],
  ['blocklists/hostsvn/threat_domains.txt', 'domains', 4963, 0, 0, 0],
  ['blocklists/jarelllama/scams_adblock_2024-12-06.txt.gz', 'abp', 162511, 0, 0, 0],
  ['blocklists/jarelllama/scams_light_adblock_head.txt', 'abp', 18248, 0, 0, 0],
  ['blocklists/jarelllama/scams_wildcard-domains_2024-12-21.txt.gz', 'domains', 183246, 0, 0, 0],
  ['blocklists/openphish/openphish_feed_history_2024-10-12_2026-08-22.tsv.gz', 'urls', 152976, 0, 188632, 0],
  ['blocklists/phishing_army/phishing_army_blocklist_extended_2023-11-13.txt.gz', 'domains', 149518, 0, 0, 0],
  ['blocklists/phishing_database/phishing-IPs-ACTIVE_head.txt', 'domains', 7120, 0, 0, 0],
  ['blocklists/phishing_database/phishing-domains-ACTIVE2_head.adblock.gz', 'abp', 54779, 0, 0, 0],
  ['blocklists/phishing_database/phishing-domains-ACTIVE_2026-03-12.txt.gz', 'domains', 141182, 0, 2, 0],
  ['blocklists/phishing_database/phishing-domains-INACTIVE_2025-05-04.txt.gz', 'domains', 164364, 0, 0, 0],
  ['blocklists/phishing_database/phishing-links-ACTIVE_2026-03-13.txt.gz', 'urls', 13467, 0, 36525, 0],
  ['blocklists/phishing_database/phishing-links-INACTIVE_head.txt.gz', 'urls', 6988, 0, 19331, 0],
  ['blocklists/polkadot_js/all.json.gz', 'json', 54014, 7, 2, 0],
  ['blocklists/romainmarcoux/full-domains-aa.txt.gz', 'domains', 131060, 0, 0, 0],
  ['blocklists/romainmarcoux/full-domains-ab.txt.gz', 'domains', 63934, 0, 0, 0],
  ['blocklists/rpilist/RPiList-Malware_2023-11-13.txt.gz', 'domains', 133041, 0, 0, 0],
  ['blocklists/scamsniffer/combined.json', 'json', 2576, 0, 0, 0],
  ['blocklists/sinfonietta/gambling.hosts', 'hosts', 2642, 0, 0, 0],
  ['blocklists/taiwan165/ScamSiteGetFromDcard.abp.txt', 'abp', 792, 0, 0, 0],
  ['blocklists/taiwan165/ScamSiteGetFromFX110.abp.txt', 'abp', 7777, 1, 0, 0],
  ['blocklists/taiwan165/ScamSiteGetFromTaiwan165.abp.txt', 'abp', 32741, 0, 0, 0],
  ['blocklists/taiwan165/ScamsSiteGetFromFB_TonyNey.abp.txt', 'abp', 47470, 0, 0, 0],
  ['blocklists/taiwan165/Taiwan165_RAW_2020-2025.tsv.gz', 'domains', 29370, 0, 1707, 0],
  ['blocklists/ut1/gambling_domains.txt', 'domains', 32246, 0, 0, 0],
  ['blocklists/ut1/malware_domains_2025-07-13.txt.gz', 'domains', 218434, 0, 0, 0],
  ['blocklists/ut1/malware_urls.txt', 'urls', 341, 0, 18814, 0],
  ['blocklists/ut1/phishing_domains_2025-07-13.txt.gz', 'domains', 218375, 0, 0, 0],
  ['blocklists/ut1/phishing_urls.txt', 'urls', 341, 0, 19048, 0],
  ['malicious_js/DESCRIPTIONS_handwritten.md', 'domains', 0, 0, 5, 0],
  ['malicious_js/magecart_burner_domains_gwillem.txt', 'domains', 426, 0, 0, 0],
  ['malicious_js/magecart_compromised_site_indicators_gwillem.md', 'domains', 0, 0, 0, 0],
  ['malicious_js/magecart_indicators_gwillem.md', 'domains', 0, 0, 0, 0],
  ['malicious_js/maltrail/malicious__black_tds.txt', 'domains', 865, 0, 0, 0],
  ['malicious_js/maltrail/malicious__browser_locker.txt', 'domains', 21195, 0, 0, 0],
  ['malicious_js/maltrail/malicious__ek_clearfake.txt.gz', 'domains', 70031, 0, 9, 0],
  ['malicious_js/maltrail/malicious__ek_vextrio.txt', 'domains', 2240, 0, 0, 0],
  ['malicious_js/maltrail/malicious__keitaro_tds.txt', 'urls', 8719, 0, 0, 0],
  ['malicious_js/maltrail/malicious__magentocore.txt', 'domains', 13729, 0, 96, 0],
  ['malicious_js/maltrail/malicious__parrot_tds.txt', 'domains', 48, 0, 0, 0],
  ['malicious_js/maltrail/malicious__scareware.txt', 'domains', 15, 0, 0, 0],
  ['malicious_js/maltrail/malicious__socgholish.txt', 'domains', 4352, 0, 1, 0],
  ['malicious_js/maltrail/malicious__wp_inject.txt', 'domains', 6177, 0, 6, 0],
  ['malicious_js/maltrail/suspicious__crypto_mining.txt', 'domains', 935, 0, 0, 0],
  ['malicious_js/nocoin.abp.txt', 'abp', 60, 0, 5, 0],
  ['malicious_js/nocoin.hosts', 'hosts', 313, 0, 0, 0],
  ['malicious_js/prigent_crypto_firebog_MALFORMED.txt', 'hosts', 11241, 0, 0, 0],
  ['malicious_js/tech_support_scam_malwarebytes_adult_malvertising.txt', 'urls', 0, 0, 0, 0],
  ['malicious_js/tech_support_scam_malwarebytes_affiliate.txt', 'domains', 538, 0, 0, 0],
  ['malicious_js/tech_support_scam_malwarebytes_cloudrun.txt', 'domains', 3369, 0, 0, 0],
  ['malicious_js/ut1_cryptojacking_domains.txt', 'domains', 11491, 0, 0, 0],
];

describe.skipIf(!HAS_SHARED_DATA)('real lists in the data set', () => {
  const files = HAS_SHARED_DATA ? listDataFiles('blocklists', 'malicious_js') : [];

  it('has an expectation for every file (new data files must be added to the table)', () => {
    const known = new Set(EXPECTED.map((e) => e[0]));
    const missing = files.filter((f) => !f.includes('COMBINED') && !known.has(f));
    expect(missing).toEqual([]);
  });

  it.each(EXPECTED)('%s → %s %i/%i/%i/%i', (file, format, bd, ad, bu, au) => {
    const list = parseList(readData(file));
    expect(list.format).toBe(format);
    expect(list.blockDomains.length).toBe(bd);
    expect(list.allowDomains.length).toBe(ad);
    expect(list.blockUrls.length).toBe(bu);
    expect(list.allowUrls.length).toBe(au);
    expect(list.stats.invalidSamples.length).toBeLessThanOrEqual(5);
    // Nothing that comes out may be a public suffix or empty.
    for (const d of list.blockDomains) expect(d.length).toBeGreaterThan(0);
  });

  it('UT1 url lists never turn a path entry into a domain rule', () => {
    const list = parseList(readData('blocklists/ut1/phishing_urls.txt'));
    expect(list.format).toBe('urls');
    expect(list.blockDomains).not.toContain('github.com');
    expect(list.blockUrls.some((u) => u.startsWith('github.com/'))).toBe(true);
  });

  it('recovers the malformed "0.0.0.0domain" lines of the Prigent mirror', () => {
    const list = parseList(readData('malicious_js/prigent_crypto_firebog_MALFORMED.txt'));
    expect(list.format).toBe('hosts');
    expect(list.blockDomains).toContain('adminer.com');
    expect(list.blockDomains.some((d) => d.startsWith('0.0.0.0'))).toBe(false);
    expect(list.stats.invalid).toBe(0);
  });

  it('keeps the known false positives of TonyNey (the allow-list layer handles them)', () => {
    const list = parseList(readData('blocklists/taiwan165/ScamsSiteGetFromFB_TonyNey.abp.txt'));
    expect(list.blockDomains).toContain('apple.com');
    expect(list.blockDomains).toContain('metamask.io');
    // but public-suffix entries such as ||co.ua^ are refused
    expect(list.blockDomains).not.toContain('co.ua');
    expect(list.stats.publicSuffix).toBeGreaterThan(0);
  });

  it('reads scamsniffer keys and polkadot deny/allow', () => {
    const sniff = parseList(readData('blocklists/scamsniffer/combined.json'));
    expect(sniff.blockDomains).toContain('degenalgo.art');
    expect(sniff.blockDomains.some((d) => /^0x[0-9a-f]{40}$/.test(d))).toBe(false); // wallets are values, not sites
    const polka = parseList(readData('blocklists/polkadot_js/all.json.gz'));
    expect(polka.allowDomains).toContain('fleek.co'); // "*.fleek.co"
    expect(polka.blockDomains).not.toContain('amplifyapp.com');
  });

  // Not a timed assertion: the figure is for the report (machine load varies a lot).
  it('parses the 1.8M-host combined list', () => {
    const text = readData('blocklists/COMBINED_unique_hosts_all_blocklists.txt.gz');
    const t0 = performance.now();
    const list = parseList(text);
    const ms = performance.now() - t0;
    console.log(
      `COMBINED: ${list.stats.lines} lines → ${list.blockDomains.length} domains in ${ms.toFixed(0)} ms ` +
        `(${((ms * 1000) / list.stats.lines).toFixed(2)} µs/line)`,
    );
    expect(list.format).toBe('domains');
    expect(list.blockDomains.length).toBeGreaterThan(1_800_000);
  }, 120_000);
});
