import type { Collector } from '../collector';
import { normalizeHost } from '../normalize-host';

/** unbound local-zone types that answer with nothing useful, i.e. block the zone. */
const UNBOUND_BLOCK_TYPES = new Set([
  'always_null',
  'always_nxdomain',
  'always_refuse',
  'always_deny',
  'refuse',
  'deny',
  'static',
  'redirect',
  'inform_deny',
]);

/** Cheap test so other formats can hand such lines over. */
export function isDnsmasqSyntax(line: string): boolean {
  const c = line.charCodeAt(0);
  if (c === 97) return line.startsWith('address=');
  if (c === 115) return line.startsWith('server=') || line.startsWith('server:');
  if (c === 108) return line.startsWith('local=') || line.startsWith('local-zone:') || line.startsWith('local-data');
  return false;
}

/**
 * dnsmasq `address=/d/0.0.0.0`, `address=/d/#`, `server=/d/`, `local=/d/` (several domains
 * allowed: `/a/b/`), and unbound `local-zone: "d." always_null`. Anything else in such a file
 * is another DNS setting, so it is unsupported rather than invalid.
 */
export function parseDnsmasqLine(line: string, col: Collector): void {
  if (line.startsWith('local-zone:')) return parseLocalZone(line.slice(11), col, line);
  if (line.startsWith('server:') || line.startsWith('local-data')) {
    return line === 'server:' ? col.ignore() : col.unsupported();
  }
  const eq = line.indexOf('=');
  if (eq < 0) return col.invalid(line);
  const key = line.slice(0, eq).trim();
  if (key !== 'address' && key !== 'server' && key !== 'local') return col.unsupported();
  const value = line.slice(eq + 1).trim();
  if (value.charCodeAt(0) !== 47) return col.unsupported(); // "server=8.8.8.8": an upstream, no domain
  const last = value.lastIndexOf('/');
  if (last === 0) return col.invalid(line);
  const target = value.slice(last + 1).trim();
  // server=/d/1.2.3.4 forwards d to another resolver (e.g. the China lists): not a block.
  if (key === 'server' && target !== '') return col.unsupported();
  for (const name of value.slice(1, last).split('/')) {
    if (name === '#') {
      col.unsupported(); // "every domain" wildcard
      continue;
    }
    const host = normalizeHost(name);
    if (host === null) col.invalid(line);
    else col.domain(host, false, line);
  }
}

function parseLocalZone(rest: string, col: Collector, line: string): void {
  const parts = rest.trim().split(/\s+/);
  const name = (parts[0] ?? '').replace(/^"|"$/g, '');
  const type = (parts[1] ?? '').toLowerCase();
  if (!UNBOUND_BLOCK_TYPES.has(type)) return type === '' ? col.invalid(line) : col.unsupported();
  const host = normalizeHost(name);
  if (host === null) col.invalid(line);
  else col.domain(host, false, line);
}
