/**
 * Where the evaluations find the data set (through scripts/data/shared-data.ts), and the legitimate top lists they all measure
 * false positives on.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hasData as hasDataFile, missingDataMessage as missingData, readData, SHARED_DATA } from './data/shared-data';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DATA = SHARED_DATA;

/** The folders the evaluations read; without them `npm run eval` says so and skips them. */
export const DATA_FOLDERS = ['toplists', 'blocklists', 'brands', 'malicious_js'] as const;

export function hasData(): boolean {
  return DATA_FOLDERS.every((f) => hasDataFile(f));
}

export function missingDataMessage(): string {
  return missingData(
    'npm run eval',
    DATA_FOLDERS.map((f) => `${f}/ (described in the data set's SOURCES.md)`),
    'npm run eval',
  );
}

/** A data file's text (gunzipped for *.gz), or null with a warning when it is missing. */
export function readText(rel: string): string | null {
  if (!hasDataFile(rel)) {
    console.warn(`missing: ${rel}`);
    return null;
  }
  return readData(rel);
}

const HOST_RE = /^(?=.{1,253}$)[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?)+$/;

export function cleanHost(raw: string): string | null {
  let h = raw.trim().toLowerCase();
  if (h.startsWith('*.')) h = h.slice(2);
  h = h.replace(/\.$/, '');
  return HOST_RE.test(h) && !/^[0-9.]+$/.test(h) ? h : null;
}

export type Extract = (line: string) => string | null;
export const plain: Extract = (l) =>
  l.startsWith('#') || l.startsWith('!') ? null : cleanHost(l.split(/\s+/)[0] ?? '');

/** Adds each line's host to `into` (host → file), unless it is there already; returns how many were new. */
export function collect(rel: string, extract: Extract, into: Map<string, string>, skipHeader = false): number {
  const text = readText(rel);
  if (text === null) return 0;
  let n = 0;
  const lines = text.split('\n');
  for (let i = skipHeader ? 1 : 0; i < lines.length; i++) {
    const h = extract(lines[i] ?? '');
    if (h && !into.has(h)) {
      into.set(h, rel);
      n++;
    }
  }
  return n;
}

/** The legitimate domains (unique) and how many each top list added. */
export function loadLegit(): { legit: Map<string, string>; sources: Record<string, number> } {
  const legit = new Map<string, string>();
  const sources: Record<string, number> = {
    'toplists/tranco_top10k_2025-06.csv': collect(
      'toplists/tranco_top10k_2025-06.csv',
      (l) => cleanHost(l),
      legit,
      true,
    ),
    'toplists/cloudflare_radar_top100k_2024-01-22_2024-01-29.csv.gz': collect(
      'toplists/cloudflare_radar_top100k_2024-01-22_2024-01-29.csv.gz',
      (l) => cleanHost(l),
      legit,
      true,
    ),
    'toplists/china_domains_felixonmars.dnsmasq.conf.gz': collect(
      'toplists/china_domains_felixonmars.dnsmasq.conf.gz',
      (l) => cleanHost(/^server=\/([^/]+)\//.exec(l)?.[1] ?? ''),
      legit,
    ),
    'toplists/cn_popular_services_v2fly_geolocation-cn.csv': collect(
      'toplists/cn_popular_services_v2fly_geolocation-cn.csv',
      (l) => {
        const [type, value] = l.split(',');
        return type === 'domain' || type === 'full' ? cleanHost(value ?? '') : null;
      },
      legit,
      true,
    ),
    'toplists/opendns_top_domains_2014.txt': collect('toplists/opendns_top_domains_2014.txt', plain, legit),
    'toplists/opendns_random_domains_2014.txt': collect('toplists/opendns_random_domains_2014.txt', plain, legit),
  };
  return { legit, sources };
}
