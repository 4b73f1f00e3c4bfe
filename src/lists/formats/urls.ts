import type { Collector } from '../collector';
import { isIPv4, normalizeHost } from '../normalize-host';
import { splitUrlRule } from '../normalize-url';
import { recoverGluedHostsEntry } from './hosts';

/**
 * One entry of a domain / URL list (also JSON items and maltrail trails): a host, "*.host",
 * an IP, "ip:port", "host/path" or a full URL. A URL without a path is a domain rule;
 * with a path it is only ever a URL rule ("github.com/someone/repo" never blocks github.com).
 */
export function addEntry(entry: string, col: Collector, allow: boolean, line: string): void {
  const glued = recoverGluedHostsEntry(entry);
  if (glued === null) return col.invalid(line);
  if (glued === '') return col.ignore(); // a lone "0.0.0.0"
  if (glued !== undefined) entry = glued;

  if (entry.charCodeAt(0) === 47 /* / */) return col.unsupported(); // maltrail "/path" trail
  // Plain hosts are the bulk of every list: try them first, URL parsing only when that fails.
  const host = normalizeHost(entry);
  if (host !== null) return col.domain(host, allow, line);
  if (!hasUrlSyntax(entry)) return col.invalid(line);
  const parts = splitUrlRule(entry);
  if (parts === null) return col.invalid(line);
  if (parts.path === '') return col.domain(parts.host, allow, line);
  if (isCidr(parts.host, parts.path)) return col.unsupported(); // "1.2.3.0/24": a range, not a URL
  col.url(parts.host + parts.path, allow);
}

function hasUrlSyntax(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 47 || c === 58 || c === 63 || c === 64 || c === 35 || c === 92) return true;
  }
  return false;
}

function isCidr(host: string, path: string): boolean {
  if (!isIPv4(host) || path.length < 2 || path.length > 3) return false;
  for (let i = 1; i < path.length; i++) {
    const c = path.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
