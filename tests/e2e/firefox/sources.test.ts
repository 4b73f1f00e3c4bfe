// Lists that move, in a real Firefox ESR: the local server stands in for the lists' sources
// and for the project's registry (set through the local-only override in storage).
// Run with: node --import tsx --test tests/e2e/firefox/sources.test.ts
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'puppeteer-core';
import type { ListSummary, StatusSnapshot } from '../../../src/model/protocol';
import { startTestServer, type TestServer } from '../support/feed-server.ts';
import { FIREFOX_EXT_DIR } from '../support/paths.ts';
import { MIRRORED, SourcesScenario, SPLIT } from '../support/sources-scenario.ts';
import { launchFirefox, openExtensionPage, type FirefoxSession } from './harness.ts';
import { PopupPage } from './popup-page.ts';

interface ExtensionGlobal {
  browser: {
    runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; value?: unknown; error?: string }> };
    storage: { local: { set(items: Record<string, unknown>): Promise<void> } };
  };
}

describe('Lists that move (Firefox)', () => {
  let server: TestServer;
  let scenario: SourcesScenario;
  let session: FirefoxSession;
  let page: Page;

  async function send<T>(type: string, data: Record<string, unknown>): Promise<T> {
    const reply = await page.evaluate(
      (t, d) => (globalThis as unknown as ExtensionGlobal).browser.runtime.sendMessage({ type: t, data: d }),
      type,
      data,
    );
    if (!reply.ok) throw new Error(reply.error);
    return reply.value as T;
  }

  const listOf = async (id: string): Promise<ListSummary> =>
    (await send<StatusSnapshot>('status.get', {})).lists.find((l) => l.id === id)!;

  /** A fresh settings page (where the lists are), closed once read. */
  async function popupItem(name: string, pattern?: RegExp): Promise<string> {
    const p = new PopupPage(await openExtensionPage(session, 'options.html'));
    try {
      await p.waitForText(pattern ?? new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
      return (await p.listItem(name)) ?? '';
    } finally {
      await p.page.close();
    }
  }

  before(async () => {
    server = await startTestServer();
    scenario = new SourcesScenario(server);
    session = await launchFirefox({ extensionDir: FIREFOX_EXT_DIR, hosts: [] });
    page = await openExtensionPage(session, 'popup.html');
    await new PopupPage(page).waitForText(/Protection is on/, 60_000);
    await page.evaluate(
      (url) => (globalThis as unknown as ExtensionGlobal).browser.storage.local.set({ registryUrlOverride: url }),
      scenario.registryUrl,
    );
  });

  after(async () => {
    await session?.close();
    await server?.close();
  });

  test('a moved registry is followed: a mirror serves when the first address fails; a split list stores whole or not at all', async () => {
    const bundledSplit = (await listOf(SPLIT.id)).entryCount;
    assert.match(await popupItem(MIRRORED.name), /From the copy shipped with the extension/);
    scenario.serveMovedRegistry();

    await send('lists.update', { ids: [MIRRORED.id, SPLIT.id] });
    assert.equal(server.feedRequests('dead.txt').length, 1);
    const mirrored = await listOf(MIRRORED.id);
    assert.equal(mirrored.origin.servedBy, scenario.url('mirror.txt'));
    assert.equal(mirrored.origin.servedRank, 2);
    const split = await listOf(SPLIT.id);
    assert.equal(server.feedRequests('mining-2.txt').length, 1);
    assert.equal(split.entryCount, bundledSplit, 'parts 1 and 2 alone never go in force');
    assert.notEqual(split.origin.failingSince, null);

    assert.match(await popupItem(MIRRORED.name), new RegExp(`From ${scenario.host}, a mirror: address 2 of 2`));
    assert.match(await popupItem(SPLIT.name), /Updates have failed since/);

    scenario.servePartThree();
    await send('lists.update', { ids: [SPLIT.id] });
    assert.equal((await listOf(SPLIT.id)).entryCount, scenario.wholeCount);
    const item = await popupItem(SPLIT.name);
    assert.match(item, new RegExp(`From ${scenario.host} ·`));
    assert.doesNotMatch(item, /Updates have failed/);
  });

  test('a refreshed registry that fails validation changes nothing, and the popup says so', async () => {
    const before = server.feedRequests('mirror.txt').length;
    scenario.serveInvalidRegistry();
    await send('lists.update', { ids: [MIRRORED.id] });
    const status = await send<StatusSnapshot>('status.get', {});
    assert.equal(status.registry.version, scenario.packaged.version + 1);
    assert.match(status.registry.lastError ?? '', /refused: .*nocoin.*sources: expected 1 to 8 sources/);
    assert.equal(server.feedRequests('mirror.txt').length, before + 1);
    assert.match(await popupItem(MIRRORED.name, /The list of sources could not be refreshed/), /a mirror/);
  });
});
