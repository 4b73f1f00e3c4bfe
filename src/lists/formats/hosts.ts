import type { Collector } from '../collector';
import { isIPv4, normalizeHost } from '../normalize-host';

/** Names every hosts file carries for the machine itself: not rules, not errors. */
const BOILERPLATE = new Set([
  'localhost',
  'localhost.localdomain',
  'localdomain',
  'local',
  'broadcasthost',
  '0.0.0.0',
  '127.0.0.1',
  '::',
  '::1',
]);

/** "0.0.0.0", "127.0.0.1", "::", "::1", "fe80::1%lo0" … — the address column of a hosts line. */
export function isHostsAddress(token: string): boolean {
  const c = token.charCodeAt(0);
  if (c === 58 /* : */ || token.indexOf(':') > 0) return isIPv6Token(token);
  return c >= 48 && c <= 57 && isIPv4(token);
}

function isIPv6Token(token: string): boolean {
  const zone = token.indexOf('%');
  const addr = zone >= 0 ? token.slice(0, zone) : token;
  if (addr.length < 2) return false;
  for (let i = 0; i < addr.length; i++) {
    const c = addr.charCodeAt(i) | 0x20;
    if (!((c >= 48 && c <= 58) || (c >= 97 && c <= 102) || c === 46)) return false;
  }
  return true;
}

/** The names after the address: `names` is the rest of the line, comment already removed. */
export function addHostsNames(names: string, col: Collector, line: string): void {
  let i = 0;
  const n = names.length;
  while (i < n) {
    while (i < n && isSpace(names.charCodeAt(i))) i++;
    const start = i;
    while (i < n && !isSpace(names.charCodeAt(i))) i++;
    if (i === start) break;
    const name = names.slice(start, i);
    const lower = name.toLowerCase();
    if (BOILERPLATE.has(lower) || lower.startsWith('ip6-')) {
      col.ignore();
      continue;
    }
    const host = normalizeHost(name);
    if (host === null) col.invalid(line);
    else col.domain(host, false, line);
  }
}

export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 11 || c === 12 || c === 160;
}

const GLUED_PREFIXES = ['0.0.0.0', '127.0.0.1'];

/**
 * Real lists (firebog's Prigent mirror) lost the space: "0.0.0.0adminer.com". Returns
 * undefined when the entry is not like that, the recovered name when the next char is a
 * letter (unambiguous), "" for the bare address, and null when it is ambiguous
 * ("0.0.0.01x.com" could be "1x.com" or "01x.com").
 */
export function recoverGluedHostsEntry(entry: string): string | null | undefined {
  const c0 = entry.charCodeAt(0);
  if (c0 !== 48 && c0 !== 49) return undefined;
  for (const prefix of GLUED_PREFIXES) {
    if (!entry.startsWith(prefix)) continue;
    if (entry.length === prefix.length) return '';
    if (isIPv4(entry) || entry.charCodeAt(prefix.length) === 47 /* / */) return undefined;
    const next = entry.charCodeAt(prefix.length) | 0x20;
    if (next >= 97 && next <= 122) return entry.slice(prefix.length);
    if (entry.charCodeAt(prefix.length) === 58 /* :port */) return undefined;
    return null;
  }
  return undefined;
}
