import type { ThreatCategory } from '../model/verdict';

/** Where one list can be had: one file, several files joined in order, or a manifest naming them. */
export type SourceSpec = { url: string } | { parts: string[] } | { manifest: string };

export interface RegistryList {
  id: string;
  /** Proper names; the UI picks the browser's language. */
  name: { en: string; zh_CN: string };
  category: ThreatCategory;
  licence: string;
  homepage: string;
  /** Where to report a wrong warning; `{host}` is replaced by the warned host. */
  reportUrl: string;
  /** Path of the copy shipped in the package (public/); only the package's own registry decides it. */
  bundled?: string;
  /** Where the bundled copy was taken from, relative to the project's public data set (scripts/bundle-lists.ts). */
  sharedSource?: string;
  /** How often the list is fetched again; phishing lists change within hours. */
  refreshHours: number;
  /**
   * A rolling file of recent additions ("new today"), fetched often beside the full list:
   * it empties itself by design, so a shrink is no reason to hold it back. Such a list has
   * no copy in the package and starts with the first update.
   */
  rolling?: boolean;
  /** In order of preference: the first that answers with a usable list serves it. */
  sources: SourceSpec[];
}

/** public/sources.json: every default list and where it comes from. */
export interface Registry {
  schema: 1;
  /** Grows with each edit (yyyymmddNN): an older registry never replaces a newer one. */
  version: number;
  lists: RegistryList[];
}

/** The first address a source names (a manifest's own address for a manifest): how it is shown and known. */
export function firstUrl(source: SourceSpec): string {
  return 'url' in source ? source.url : 'manifest' in source ? source.manifest : (source.parts[0] ?? '');
}
