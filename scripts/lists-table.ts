// README's table of bundled lists, made from the source registry so that the two cannot
// disagree: `npm run docs:lists` writes it, tests/unit/update/readme-lists.test.ts checks it.
import { format } from 'prettier';
import type { Registry, SourceSpec } from '../src/update/registry-types';

export const START = '<!-- lists:start -->';
export const END = '<!-- lists:end -->';

function every(hours: number): string {
  if (hours % 24 === 0) return hours === 24 ? 'daily' : `every ${hours / 24} days`;
  return hours === 1 ? 'hourly' : `every ${hours} h`;
}

function how(sources: readonly SourceSpec[]): string {
  const kinds = sources.map((s) =>
    'url' in s ? 'file' : 'parts' in s ? `${s.parts.length} parts` : 'manifest + parts',
  );
  return sources.length === 1
    ? (kinds[0] ?? '')
    : `${kinds[0]}, ${sources.length - 1} mirror${sources.length > 2 ? 's' : ''}`;
}

function repo(homepage: string): string {
  const url = new URL(homepage);
  return url.hostname === 'github.com' ? url.pathname.replace(/^\/|\/$/g, '') : url.hostname;
}

/** The table as Markdown, formatted as Prettier formats the README. */
export async function listsTable(registry: Registry): Promise<string> {
  const rows = registry.lists.map((l) =>
    [
      `${l.name.en} / ${l.name.zh_CN}`,
      l.category,
      `[${repo(l.homepage)}](${l.homepage})`,
      l.licence,
      every(l.refreshHours),
      l.bundled === undefined ? `${how(l.sources)} (recent additions, not bundled)` : how(l.sources),
    ].map((cell) => cell.replaceAll('|', '\\|')),
  );
  const md = [
    '| list | kind | source | licence | checked | fetched as |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
  return (await format(md, { parser: 'markdown', printWidth: 120, singleQuote: true, trailingComma: 'all' })).trim();
}

/** README with the block between the markers replaced; throws when the markers are missing. */
export async function withListsTable(readme: string, registry: Registry): Promise<string> {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${START} … ${END} block`);
  return `${readme.slice(0, start + START.length)}\n\n${await listsTable(registry)}\n\n${readme.slice(end)}`;
}
