import type { ThreatCategory } from '../model/verdict';
import packagedRegistry from '../../public/sources.json' with { type: 'json' };
import { firstUrl, type Registry, type RegistryList, type SourceSpec } from './registry-types';
import { validateRegistry } from './registry-validate';

/**
 * Lists shipped inside the package (public/lists/, made by scripts/bundle-lists.ts from
 * the project's public data set) so protection works offline from the first minute, then kept fresh
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
  /** Path inside the package; missing: a rolling list of recent additions, fetched only. */
  bundledPath?: string;
  /** Recent additions only (see RegistryList.rolling): no shrink guard. */
  rolling?: boolean;
  /** The first address of the first source: what the popup names before any update. */
  url: string;
  /** Where updates come from, in order of preference; missing: `url` alone. */
  sources?: SourceSpec[];
  /** Missing: the default interval (schedule.ts). */
  refreshMs?: number;
  licence: string;
  homepage?: string;
  reportUrl?: string;
  /** Where the bundled copy was taken from, relative to the project's public data set. */
  sharedSource: string;
}

/** The default lists of a registry: those with a copy in the package, and rolling ones. */
export function defaultListsOf(registry: Registry): DefaultList[] {
  return registry.lists.map((l: RegistryList) => ({
    id: l.id,
    name: l.name.en,
    names: l.name,
    category: l.category,
    ...(l.bundled !== undefined ? { bundledPath: l.bundled } : {}),
    ...(l.rolling ? { rolling: true } : {}),
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

export type BundledList = DefaultList & { bundledPath: string };

/** The default lists with a copy in the package (scripts that read those copies use these). */
export const BUNDLED_LISTS: readonly BundledList[] = DEFAULT_LISTS.filter(
  (d): d is BundledList => d.bundledPath !== undefined,
);

/** Every address the default lists may be fetched from (mirrors and manifests too): the privacy tests' allow-list. */
export function allSourceUrls(lists: readonly DefaultList[] = DEFAULT_LISTS): string[] {
  return lists.flatMap((l) =>
    (l.sources ?? [{ url: l.url }]).flatMap((s) => ('url' in s ? [s.url] : 'manifest' in s ? [s.manifest] : s.parts)),
  );
}
