import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { startTestServer, type TestServer } from '../support/feed-server';
import { launchWithExtension, openSettings, type LaunchedExtension } from './extension';
import { waitForWarning } from './shadow';

test.describe.configure({ mode: 'serial' });

let server: TestServer;
let ext: LaunchedExtension;

test.beforeAll(async () => {
  server = await startTestServer();
  server.setFeed('one.txt', { body: 'one-entry.test\n' });
  server.setFeed('two.txt', { body: 'two-a.test\ntwo-b.test\n' });
  server.setFeed('three.txt', { body: 'three-a.test\nthree-b.test\nthree-c.test\n' });
  ext = await launchWithExtension();
});

test.afterAll(async () => {
  await ext?.context.close();
  await server?.close();
});

test('three subscriptions pressed in quick succession are queued and all subscribed, none dropped; "1 entry" in the singular', async () => {
  const settings = await openSettings(ext);
  const box = settings.getByRole('textbox', { name: 'List URL' });
  // Enter in the box, as fast as a user pastes and presses it: the first download is still running.
  for (const name of ['one.txt', 'two.txt', 'three.txt']) {
    await box.fill(server.feedUrl(name, '127.0.0.1'));
    await box.press('Enter');
  }
  await expect(settings.getByTestId('subscribe-outcome')).toHaveCount(3, { timeout: 60_000 });
  await expect(settings.getByTestId('subscribe-outcome').filter({ hasText: 'Subscribed' })).toHaveCount(3);
  const entries = (name: string) =>
    settings.getByTestId('lists').locator('li', { hasText: name }).getByTestId('entry-count');
  await expect(entries('one.txt')).toHaveText('1 entry');
  await expect(entries('two.txt')).toHaveText('2 entries');
  await expect(entries('three.txt')).toHaveText('3 entries');
  await settings.close();
});

test('statistics: a warning shown is counted by list and by kind', async () => {
  const page = await ext.context.newPage();
  await page.goto(server.url('one-entry.test', '/'), { waitUntil: 'commit' });
  await waitForWarning(page, 30_000);
  await page.close();
  const settings = await openSettings(ext);
  await expect(settings.getByTestId('warnings-shown')).toHaveText(/Warnings shown since install: [1-9]/);
  await expect(settings.getByTestId('warnings-by-list')).toContainText(/one\.txt.*: [1-9]\d* warnings?/);
  await expect(settings.getByTestId('warnings-by-kind')).toContainText(/a listed site: [1-9]\d* warnings?/);
  await settings.close();
});

test('an update where lists failed is not shown as a success', async () => {
  const settings = await openSettings(ext);
  // Offline, the bundled lists' public addresses cannot be reached.
  await settings.getByRole('button', { name: 'Update now' }).click();
  const result = settings.getByTestId('update-result');
  await expect(result).toContainText(/Update finished with failures: \d+ updated, \d+ unchanged, [1-9]\d* failed/, {
    timeout: 120_000,
  });
  await expect(result).toHaveAttribute('role', 'alert');
  await expect(result).toHaveClass(/error/);
  await settings.close();
});

test('export the settings to a file, and import them back; a bad file says why and changes nothing', async () => {
  const settings = await openSettings(ext);
  await settings.getByRole('textbox', { name: 'Site to block' }).fill('exported-block.test');
  await settings.getByRole('button', { name: 'Block site' }).click();
  await expect(settings.getByTestId('blocked-sites')).toContainText('exported-block.test');

  const download = settings.waitForEvent('download');
  await settings.getByRole('button', { name: 'Export to a file' }).click();
  const file = await (await download).path();
  const exported = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string[]>;
  expect(exported.blockedSites).toContain('exported-block.test');
  expect(exported.subscriptions).toContain(server.feedUrl('two.txt', '127.0.0.1'));

  // Lose the block and a subscription, then bring them back from the file.
  const blocked = settings.getByTestId('blocked-sites').locator('li', { hasText: 'exported-block.test' });
  await blocked.getByRole('button', { name: /Remove/ }).click();
  await expect(settings.getByTestId('blocked-sites')).toHaveCount(0);
  await settings
    .locator('li', { hasText: 'two.txt' })
    .getByRole('button', { name: /Remove/ })
    .click();
  await expect(settings.getByTestId('lists').locator('li', { hasText: 'two.txt' })).toHaveCount(0);

  const bad = { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') };
  await settings.getByTestId('import-file').setInputFiles(bad);
  await expect(settings.getByTestId('import-result')).toHaveText(
    /^This file is not a Fraud Sentry settings file \(.+\)\. Nothing was changed\.$/,
  );
  await expect(settings.getByTestId('lists').locator('li', { hasText: 'one.txt' })).toHaveCount(1);

  await settings.getByTestId('import-file').setInputFiles(file);
  await expect(settings.getByTestId('import-result')).toHaveText(
    /^Imported: 1 blocked, 0 trusted, 3 subscriptions\.$/,
    {
      timeout: 60_000,
    },
  );
  await expect(settings.getByTestId('blocked-sites')).toContainText('exported-block.test');
  await expect(
    settings.getByTestId('lists').locator('li', { hasText: 'two.txt' }).getByTestId('entry-count'),
  ).toHaveText('2 entries');
  await expect(settings.getByTestId('warnings-shown')).toHaveText(/^Warnings shown since install: \d+$/);
  await settings.close();
});
