import type { ParsedList } from '../lists/types';
import type { BundledDelta } from './bundled-rules';

type Domains = Pick<ParsedList, 'blockDomains' | 'allowDomains'>;

/**
 * How a bundled list's present rules differ from the copy compiled into the package.
 * `listedElsewhere`: whether another list in force blocks a domain; such a domain is not
 * let through (an allow rule outranks every list's block, not only this list's).
 */
export function bundledDelta(
  built: Domains,
  current: Domains,
  listedElsewhere: (domain: string) => boolean,
): BundledDelta {
  const before = new Set(built.blockDomains);
  const now = new Set(current.blockDomains);
  const added = current.blockDomains.filter((d) => !before.has(d));
  // This list may still name a parent: its block covers the domain then.
  const removed = built.blockDomains.filter((d) => !now.has(d) && !parentIn(d, now) && !listedElsewhere(d));
  const gone = new Set(removed);
  // Subdomains this list still names stay blocked: the allow of their parent leaves them out.
  const keep = current.blockDomains.filter((d) => parentIn(d, gone));
  const sameAllow =
    built.allowDomains.length === current.allowDomains.length &&
    current.allowDomains.every((d) => built.allowDomains.includes(d));
  return {
    added,
    removed,
    keep,
    allow: sameAllow ? null : [...current.allowDomains],
    builtAllowCount: new Set(built.allowDomains).size,
  };
}

/** Whether a parent domain of `domain` (not itself) is in `set`. */
function parentIn(domain: string, set: ReadonlySet<string>): boolean {
  for (let dot = domain.indexOf('.'); dot >= 0; dot = domain.indexOf('.', dot + 1)) {
    if (set.has(domain.slice(dot + 1))) return true;
  }
  return false;
}
