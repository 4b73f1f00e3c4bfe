import type { ThreatCategory } from '../match/types';

/**
 * Lists shipped inside the package (public/lists/, made by scripts/bundle-lists.ts from
 * ../shared/data) so protection works offline from the first minute, then kept fresh
 * from their public URLs. Only lists whose licence allows redistribution are here; the
 * README names each licence.
 */
export interface DefaultList {
  id: string;
  /** English name; the popup shows it as is (list names are proper names). */
  name: string;
  category: ThreatCategory;
  /** Path inside the package. */
  bundledPath: string;
  /** Where updates come from. */
  url: string;
  licence: string;
  /** Where the bundled copy was taken from, relative to ../shared/data. */
  sharedSource: string;
}

export const DEFAULT_LISTS: readonly DefaultList[] = [
  {
    id: 'cn-illegal-sites',
    name: '非法网址 Chinese illegal sites (konsheng)',
    category: 'fraud',
    bundledPath: 'lists/cn-illegal-sites.txt',
    url: 'https://raw.githubusercontent.com/konsheng/Sensitive-lexicon/main/Vocabulary/%E9%9D%9E%E6%B3%95%E7%BD%91%E5%9D%80.txt',
    licence: 'MIT',
    sharedSource: 'blocklists/cn_illegal_sites_konsheng/illegal_site_domains_zh.txt',
  },
  {
    id: 'taiwan165-scams',
    name: '165 anti-fraud scam sites (houboyjacky)',
    category: 'fraud',
    bundledPath: 'lists/taiwan165-scams.txt',
    url: 'https://raw.githubusercontent.com/houboyjacky/Ad-Malicious-Scams-Boring-Farm-Filter/main/ScamSiteGetFromTaiwan165.txt',
    licence: 'MIT (data: Taiwan Open Government Data License v1.0, attribution)',
    sharedSource: 'blocklists/taiwan165/ScamSiteGetFromTaiwan165.abp.txt',
  },
  {
    id: 'fx110-forex-scams',
    name: 'Fake forex and investment platforms (FX110, houboyjacky)',
    category: 'fraud',
    bundledPath: 'lists/fx110-forex-scams.txt',
    url: 'https://raw.githubusercontent.com/houboyjacky/Ad-Malicious-Scams-Boring-Farm-Filter/main/ScamSiteGetFromFX110.txt',
    licence: 'MIT',
    sharedSource: 'blocklists/taiwan165/ScamSiteGetFromFX110.abp.txt',
  },
  {
    id: 'hostsvn-gambling',
    name: 'Gambling sites (hostsVN)',
    category: 'gambling',
    bundledPath: 'lists/hostsvn-gambling.txt',
    url: 'https://raw.githubusercontent.com/bigdargon/hostsVN/master/extensions/gambling/hosts',
    licence: 'MIT',
    sharedSource: 'blocklists/hostsvn/gambling.hosts.gz',
  },
  {
    id: 'blocklistproject-scam',
    name: 'Scam sites (The Block List Project)',
    category: 'scam',
    bundledPath: 'lists/blocklistproject-scam.txt',
    url: 'https://raw.githubusercontent.com/blocklistproject/Lists/master/scam.txt',
    licence: 'Unlicense',
    sharedSource: 'blocklists/blocklistproject/scam.hosts',
  },
  {
    id: 'durablenapkin-scam',
    name: 'Fake shops and scams (durablenapkin)',
    category: 'scam',
    bundledPath: 'lists/durablenapkin-scam.txt',
    url: 'https://raw.githubusercontent.com/durablenapkin/scamblocklist/master/hosts.txt',
    licence: 'MIT',
    sharedSource: 'blocklists/durablenapkin/scamblocklist.hosts',
  },
  {
    id: 'global-anti-scam',
    name: 'Global Anti-Scam Org reports',
    category: 'scam',
    bundledPath: 'lists/global-anti-scam.txt',
    url: 'https://raw.githubusercontent.com/elliotwutingfeng/GlobalAntiScamOrg-blocklist/main/global-anti-scam-org-scam-urls.txt',
    licence: 'BSD-3-Clause',
    sharedSource: 'blocklists/globalantiscam/scam-urls.txt',
  },
  {
    id: 'phishing-database',
    name: 'Phishing.Database active domains',
    category: 'phishing',
    bundledPath: 'lists/phishing-database.txt',
    url: 'https://raw.githubusercontent.com/Phishing-Database/Phishing.Database/master/phishing-domains-ACTIVE.txt',
    licence: 'MIT',
    sharedSource: 'blocklists/phishing_database/phishing-domains-ACTIVE_2026-03-12.txt.gz',
  },
  {
    id: 'polkadot-phishing',
    name: 'Crypto wallet phishing (polkadot-js)',
    category: 'phishing',
    bundledPath: 'lists/polkadot-phishing.json',
    url: 'https://raw.githubusercontent.com/polkadot-js/phishing/master/all.json',
    licence: 'Apache-2.0',
    sharedSource: 'blocklists/polkadot_js/all.json.gz',
  },
  // Script hosts: card skimmers, lockers, fake updates, injected JS, miners. Pages that load
  // them are warned about, and the scripts are stopped (see src/blocking).
  {
    id: 'maltrail-magecart',
    name: 'Card skimmers (Magecart, maltrail)',
    category: 'script',
    bundledPath: 'lists/maltrail-magecart.txt',
    url: 'https://raw.githubusercontent.com/stamparm/maltrail/master/trails/static/malicious/magentocore.txt',
    licence: 'MIT',
    sharedSource: 'malicious_js/maltrail/malicious__magentocore.txt',
  },
  {
    id: 'maltrail-browser-locker',
    name: 'Browser lockers / fake support (maltrail)',
    category: 'script',
    bundledPath: 'lists/maltrail-browser-locker.txt',
    url: 'https://raw.githubusercontent.com/stamparm/maltrail/master/trails/static/malicious/browser_locker.txt',
    licence: 'MIT',
    sharedSource: 'malicious_js/maltrail/malicious__browser_locker.txt',
  },
  {
    id: 'maltrail-socgholish',
    name: 'Fake browser updates (SocGholish, maltrail)',
    category: 'script',
    bundledPath: 'lists/maltrail-socgholish.txt',
    url: 'https://raw.githubusercontent.com/stamparm/maltrail/master/trails/static/malicious/socgholish.txt',
    licence: 'MIT',
    sharedSource: 'malicious_js/maltrail/malicious__socgholish.txt',
  },
  {
    id: 'maltrail-clearfake',
    name: 'Fake updates (ClearFake, maltrail)',
    category: 'script',
    bundledPath: 'lists/maltrail-clearfake.txt',
    url: 'https://raw.githubusercontent.com/stamparm/maltrail/master/trails/static/malicious/ek_clearfake.txt',
    licence: 'MIT',
    sharedSource: 'malicious_js/maltrail/malicious__ek_clearfake.txt.gz',
  },
  {
    id: 'maltrail-wp-inject',
    name: 'Injected scripts on hacked sites (maltrail)',
    category: 'script',
    bundledPath: 'lists/maltrail-wp-inject.txt',
    url: 'https://raw.githubusercontent.com/stamparm/maltrail/master/trails/static/malicious/wp_inject.txt',
    licence: 'MIT',
    sharedSource: 'malicious_js/maltrail/malicious__wp_inject.txt',
  },
  {
    id: 'maltrail-tds',
    name: 'Traffic distribution systems (Keitaro, maltrail)',
    category: 'script',
    bundledPath: 'lists/maltrail-tds.txt',
    url: 'https://raw.githubusercontent.com/stamparm/maltrail/master/trails/static/malicious/keitaro_tds.txt',
    licence: 'MIT',
    sharedSource: 'malicious_js/maltrail/malicious__keitaro_tds.txt',
  },
  {
    id: 'maltrail-mining',
    name: 'In-browser cryptominers (maltrail)',
    category: 'script',
    bundledPath: 'lists/maltrail-mining.txt',
    url: 'https://raw.githubusercontent.com/stamparm/maltrail/master/trails/static/suspicious/crypto_mining.txt',
    licence: 'MIT',
    sharedSource: 'malicious_js/maltrail/suspicious__crypto_mining.txt',
  },
  {
    id: 'nocoin',
    name: 'Browser cryptominers (NoCoin)',
    category: 'script',
    bundledPath: 'lists/nocoin.txt',
    url: 'https://raw.githubusercontent.com/hoshsadiq/adblock-nocoin-list/master/nocoin.txt',
    licence: 'MIT',
    sharedSource: 'malicious_js/nocoin.abp.txt',
  },
];
