/**
 * Feeds must come over https, so nobody on the network can swap the list. Plain http is
 * accepted only for this machine (local mirrors and tests). Returns the canonical URL or
 * an error key from _locales.
 */
export function checkFeedUrl(
  input: string,
): { ok: true; url: string } | { ok: false; error: 'feedUrlInvalid' | 'feedUrlNotHttps' } {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false, error: 'feedUrlInvalid' };
  }
  if (url.username || url.password) return { ok: false, error: 'feedUrlInvalid' };
  if (url.protocol === 'https:') return { ok: true, url: url.href };
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
  if (url.protocol === 'http:' && local) return { ok: true, url: url.href };
  return { ok: false, error: url.protocol === 'http:' ? 'feedUrlNotHttps' : 'feedUrlInvalid' };
}
