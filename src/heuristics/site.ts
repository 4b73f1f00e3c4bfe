/**
 * Site comparison with the public-suffix list (tldts, ~270 kB). For the background, tests and
 * scripts only: content scripts must not import it (it would be parsed on every page); they
 * ask the background instead (see DetectorContext).
 */
import { getDomain } from 'tldts';

/** Same registrable domain (www.x.cn and m.x.cn), or equal hosts (IPs, localhost). */
export function sameSite(a: string, b: string): boolean {
  if (a === '' || b === '') return false;
  if (a === b) return true;
  const da = getDomain(a, { allowPrivateDomains: true });
  return da !== null && da === getDomain(b, { allowPrivateDomains: true });
}
