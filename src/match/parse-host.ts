import { parse } from 'tldts';

// The host comes from URL.hostname, already clean: skip tldts' own extraction and checks.
// (Without extraction tldts validates nothing, so validateHostname changes no answer.)
const HOST_ONLY = {
  allowPrivateDomains: true,
  extractHostname: false,
  validateHostname: false,
  mixedInputs: false,
} as const;

export type HostParse = ReturnType<typeof parse>;

let lastHost: string | null = null;
let lastParse: HostParse | null = null;

/**
 * tldts' parse of a bare host, remembered for the last host: a verdict parses its host in
 * the matcher (domain candidates) and again in the lookalike detector, one after the other.
 * The result is shared: callers must not modify it.
 */
export function parseHost(host: string): HostParse {
  if (host === lastHost && lastParse) return lastParse;
  const parsed = parse(host, HOST_ONLY);
  lastHost = host;
  lastParse = parsed;
  return parsed;
}
