import type { Collector } from '../collector';
import { addHostsNames, isHostsAddress, isSpace } from './hosts';
import { addEntry } from './urls';

/**
 * Any line of the line-oriented formats that is not ABP/dnsmasq syntax: a plain host,
 * "*.host", a URL, a hosts line ("0.0.0.0 a.com b.com # x") or a TSV row. Handling all of
 * them here keeps mixed lists (hosts file with bare domains, maltrail trails) working.
 */
export function parseDomainLine(line: string, col: Collector): void {
  const s = line.indexOf('#') > 0 ? stripInlineComment(line) : line;
  // Native indexOf is much faster than a JS char loop on the 1M-line hot path.
  let ws = s.indexOf(' ');
  const tab = s.indexOf('\t');
  if (tab >= 0 && (ws < 0 || tab < ws)) ws = tab;
  if (ws < 0) return addEntry(s, col, false, line);
  if (isHostsAddress(s.slice(0, ws))) return addHostsNames(s.slice(ws + 1), col, line);
  if (s.indexOf('\t') >= 0) return addTsvRow(s, col, line);
  col.invalid(line);
}

/** "a.com  # note" → "a.com". A "#" glued to text is a URL fragment, kept for splitUrlRule. */
function stripInlineComment(line: string): string {
  let hash = line.indexOf('#');
  while (hash > 0) {
    if (isSpace(line.charCodeAt(hash - 1))) return line.slice(0, hash).trimEnd();
    hash = line.indexOf('#', hash + 1);
  }
  return line;
}

/** OpenPhish / Taiwan 165 exports: the first column that looks like a host or URL. */
function addTsvRow(s: string, col: Collector, line: string): void {
  for (const field of s.split('\t')) {
    const f = field.trim();
    if (f.indexOf('.') > 0 && f.indexOf(' ') < 0) return addEntry(f, col, false, line);
  }
  col.invalid(line);
}
