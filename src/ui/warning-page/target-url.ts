/**
 * The blocked address travels after '#' in the warning page's URL. Anyone can link to the
 * warning page with any fragment, so only a plain http(s) URL is accepted: never
 * javascript:, data:, file: or an extension page.
 */
export function targetFromHash(hash: string): string | null {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!/^https?:\/\//i.test(raw)) return null;
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (url.username || url.password) return null;
    return url.href;
  } catch {
    return null;
  }
}
