import { expect, test, type Page } from '@playwright/test';
import type { StatusSnapshot } from '../../../src/model/protocol';
import { startTestServer, type TestServer } from '../support/feed-server';
import { MIRRORED, SourcesScenario, SPLIT } from '../support/sources-scenario';
import { launchWithExtension, openSettings, type LaunchedExtension } from './extension';

// Lists that move, in the real browser: the local server stands in for the lists' sources
// and for the project's registry (set through the local-only override in storage).

test.describe.configure({ mode: 'serial' });

let server: TestServer;
let scenario: SourcesScenario;
let ext: LaunchedExtension;
let popup: Page;

interface ExtensionGlobal {
  chrome: {
    runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; value?: unknown; error?: string }> };
    storage: { local: { set(items: Record<string, unknown>): Promise<void> } };
  };
}

async function send<T>(type: string, data: Record<string, unknown>): Promise<T> {
  const reply = await popup.evaluate(
    ([t, d]) => (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage({ type: t, data: d }),
    [type, data] as const,
  );
  if (!reply.ok) throw new Error(reply.error);
  return reply.value as T;
}

const listOf = async (id: string) => (await send<StatusSnapshot>('status.get', {})).lists.find((l) => l.id === id)!;
const itemText = (name: string) => popup.locator('[data-testid="lists"] > li', { hasText: name });

test.beforeAll(async () => {
  server = await startTestServer();
  scenario = new SourcesScenario(server);
  ext = await launchWithExtension();
  popup = await openSettings(ext);
  await popup.evaluate(
    (url) => (globalThis as unknown as ExtensionGlobal).chrome.storage.local.set({ registryUrlOverride: url }),
    scenario.registryUrl,
  );
});

test.afterAll(async () => {
  await ext?.context.close();
  await server?.close();
});

test('a moved registry is followed: a mirror serves when the first address fails; a split list stores whole or not at all', async () => {
  test.setTimeout(120_000);
  const bundledSplit = (await listOf(SPLIT.id)).entryCount;
  await expect(itemText(MIRRORED.name)).toContainText('From the copy shipped with the extension');
  scenario.serveMovedRegistry();

  await send('lists.update', { ids: [MIRRORED.id, SPLIT.id] });
  expect(server.feedRequests('dead.txt')).toHaveLength(1);
  const mirrored = await listOf(MIRRORED.id);
  expect(mirrored.origin).toMatchObject({ servedBy: scenario.url('mirror.txt'), servedRank: 2, failingSince: null });
  // Part 3 is missing: parts 1 and 2 were fetched, and nothing of them went in force.
  const split = await listOf(SPLIT.id);
  expect(server.feedRequests('mining-2.txt')).toHaveLength(1);
  expect(split.entryCount).toBe(bundledSplit);
  expect(split.origin.failingSince).not.toBeNull();

  await popup.reload();
  await expect(itemText(MIRRORED.name)).toContainText(`From ${scenario.host}, a mirror: address 2 of 2`);
  await expect(itemText(SPLIT.name)).toContainText('Updates have failed since');
  await expect(itemText(SPLIT.name)).toContainText('checked for changes every day');

  scenario.servePartThree();
  await send('lists.update', { ids: [SPLIT.id] });
  expect((await listOf(SPLIT.id)).entryCount).toBe(scenario.wholeCount);
  await popup.reload();
  await expect(itemText(SPLIT.name)).toContainText(`From ${scenario.host} ·`);
  await expect(itemText(SPLIT.name)).not.toContainText('Updates have failed');
});

test('a refreshed registry that fails validation changes nothing, and the popup says so', async () => {
  const before = server.feedRequests('mirror.txt').length;
  scenario.serveInvalidRegistry();
  await send('lists.update', { ids: [MIRRORED.id] });
  const status = await send<StatusSnapshot>('status.get', {});
  expect(status.registry.version).toBe(scenario.packaged.version + 1);
  expect(status.registry.lastError).toMatch(/refused: .*nocoin.*sources: expected 1 to 8 sources/);
  // Still fetched from where the last good registry said.
  expect(server.feedRequests('mirror.txt').length).toBe(before + 1);
  await popup.reload();
  await expect(popup.getByTestId('registry-error')).toContainText('The list of sources could not be refreshed');
  await expect(itemText(MIRRORED.name)).toContainText(`From ${scenario.host}, a mirror`);
});
