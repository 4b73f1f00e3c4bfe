/**
 * Loads fixture HTML into happy-dom (scripts are NOT run: detection must work from the
 * static snapshot; runtime signals are tested separately). Shared by the unit tests and
 * scripts/eval-heuristics.ts.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { collectSnapshot } from '../../../src/heuristics/snapshot';
import type { DetectorId, PageSnapshot } from '../../../src/heuristics/types';

export const PAGES_DIR = fileURLToPath(new URL('../../fixtures/pages/', import.meta.url));
export const FIXTURE_ORIGIN = 'http://127.0.0.1:8080/';

export interface FixtureEntry {
  file: string;
  expect: 'warn' | 'silent';
  detector?: DetectorId;
  lookalikeOf?: DetectorId;
}

export function readManifest(): FixtureEntry[] {
  const raw: unknown = JSON.parse(readFileSync(`${PAGES_DIR}manifest.json`, 'utf8'));
  const list: unknown = typeof raw === 'object' && raw !== null ? Reflect.get(raw, 'fixtures') : null;
  if (!Array.isArray(list)) throw new Error('manifest.json: no fixtures array');
  return list as FixtureEntry[];
}

export function readPage(file: string): string {
  return readFileSync(`${PAGES_DIR}${file}`, 'utf8');
}

export interface LoadedPage {
  win: Window;
  doc: Document;
  dom: globalThis.Window;
  close: () => Promise<void>;
}

export function loadHtml(html: string, url = `${FIXTURE_ORIGIN}page.html`): LoadedPage {
  const win = new Window({
    url,
    settings: { disableJavaScriptFileLoading: true, handleDisabledFileLoadingAsSuccess: true },
  });
  win.document.write(html);
  return {
    win,
    // happy-dom implements the DOM interfaces the snapshot reads; the casts bridge its own types.
    doc: win.document as unknown as Document,
    dom: win as unknown as globalThis.Window,
    close: () => win.happyDOM.close(),
  };
}

export async function snapshotHtml(html: string, url?: string): Promise<PageSnapshot> {
  const page = loadHtml(html, url);
  try {
    return collectSnapshot(page.doc, page.dom);
  } finally {
    await page.close();
  }
}

export function snapshotFixture(file: string): Promise<PageSnapshot> {
  return snapshotHtml(readPage(file), `${FIXTURE_ORIGIN}${file}`);
}
