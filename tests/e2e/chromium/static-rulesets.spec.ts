import { expect, test, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../support/paths';
import { startTestServer, type TestServer } from '../support/feed-server';
import { SourcesScenario } from '../support/sources-scenario';
import { launchWithExtension, openPopup, openSettings, type LaunchedExtension } from './extension';
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

/** The hosts of a bundled list's file (hosts format: the last field of each line). */
function hostsOf(file: string): string[] {
  return readFileSync(path.join(PROJECT_ROOT, 'public/lists', file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => l.trim().split(/\s+/).at(-1) ?? '');
}

/** A host of `file` that no other bundled list names (so that dropping it lets it through). */
function hostOnlyIn(file: string): string {
  const others = readdirSync(path.join(PROJECT_ROOT, 'public/lists'))
    .filter((f) => f !== file)
    .map((f) => readFileSync(path.join(PROJECT_ROOT, 'public/lists', f), 'utf8'));
  const host = hostsOf(file).find((h) => /^[a-z0-9.-]+$/.test(h) && others.every((text) => !text.includes(h)));
  if (!host) throw new Error(`No host only in ${file}`);
  return host;
}

async function openLists(ext: LaunchedExtension): Promise<Page> {
  const popup = await openPopup(ext);
  // The bundled lists are imported into the matcher at first start: wait for them.
  await expect(popup.getByTestId('protection')).toHaveText('Protection is on', { timeout: 90_000 });
  await popup.close();
  // The lists, and their switches, are on the settings page.
  return openSettings(ext);
}

test('a bundled list switched off in the settings stops blocking; switched on again, it blocks before load', async () => {
  test.setTimeout(240_000);
  const host = hostOnlyIn('durablenapkin-scam.txt');
  const ext = await launchWithExtension();
  try {
    const popup = await openLists(ext);
    const use = popup.getByRole('checkbox', { name: 'Use Fake shops and scams (durablenapkin)' });
    await use.uncheck();
    await expect(use).not.toBeChecked();
    await popup.close();
    const page = await visit(ext, server.url(host));
    await expect(page.locator('body')).toHaveAttribute('data-loaded', '1');
    expect(server.requests.filter((r) => r.host === host)).not.toEqual([]);
    await page.close();

    server.clearRequests();
    const again = await openSettings(ext);
    await again.getByRole('checkbox', { name: 'Use Fake shops and scams (durablenapkin)' }).check();
    await again.close();
    const blocked = await visit(ext, server.url(host));
    expect(blocked.url()).toMatch(/^chrome-extension:\/\/[a-p]{32}\/warning\.html#/);
    expect(server.requests.filter((r) => r.host === host)).toEqual([]);
    await blocked.close();
  } finally {
    await ext.context.close();
  }
});

test('an update of a bundled list: a domain it adds is stopped before load, a domain it drops opens', async () => {
  test.setTimeout(240_000);
  const file = 'durablenapkin-scam.txt';
  const dropped = hostOnlyIn(file);
  const added = 'added-to-bundled.test';
  const text = readFileSync(path.join(PROJECT_ROOT, 'public/lists', file), 'utf8');
  server.setFeed('durablenapkin.txt', {
    body:
      text
        .split('\n')
        .filter((l) => !l.endsWith(` ${dropped}`) && l.trim() !== dropped)
        .join('\n') + `\n0.0.0.0 ${added}\n`,
  });
  const ext = await launchWithExtension();
  try {
    const popup = await openLists(ext);
    // The bundled list updates from the local server instead of its public address: a
    // refreshed source registry (fetched at every Update now) moves it there.
    const worker = ext.context.serviceWorkers()[0]!;
    const sources = new SourcesScenario(server);
    sources.serveSources({ 'durablenapkin-scam': [{ url: server.feedUrl('durablenapkin.txt', '127.0.0.1') }] });
    await worker.evaluate(
      (url) =>
        (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome.storage.local.set({
          registryUrlOverride: url,
        }),
      sources.registryUrl,
    );
    await popup.getByRole('button', { name: 'Update now' }).click();
    await expect(popup.getByTestId('update-result')).toContainText('Update finished', { timeout: 120_000 });
    await expect(popup.locator('li', { hasText: 'durablenapkin' })).toContainText('From 127.0.0.1');
    await popup.close();
    // The difference goes in after the import: wait for it.
    await expect
      .poll(
        () =>
          worker.evaluate(async (host) => {
            const dnr = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome
              .declarativeNetRequest;
            return (await dnr.getDynamicRules()).some((r) => r.condition.requestDomains?.includes(host));
          }, added),
        { timeout: 60_000 },
      )
      .toBe(true);

    const addedPage = await visit(ext, server.url(added));
    expect(addedPage.url()).toMatch(/^chrome-extension:\/\/[a-p]{32}\/warning\.html#/);
    expect(server.requests.filter((r) => r.host === added)).toEqual([]);
    await addedPage.close();
    const droppedPage = await visit(ext, server.url(dropped));
    await expect(droppedPage.locator('body')).toHaveAttribute('data-loaded', '1');
    expect(server.requests.filter((r) => r.host === dropped)).not.toEqual([]);
    await droppedPage.close();
  } finally {
    await ext.context.close();
  }
});
