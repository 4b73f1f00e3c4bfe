// The source registry (public/sources.json): the file shipped in the package passes its
// own checks and describes every bundled list; malformed registries are refused with a
// message that says where the problem is.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_LISTS, DEFAULT_LISTS, PACKAGED_REGISTRY } from '../../../src/update/default-lists';
import { parseRegistry, validateRegistry } from '../../../src/update/registry-validate';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const packaged = JSON.parse(readFileSync(path.join(ROOT, 'public/sources.json'), 'utf8')) as {
  lists: Record<string, unknown>[];
};

/** The packaged registry with one list's entry changed (or the whole thing, with `top`). */
function withList(change: Record<string, unknown>, top: Record<string, unknown> = {}): unknown {
  const [first, ...rest] = packaged.lists;
  return { ...packaged, ...top, lists: [{ ...first, ...change }, ...rest] };
}

function errorsOf(input: unknown): string[] {
  const checked = validateRegistry(input);
  return checked.ok ? [] : checked.errors;
}

describe('the packaged registry', () => {
  it('passes its own checks', () => {
    expect(errorsOf(packaged)).toEqual([]);
    expect(PACKAGED_REGISTRY.lists.length).toBe(packaged.lists.length);
  });

  it('has an entry for every list file in the package, and a file for every bundled entry', () => {
    const files = readdirSync(path.join(ROOT, 'public/lists')).map((f) => `lists/${f}`);
    const bundled = BUNDLED_LISTS.map((d) => d.bundledPath);
    expect([...bundled].sort()).toEqual([...files].sort());
    for (const list of BUNDLED_LISTS) expect(existsSync(path.join(ROOT, 'public', list.bundledPath))).toBe(true);
  });

  it('gives every list names in both languages, a licence, a home page and a report page', () => {
    for (const list of DEFAULT_LISTS) {
      expect(list.names?.en).toBeTruthy();
      expect(list.names?.zh_CN).toMatch(/[\u4e00-\u9fff]/);
      expect(list.licence).toBeTruthy();
      expect(list.homepage).toMatch(/^https:\/\//);
      expect(list.reportUrl).toMatch(/^https:\/\//);
    }
  });

  it('keeps the rolling lists of recent additions out of the package, checked hourly', () => {
    const rolling = DEFAULT_LISTS.filter((d) => d.rolling);
    expect(rolling.map((d) => d.id)).toEqual(['phishing-database-new', 'phishing-database-new-links']);
    for (const list of rolling) {
      expect(list.bundledPath).toBeUndefined();
      expect(list.refreshMs).toBe(3_600_000);
    }
  });

  it('refreshes phishing lists within two hours and slower kinds less often', () => {
    for (const list of DEFAULT_LISTS) {
      const hours = (list.refreshMs ?? 0) / 3_600_000;
      if (list.category === 'phishing') expect(hours).toBeLessThanOrEqual(2);
      else expect(hours).toBeGreaterThanOrEqual(6);
    }
  });
});

describe('validateRegistry refuses', () => {
  const cases: [string, unknown, RegExp][] = [
    ['a non-object', [], /not a JSON object/],
    ['an unknown schema', { ...packaged, schema: 2 }, /^schema: expected 1, found 2/],
    ['a missing version', { ...packaged, version: undefined }, /^version: expected a positive whole number/],
    ['no lists', { ...packaged, lists: [] }, /^lists: expected a non-empty array/],
    ['a bad id', withList({ id: 'Has Space' }), /lists\[0\] \(Has Space\)\.id: expected lower-case/],
    ['a name in one language', withList({ name: { en: 'x' } }), /\.name: expected \{ "en": text, "zh_CN": text \}/],
    ['an unknown category', withList({ category: 'evil' }), /\.category: expected one of/],
    ['a plain-http home page', withList({ homepage: 'http://example.org' }), /\.homepage: expected an https address/],
    ['a report page that is no address', withList({ reportUrl: '{host}' }), /\.reportUrl: expected an https address/],
    [
      'a bundled path outside lists/',
      withList({ bundled: '../evil.js' }),
      /\.bundled: expected a path like lists\/name\.txt/,
    ],
    [
      'a list with no bundled copy that is not rolling',
      withList({ bundled: undefined }),
      /a list without a bundled copy must be "rolling"/,
    ],
    ['a refresh of zero hours', withList({ refreshHours: 0 }), /\.refreshHours: expected a number from 0\.5 to 336/],
    ['no sources', withList({ sources: [] }), /\.sources: expected 1 to 8 sources/],
    [
      'a plain-http source',
      withList({ sources: [{ url: 'http://example.org/x.txt' }] }),
      /\.sources\[0\]\.url: must use https/,
    ],
    [
      'a source of two kinds',
      withList({ sources: [{ url: 'https://a.example/x', manifest: 'https://a.example/m' }] }),
      /\.sources\[0\]: expected exactly one of/,
    ],
    [
      'an unknown source kind',
      withList({ sources: [{ torrent: 'magnet:x' }] }),
      /\.sources\[0\]: unknown kind "torrent"/,
    ],
    [
      'parts that are one part',
      withList({ sources: [{ parts: ['https://a.example/1'] }] }),
      /\.parts: expected 2 to 64 addresses/,
    ],
    [
      'a javascript: part',
      withList({ sources: [{ parts: ['https://a.example/1', 'javascript:alert(1)'] }] }),
      /\.parts\[1\]: not a valid address/,
    ],
  ];
  it.each(cases)('%s', (_name, input, message) => {
    const errors = errorsOf(input);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toMatch(message);
  });

  it('a list id that appears twice', () => {
    const [first] = packaged.lists;
    expect(errorsOf({ ...packaged, lists: [first, first] }).join('\n')).toMatch(/appears twice/);
  });

  it('text that is not JSON, saying so', () => {
    const parsed = parseRegistry('{"schema": 1, ');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors[0]).toMatch(/^not valid JSON/);
  });
});
