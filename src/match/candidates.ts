import { parseHost } from './parse-host';

/**
 * The host and each parent domain down to the registrable domain (never the public
 * suffix itself): "a.b.evil.com.cn" → a.b.evil.com.cn, b.evil.com.cn, evil.com.cn.
 * An IP address or a host with no registrable domain stands alone.
 */
export function domainCandidates(host: string): string[] {
  const info = parseHost(host);
  // Lists and the user's blocks store IPv6 as normalizeHost gives it, in brackets ("[::1]");
  // the matcher hands the bare form ("::1", as "always trust" stores it): try both.
  if (info.isIp) return host.indexOf(':') >= 0 && host.charCodeAt(0) !== 91 ? [host, `[${host}]`] : [host];
  const registrable = info.domain;
  if (!registrable || !host.endsWith(registrable)) return [host];
  const out = [host];
  let rest = host;
  while (rest.length > registrable.length) {
    rest = rest.slice(rest.indexOf('.') + 1);
    out.push(rest);
  }
  return out;
}

/** Bounds the work a crafted URL with thousands of path segments can cause. */
const MAX_PATH_SEGMENTS = 12;

/**
 * "host/path" prefixes of a URL at segment boundaries (with and without the trailing
 * slash) and the full path with query, so a rule "github.com/someone/repo" matches
 * github.com/someone/repo/issues but never github.com or github.com/someone/repository.
 */
export function urlCandidates(url: URL, hasUrlRules: (host: string) => boolean = () => true): string[] {
  const hosts = urlRuleHosts(url).filter(hasUrlRules);
  const out: string[] = [];
  if (hosts.length === 0) return out;
  const segments = url.pathname.split('/').slice(1, MAX_PATH_SEGMENTS + 1);
  for (const h of hosts) {
    let prefix = h;
    for (const segment of segments) {
      if (segment === '') continue;
      prefix += '/' + segment;
      out.push(prefix, prefix + '/');
    }
    if (url.search) out.push(h + url.pathname + url.search);
  }
  return out;
}

/** The hosts a URL rule for this URL's page can start with: the host, and without "www.". */
export function urlRuleHosts(url: URL): string[] {
  const hostname = url.hostname;
  const host = hostname.endsWith('.') ? hostname.slice(0, -1) : hostname;
  return host.startsWith('www.') ? [host, host.slice(4)] : [host];
}
