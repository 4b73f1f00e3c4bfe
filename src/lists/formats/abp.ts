import type { Collector } from '../collector';
import { normalizeHost } from '../normalize-host';
import { splitUrlRule } from '../normalize-url';
import { addHostsNames, isHostsAddress } from './hosts';
import { addEntry } from './urls';

/**
 * Options that keep "block this site when it is opened": no type restriction, or document-like
 * types. `$popup` counts (a popup is a top-level document of that site). `$third-party`,
 * `$script`, `domain=` … narrow the rule to requests *from other sites* or sub-resources, so such
 * a rule says nothing about visiting the site itself and is skipped as unsupported.
 */
const DOCUMENT_OPTIONS = new Set([
  'document',
  'doc',
  'all',
  'important',
  'popup',
  'match-case',
  '~third-party',
  '~3p',
  'first-party',
  '1p',
  'strict1p',
  'strict-first-party',
]);

/** AdBlock Plus / AdGuard / uBlock Origin network rule (comments and headers already removed). */
export function parseAbpLine(line: string, col: Collector): void {
  if (isCosmeticOrHtmlRule(line)) return col.unsupported();
  // A stray hosts line in an ABP list ("0.0.0.0 a.com") is no ABP pattern: read it as hosts.
  const space = line.indexOf(' ');
  if (space > 0 && isHostsAddress(line.slice(0, space))) return addHostsNames(line.slice(space + 1), col, line);
  let s = line;
  let allow = false;
  if (s.charCodeAt(0) === 64 /* @ */) {
    if (s.charCodeAt(1) !== 64) return col.invalid(line);
    allow = true;
    s = s.slice(2);
  }
  if (s.charCodeAt(0) === 47 /* / */) return col.unsupported(); // /regex/ or a path pattern

  const dollar = s.lastIndexOf('$');
  let hasOptions = false;
  if (dollar >= 0) {
    if (!optionsAreDocumentLevel(s.slice(dollar + 1))) return col.unsupported();
    hasOptions = true;
    s = s.slice(0, dollar);
  }

  if (/\s/.test(s)) return col.invalid(line); // options may hold spaces ($csp=…), patterns may not
  if (s.startsWith('||')) return addAnchoredHost(s.slice(2), allow, col, line);
  if (s.charCodeAt(0) === 124 /* | */) return addAnchoredUrl(s.slice(1), allow, col, line);
  if (s.length === 0 || hasOptions) return col.unsupported(); // "$doc,ipaddress=…", "a.com$doc"
  if (isPlainHostToken(s)) {
    // uBO/AdGuard read a bare host line like a hosts entry — also a lone "127.0.0.1" (no rule,
    // not a block of this machine) and a glued "0.0.0.0evil.com", as in plain lists.
    return addEntry(s, col, allow, line);
  }
  if (hasPatternChars(s)) return col.unsupported(); // "host/path", "*.buzz/*", "://blog.*.top^"
  col.invalid(line);
}

/** `##`, `#@#`, `#?#`, `#$#`, `#%#`, `#@$#`… and AdGuard `$$` / `$@$` HTML filters. */
export function isCosmeticOrHtmlRule(line: string): boolean {
  let hash = line.indexOf('#');
  while (hash >= 0 && hash < line.length - 1) {
    const next = line.charCodeAt(hash + 1);
    // # @ ? $ %
    if (next === 35 || next === 64 || next === 63 || next === 36 || next === 37) return true;
    hash = line.indexOf('#', hash + 1);
  }
  return line.indexOf('$$') >= 0 || line.indexOf('$@$') >= 0;
}

function optionsAreDocumentLevel(options: string): boolean {
  if (options.length === 0) return false;
  for (const raw of options.split(',')) {
    if (!DOCUMENT_OPTIONS.has(raw.trim().toLowerCase())) return false;
  }
  return true;
}

/** After "||": "host^", "host", "host^|", or "host/path" (a URL rule). */
function addAnchoredHost(rest: string, allow: boolean, col: Collector, line: string): void {
  let i = 0;
  while (i < rest.length && isHostChar(rest.charCodeAt(i))) i++;
  const hostPart = rest.slice(0, i);
  const tail = rest.slice(i);
  if (hostPart.length === 0) return hasPatternChars(tail) ? col.unsupported() : col.invalid(line);
  // "||example.^", "||newntflix-$doc": host-prefix patterns, not one site
  const lastChar = hostPart.charCodeAt(hostPart.length - 1);
  if (lastChar === 46 || (lastChar === 45 && tail.charCodeAt(0) !== 47)) return col.unsupported();

  if (tail === '' || tail === '^' || tail === '^|' || tail === '|') {
    const host = normalizeHost(hostPart);
    return host === null ? col.invalid(line) : col.domain(host, allow, line);
  }
  if (tail.charCodeAt(0) !== 47 /* / */) {
    return hasPatternChars(tail) || tail.charCodeAt(0) === 58 ? col.unsupported() : col.invalid(line);
  }
  let path = tail;
  const last = path.charCodeAt(path.length - 1);
  if (last === 94 /* ^ */ || last === 124 /* | */) path = path.slice(0, -1);
  if (hasWildcard(path)) return col.unsupported();
  const parts = splitUrlRule(hostPart + path);
  if (parts === null) return col.invalid(line);
  if (parts.path === '') return col.domain(parts.host, allow, line);
  col.url(parts.host + parts.path, allow);
}

/** After a single "|": "https://host/path|" — a URL-start anchor. */
function addAnchoredUrl(rest: string, allow: boolean, col: Collector, line: string): void {
  let u = rest;
  if (u.charCodeAt(u.length - 1) === 124) u = u.slice(0, -1);
  const scheme = u.indexOf('://');
  if (scheme <= 0 || hasWildcard(u)) return col.unsupported();
  addEntry(u, col, allow, line);
}

function isHostChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) ||
    (c >= 48 && c <= 57) ||
    (c >= 65 && c <= 90) ||
    c === 45 ||
    c === 46 ||
    c === 95 ||
    c >= 128
  );
}

function isPlainHostToken(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isHostChar(s.charCodeAt(i))) return false;
  return true;
}

function hasWildcard(s: string): boolean {
  return s.indexOf('*') >= 0 || s.indexOf('^') >= 0 || s.indexOf('|') >= 0;
}

function hasPatternChars(s: string): boolean {
  return hasWildcard(s) || s.indexOf('/') >= 0 || s.indexOf('$') >= 0 || s.indexOf('[') >= 0 || s.indexOf(':') >= 0;
}
