import type { ThreatCategory } from '../match/types';
import packagedRegistry from '../../public/sources.json';
import { firstUrl, type Registry, type RegistryList, type SourceSpec } from './registry-types';
import { validateRegistry } from './registry-validate';

/**
 * Lists shipped inside the package (public/lists/, made by scripts/bundle-lists.ts from
 * ../shared/data) so protection works offline from the first minute, then kept fresh
 * from their public URLs. Only lists whose licence allows redistribution are here.
 * Everything about them comes from the source registry, public/sources.json; a refreshed
 * registry (see registry-keeper.ts) can move their URLs without a release.
 */
export interface DefaultList {
  id: string;
  /** English name; the popup shows it as is (list names are proper names). */
  name: string;
  /** Both languages' names; missing: `name` in both. */
  names?: { en: string; zh_CN: string };
  category: ThreatCategory;
  /** Path inside the package. */
  bundledPath: string;
  /** The first address of the first source: what the popup names before any update. */
  url: string;
  /** Where updates come from, in order of preference; missing: `url` alone. */
  sources?: SourceSpec[];
  /** Missing: the default interval (schedule.ts). */
  refreshMs?: number;
  licence: string;
  homepage?: string;
  reportUrl?: string;
  /** Where the bundled copy was taken from, relative to ../shared/data. */
  sharedSource: string;
}

/** The lists of a registry that have a copy in the package. */
export function defaultListsOf(registry: Registry): DefaultList[] {
  return registry.lists
    .filter((l): l is RegistryList & { bundled: string } => l.bundled !== undefined)
    .map((l) => ({
      id: l.id,
      name: l.name.en,
      names: l.name,
      category: l.category,
      bundledPath: l.bundled,
      url: firstUrl(l.sources[0] as SourceSpec),
      sources: l.sources,
      refreshMs: l.refreshHours * 60 * 60 * 1000,
      licence: l.licence,
      homepage: l.homepage,
      reportUrl: l.reportUrl,
      sharedSource: l.sharedSource ?? '',
    }));
}

function checkedPackagedRegistry(): Registry {
  const checked = validateRegistry(packagedRegistry);
  // The unit tests validate the same file: a broken one never ships.
  if (!checked.ok) throw new Error(`public/sources.json is invalid: ${checked.errors.join('; ')}`);
  return checked.value;
}

/** The registry shipped in the package. */
export const PACKAGED_REGISTRY: Registry = checkedPackagedRegistry();

export const DEFAULT_LISTS: readonly DefaultList[] = defaultListsOf(PACKAGED_REGISTRY);
