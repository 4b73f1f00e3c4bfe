/**
 * Site comparison with the public-suffix list. Kept apart from util.ts so that the MAIN-world
 * monitor, which imports util.ts, does not bundle tldts.
 */
import { getDomain } from 'tldts';

/** Same registrable domain (www.x.cn and m.x.cn), or equal hosts (IPs, localhost). */
export function sameSite(a: string, b: string): boolean {
  if (a === '' || b === '') return false;
  if (a === b) return true;
  const da = getDomain(a, { allowPrivateDomains: true });
  return da !== null && da === getDomain(b, { allowPrivateDomains: true });
}
