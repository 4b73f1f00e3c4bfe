import { isPublicSuffix, normalizeHost } from '../lists';

/**
 * Turns what a user typed into "Site to block" (a host, a URL, "*.host", Unicode) into the
 * host the matcher uses. Null when it is no host, or a whole public suffix such as "com".
 */
export function siteFromInput(input: string): string | null {
  let text = input.trim();
  if (text === '') return null;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    try {
      text = new URL(text).hostname;
    } catch {
      return null;
    }
  } else {
    text = text.split(/[/?#]/, 1)[0] ?? '';
  }
  const host = normalizeHost(text);
  if (!host || isPublicSuffix(host)) return null;
  return host;
}
