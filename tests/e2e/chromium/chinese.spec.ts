import { expect, test } from '@playwright/test';
import { startTestServer, type TestServer } from '../support/feed-server';
import { launchWithExtension, openPopup, openSettings, type LaunchedExtension } from './extension';
import { waitForWarning } from './shadow';

let server: TestServer;
let ext: LaunchedExtension;

test.beforeAll(async () => {
  server = await startTestServer();
  ext = await launchWithExtension(undefined, 'zh-CN');
});

test.afterAll(async () => {
  await ext?.context.close();
  await server?.close();
});

test('in a Chinese browser the popup and the warning speak Chinese, and the controls work', async () => {
  const popup = await openPopup(ext);
  await expect(popup.getByTestId('protection')).toHaveText('防护已开启');
  await popup.close();
  const settings = await openSettings(ext);
  await settings.getByRole('textbox', { name: '要拦截的网站' }).fill('zh.test');
  await settings.getByRole('button', { name: '拦截网站' }).click();
  await expect(settings.getByTestId('blocked-sites')).toContainText('zh.test');
  await settings.close();

  const page = await ext.context.newPage();
  await page.goto(server.url('www.zh.test'), { waitUntil: 'commit' });
  const warning = await waitForWarning(page);
  expect(warning.text).toContain('警告：此网站已被举报为诈骗网站');
  expect(warning.text).toContain('96110');
  expect(warning.buttons.map((b) => b.text)).toEqual(expect.arrayContaining(['返回', '仍要继续']));
});
