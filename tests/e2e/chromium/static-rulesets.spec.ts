import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../support/paths';
import { startTestServer, type TestServer } from '../support/feed-server';
import { launchWithExtension, type LaunchedExtension } from './extension';
import { waitForWarning } from './shadow';

// The bundled lists ship as static rulesets (scripts/static-rulesets.ts): Chrome indexes
// them when it installs the extension, so a fresh profile stops a listed site before load
// at once, with no rules to install at run time.

let server: TestServer;

test.beforeAll(async () => {
  server = await startTestServer();
});
test.afterAll(async () => {
  await server?.close();
});

/** A host of a bundled list, from the file the build compiled (the last line: no early-in-file bias). */
function bundledHost(file: string): string {
  const lines = readFileSync(path.join(PROJECT_ROOT, 'public/lists', file), 'utf8')
    .trim()
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'));
  return (lines.at(-1) ?? '').trim().split(/\s+/).at(-1) ?? '';
}

async function visit(ext: LaunchedExtension, url: string): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(url, { waitUntil: 'commit' });
  return page;
}

test('a fresh profile stops a bundled-list site before load at once: its server never sees the request', async () => {
  test.setTimeout(180_000);
  const hosts = [bundledHost('phishing-database.txt'), bundledHost('hostsvn-gambling.txt')];
  const started = Date.now();
  const ext = await launchWithExtension();
  try {
    const workerAt = Date.now();
    const times: string[] = [];
    for (const host of hosts) {
      const asked = Date.now();
      const page = await visit(ext, server.url(host));
      // Committed straight into the warning page: the browser redirected before any request.
      expect(page.url()).toMatch(new RegExp(`^chrome-extension://${ext.extensionId}/warning\\.html#`));
      const redirected = Date.now();
      const warning = await waitForWarning(page, 90_000);
      expect(warning.where).toBe('extension');
      expect(server.requests.filter((r) => r.host === host)).toEqual([]);
      times.push(
        `${host}: redirected ${redirected - workerAt} ms after the worker started, warning shown ${Date.now() - asked} ms after the visit began`,
      );
      await page.close();
    }
    console.log(`[bench] static rulesets: worker started ${workerAt - started} ms after launch; ${times.join('; ')}`);
  } finally {
    await ext.context.close();
  }
});
