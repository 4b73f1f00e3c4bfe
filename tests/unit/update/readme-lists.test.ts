// README's table of bundled lists is generated from the registry (npm run docs:lists):
// this fails when someone edits one without the other.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { END, START, withListsTable } from '../../../scripts/lists-table';
import { PACKAGED_REGISTRY } from '../../../src/update/default-lists';

const README = path.resolve(import.meta.dirname, '../../../README.md');

describe("README's list table", () => {
  it('is what `npm run docs:lists` makes from public/sources.json', async () => {
    const readme = readFileSync(README, 'utf8');
    expect(readme).toContain(START);
    expect(readme).toContain(END);
    const fresh = await withListsTable(readme, PACKAGED_REGISTRY);
    const block = (text: string) => text.slice(text.indexOf(START), text.indexOf(END));
    expect(block(readme), 'README.md is out of date: run `npm run docs:lists`').toBe(block(fresh));
  });

  it('names every bundled list', async () => {
    const readme = readFileSync(README, 'utf8');
    for (const list of PACKAGED_REGISTRY.lists) expect(readme).toContain(list.name.zh_CN);
  });
});
