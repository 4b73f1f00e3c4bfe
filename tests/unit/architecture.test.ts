import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Imports go one way: entrypoints → background → store/update/blocking → match/lists →
// model. Each folder of src/ may import only the folders named here (and itself); the
// extension's pages and content scripts reach the background through messages, never by
// import. A new folder must be added here, with what it may use.
const MAY_IMPORT: Record<string, readonly string[]> = {
  model: [],
  match: ['model'],
  lists: ['model', 'match'],
  heuristics: ['model'],
  lookalike: ['model', 'match'],
  messaging: ['model'],
  guidance: ['model', 'messaging'],
  store: ['model', 'match', 'lists'],
  update: ['model', 'store', 'match', 'lists'],
  blocking: ['model', 'store', 'match', 'lists'],
  ui: ['model', 'messaging', 'guidance'],
  content: ['model', 'messaging', 'guidance', 'ui', 'heuristics'],
  background: [
    'model',
    'messaging',
    'guidance',
    'match',
    'lists',
    'lookalike',
    'heuristics',
    'store',
    'update',
    'blocking',
  ],
};

const SRC = path.resolve(import.meta.dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Every folder of src/ another file imports from, as "from → to (file)". */
function crossings(): { from: string; to: string; file: string }[] {
  const out: { from: string; to: string; file: string }[] = [];
  for (const file of sourceFiles(SRC)) {
    const from = path.relative(SRC, file).split(path.sep)[0]!;
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/(?:from|import\(|import)\s*'(\.[^']+)'/g)) {
      const target = path.relative(SRC, path.resolve(path.dirname(file), match[1]!));
      if (target.startsWith('..')) continue; // public/ data (locales, the registry)
      const to = target.split(path.sep)[0]!;
      if (to !== from) out.push({ from, to, file: path.relative(SRC, file) });
    }
  }
  return out;
}

describe('the layers of src/', () => {
  it('every folder is in the map of what it may import', () => {
    const folders = readdirSync(SRC, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    expect(folders.filter((f) => !(f in MAY_IMPORT))).toEqual([]);
  });

  it('no folder imports a folder above it, or beside it where the map does not say so', () => {
    const wrong = crossings()
      .filter(({ from, to }) => !(MAY_IMPORT[from] ?? []).includes(to))
      .map(({ from, to, file }) => `${file}: ${from} → ${to}`);
    expect(wrong).toEqual([]);
  });

  it('the check sees imports at all (it would pass on an empty tree otherwise)', () => {
    expect(crossings().length).toBeGreaterThan(50);
  });
});
