import { checkFeedUrl } from './feed-url';
import type { Registry, RegistryList, SourceSpec } from './registry-types';

const CATEGORIES = new Set(['fraud', 'phishing', 'scam', 'gambling', 'malware', 'script']);
const MAX_LISTS = 200;
const MAX_SOURCES = 8;
const MAX_PARTS = 64;

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/**
 * Checks a registry (parsed JSON of unknown shape) field by field. Nothing is trusted: a
 * registry comes from the network once the extension refreshes it. Every problem is
 * named with where it is, so a maintainer can fix the file from the message alone.
 */
export function validateRegistry(input: unknown): Checked<Registry> {
  const errors: string[] = [];
  if (!isObject(input)) return { ok: false, errors: ['the registry is not a JSON object'] };
  if (input.schema !== 1) errors.push(`schema: expected 1, found ${show(input.schema)}`);
  if (!Number.isSafeInteger(input.version) || (input.version as number) <= 0)
    errors.push(`version: expected a positive whole number, found ${show(input.version)}`);
  const lists: RegistryList[] = [];
  if (!Array.isArray(input.lists) || input.lists.length === 0) {
    errors.push('lists: expected a non-empty array');
  } else if (input.lists.length > MAX_LISTS) {
    errors.push(`lists: more than ${MAX_LISTS} entries`);
  } else {
    const ids = new Set<string>();
    input.lists.forEach((entry, i) => {
      const where = `lists[${i}]${isObject(entry) && typeof entry.id === 'string' ? ` (${entry.id})` : ''}`;
      const list = checkList(entry, where, errors);
      if (!list) return;
      if (ids.has(list.id)) errors.push(`${where}.id: "${list.id}" appears twice`);
      ids.add(list.id);
      lists.push(list);
    });
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { schema: 1, version: input.version as number, lists } };
}

/** The registry text as fetched: JSON first, then the fields. */
export function parseRegistry(text: string): Checked<Registry> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [`not valid JSON (${error instanceof Error ? error.message : String(error)})`] };
  }
  return validateRegistry(json);
}

function checkList(entry: unknown, where: string, errors: string[]): RegistryList | null {
  if (!isObject(entry)) {
    errors.push(`${where}: expected an object`);
    return null;
  }
  const before = errors.length;
  const id = entry.id;
  if (typeof id !== 'string' || !/^[a-z0-9][a-z0-9-]{0,63}$/.test(id))
    errors.push(`${where}.id: expected lower-case letters, digits and dashes, found ${show(id)}`);
  const name = entry.name;
  if (!isObject(name) || !shortText(name.en) || !shortText(name.zh_CN))
    errors.push(`${where}.name: expected { "en": text, "zh_CN": text }`);
  if (typeof entry.category !== 'string' || !CATEGORIES.has(entry.category))
    errors.push(`${where}.category: expected one of ${[...CATEGORIES].join(', ')}, found ${show(entry.category)}`);
  if (!shortText(entry.licence)) errors.push(`${where}.licence: expected a text`);
  if (!httpsPage(entry.homepage)) errors.push(`${where}.homepage: expected an https address`);
  if (typeof entry.reportUrl !== 'string' || !httpsPage(entry.reportUrl.replaceAll('{host}', 'example.com')))
    errors.push(`${where}.reportUrl: expected an https address (may contain {host})`);
  if (
    entry.bundled !== undefined &&
    (typeof entry.bundled !== 'string' || !/^lists\/[a-z0-9-]+\.(txt|json)$/.test(entry.bundled))
  )
    errors.push(`${where}.bundled: expected a path like lists/name.txt, found ${show(entry.bundled)}`);
  if (entry.sharedSource !== undefined && !shortText(entry.sharedSource))
    errors.push(`${where}.sharedSource: expected a text`);
  if (entry.rolling !== undefined && typeof entry.rolling !== 'boolean')
    errors.push(`${where}.rolling: expected true or false, found ${show(entry.rolling)}`);
  if (entry.rolling !== true && entry.bundled === undefined)
    errors.push(`${where}: a list without a bundled copy must be "rolling" (only recent additions)`);
  const hours = entry.refreshHours;
  if (typeof hours !== 'number' || !(hours >= 0.5 && hours <= 24 * 14))
    errors.push(`${where}.refreshHours: expected a number from 0.5 to 336, found ${show(hours)}`);
  const sources = checkSources(entry.sources, `${where}.sources`, errors);
  if (errors.length > before) return null;
  return {
    id: id as string,
    name: { en: (name as { en: string }).en, zh_CN: (name as { zh_CN: string }).zh_CN },
    category: entry.category as RegistryList['category'],
    licence: entry.licence as string,
    homepage: entry.homepage as string,
    reportUrl: entry.reportUrl as string,
    ...(entry.bundled !== undefined ? { bundled: entry.bundled as string } : {}),
    ...(entry.sharedSource !== undefined ? { sharedSource: entry.sharedSource as string } : {}),
    refreshHours: hours as number,
    ...(entry.rolling === true ? { rolling: true } : {}),
    sources,
  };
}

function checkSources(value: unknown, where: string, errors: string[]): SourceSpec[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_SOURCES) {
    errors.push(`${where}: expected 1 to ${MAX_SOURCES} sources`);
    return [];
  }
  const out: SourceSpec[] = [];
  value.forEach((source, i) => {
    const at = `${where}[${i}]`;
    const keys = isObject(source) ? Object.keys(source) : [];
    if (!isObject(source) || keys.length !== 1) {
      errors.push(`${at}: expected exactly one of "url", "parts", "manifest"`);
    } else if ('url' in source) {
      if (feedUrl(source.url, `${at}.url`, errors)) out.push({ url: source.url as string });
    } else if ('manifest' in source) {
      if (feedUrl(source.manifest, `${at}.manifest`, errors)) out.push({ manifest: source.manifest as string });
    } else if ('parts' in source) {
      const parts = source.parts;
      if (!Array.isArray(parts) || parts.length < 2 || parts.length > MAX_PARTS) {
        errors.push(`${at}.parts: expected 2 to ${MAX_PARTS} addresses`);
      } else if (parts.every((p, j) => feedUrl(p, `${at}.parts[${j}]`, errors))) {
        out.push({ parts: parts as string[] });
      }
    } else {
      errors.push(`${at}: unknown kind "${keys[0]}" (expected "url", "parts" or "manifest")`);
    }
  });
  return out;
}

/** Lists are fetched over https only (plain http for this machine: tests and local mirrors). */
function feedUrl(value: unknown, where: string, errors: string[]): boolean {
  if (typeof value !== 'string') {
    errors.push(`${where}: expected an address`);
    return false;
  }
  const checked = checkFeedUrl(value);
  if (!checked.ok)
    errors.push(
      `${where}: ${checked.error === 'feedUrlNotHttps' ? 'must use https' : 'not a valid address'} (${value})`,
    );
  return checked.ok;
}

function httpsPage(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

function shortText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '' && value.length <= 300;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? 'nothing' : text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
