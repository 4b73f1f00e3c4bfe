import { normalizeHost } from './normalize-host';

/** URL rules longer than this are junk (or an attack on the store), not a useful prefix. */
const MAX_URL_RULE = 2048;

export interface UrlRuleParts {
  /** Normalised host (see normalizeHost). */
  host: string;
  /** "/path?query" with the case kept, or "" when the rule names the whole host. */
  path: string;
}

/**
 * Splits "scheme://user@host:port/path?query#frag" or "host/path" into a normalised host
 * and path. Scheme, user info, port and fragment are dropped (a URL rule matches any port).
 */
export function splitUrlRule(input: string): UrlRuleParts | null {
  let s = input.trim();
  const scheme = s.indexOf('://');
  if (scheme > 0 && scheme <= 10 && isScheme(s, scheme)) s = s.slice(scheme + 3);
  else if (s.startsWith('//')) s = s.slice(2);

  let end = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 47 /* / */ || c === 63 /* ? */ || c === 35 /* # */ || c === 92 /* \ */) {
      end = i;
      break;
    }
  }
  let authority = s.slice(0, end);
  const at = authority.lastIndexOf('@');
  if (at >= 0) authority = authority.slice(at + 1);
  const hostPart = stripPort(authority);
  if (hostPart === null) return null;
  const host = normalizeHost(hostPart);
  if (host === null) return null;

  let rest = s.slice(end);
  const hash = rest.indexOf('#');
  if (hash >= 0) rest = rest.slice(0, hash);
  if (rest.length === 0 || rest === '/') return { host, path: '' };
  if (rest.charCodeAt(0) === 92) return null; // "host\path" is not a URL a list means
  if (rest.charCodeAt(0) === 63) rest = '/' + rest;
  const path = encodePath(rest);
  if (path === null || host.length + path.length > MAX_URL_RULE) return null;
  return { host, path };
}

/** "host/path?query" without scheme (a bare host gives "host/"), or null when invalid. */
export function normalizeUrlRule(input: string): string | null {
  const parts = splitUrlRule(input);
  if (parts === null) return null;
  return parts.host + (parts.path === '' ? '/' : parts.path);
}

function isScheme(s: string, end: number): boolean {
  for (let i = 0; i < end; i++) {
    const c = s.charCodeAt(i) | 0x20;
    const ok = (c >= 97 && c <= 122) || (i > 0 && ((c >= 48 && c <= 57) || c === 0x2b || c === 0x2d || c === 0x2e));
    if (!ok) return false;
  }
  return true;
}

/** Drops ":port"; keeps bare IPv6 ("2001:db8::1") and "[v6]:port" working. */
function stripPort(authority: string): string | null {
  if (authority.charCodeAt(0) === 91) {
    const close = authority.indexOf(']');
    if (close < 0) return null;
    const tail = authority.slice(close + 1);
    if (tail !== '' && !isPort(tail.slice(1))) return null;
    return authority.slice(0, close + 1);
  }
  const colon = authority.indexOf(':');
  if (colon < 0) return authority;
  if (authority.indexOf(':', colon + 1) >= 0) return authority; // bare IPv6
  return isPort(authority.slice(colon + 1)) ? authority.slice(0, colon) : null;
}

function isPort(s: string): boolean {
  if (s.length === 0 || s.length > 5) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return Number(s) <= 65535;
}

/** Keeps the path as written but refuses spaces/control chars and percent-encodes non-ASCII like browsers do. */
function encodePath(path: string): string | null {
  let nonAscii = false;
  for (let i = 0; i < path.length; i++) {
    const c = path.charCodeAt(i);
    if (c <= 32 || c === 127) return null;
    if (c >= 128) nonAscii = true;
  }
  if (!nonAscii) return path;
  let out = '';
  for (const ch of path) {
    if (ch.charCodeAt(0) < 128) out += ch;
    else {
      try {
        out += encodeURIComponent(ch);
      } catch {
        return null; // lone surrogate
      }
    }
  }
  return out;
}
