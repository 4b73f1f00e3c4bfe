import { expect, test, type Page } from '@playwright/test';
import { startTestServer, type TestServer } from '../support/feed-server';
import { launchWithExtension, openSettings, type LaunchedExtension } from './extension';
import { clickWarningButton, readWarning, waitForWarning } from './shadow';

test.describe.configure({ mode: 'serial' });

let server: TestServer;
let ext: LaunchedExtension;

test.beforeAll(async () => {
  server = await startTestServer();
  server.setFeed('help.txt', { body: '||evil.test^\n||shop.test/fake-checkout\n' });
  ext = await launchWithExtension();
  server.setPage('paste.test', '/', { html: '<input id="paste" aria-label="paste">' });
  const settings = await openSettings(ext);
  await settings.getByRole('textbox', { name: 'List URL' }).fill(server.feedUrl('help.txt', '127.0.0.1'));
  await settings.getByRole('button', { name: 'Subscribe' }).click();
  await expect(settings.getByRole('status').filter({ hasText: 'Subscribed' })).toBeVisible({ timeout: 60_000 });
  await settings.close();
});

test.afterAll(async () => {
  await ext?.context.close();
  await server?.close();
});

/** What the clipboard holds, pasted by the keyboard into a web page's text box, as a user would. */
async function pasted(): Promise<string> {
  const page = await ext.context.newPage();
  await page.goto(server.url('paste.test'));
  await page.locator('#paste').focus();
  await page.keyboard.press('ControlOrMeta+V');
  const value = await page.locator('#paste').inputValue();
  await page.close();
  return value;
}

/** The page a click opens in a new tab. */
async function opened(click: () => Promise<void>): Promise<Page> {
  const next = ext.context.waitForEvent('page');
  await click();
  const page = await next;
  await page.waitForLoadState('domcontentloaded');
  return page;
}

test('"I have already paid" on the warning page: ordered steps from the police guidance, hotlines, the site’s address copied', async () => {
  const site = server.url('evil.test', '/pay?order=1');
  const warning = await ext.context.newPage();
  await warning.goto(`chrome-extension://${ext.extensionId}/warning.html#${site}`);
  await waitForWarning(warning);
  const help = await opened(() => clickWarningButton(warning, 'I have already paid'));
  expect(new URL(help.url()).pathname).toBe('/help.html');
  await expect(help.getByRole('heading', { level: 1 })).toHaveText('I have already paid: what to do now');
  const steps = help.getByTestId('paid-steps').locator(':scope > li');
  await expect(steps).toHaveCount(5);
  await expect(steps.nth(0)).toContainText('Call 110 now');
  await expect(steps.nth(0)).toContainText('96110');
  await expect(steps.nth(1)).toContainText('the receiving account');
  await expect(steps.nth(1)).toContainText('transaction numbers');
  await expect(steps.nth(2)).toContainText('stop the payment');
  await expect(steps.nth(3)).toContainText('Keep every record');
  await expect(steps.nth(4)).toContainText('“unfreezing”');
  for (const phone of ['95588', '95533', '95599', '95566', '95559', '95580', '95555', '95188', '95017']) {
    await expect(help.getByTestId('hotlines').getByRole('link', { name: phone })).toHaveAttribute(
      'href',
      `tel:${phone}`,
    );
  }
  await expect(help.getByTestId('site-address')).toHaveText(site);
  await help.getByRole('button', { name: 'Copy the address' }).click();
  await expect(help.getByTestId('copy-result')).toHaveText(/Address copied/);
  expect(await pasted()).toBe(site);
  await help.close();
  await warning.close();
});

test('report channels from the in-page warning: each opens on a click with the address copied; "Wrong warning?" names the list and trusts the site', async () => {
  const site = server.url('shop.test', '/fake-checkout/report');
  const page = await ext.context.newPage();
  await page.goto(site, { waitUntil: 'commit' });
  expect((await waitForWarning(page)).where).toBe('page');
  const help = await opened(() => clickWarningButton(page, 'Report this site or a wrong warning'));
  await expect(help.getByRole('heading', { level: 1 })).toHaveText('Report this site');
  await expect(help.getByTestId('site-address')).toHaveText(site);
  const china = help.getByTestId('channels-china');
  await expect(china).toContainText('National Anti-Fraud Center app');
  await expect(china.getByRole('link', { name: /Ministry of Public Security/ })).toHaveAttribute(
    'href',
    'http://www.cyberpolice.cn/',
  );
  await expect(china.getByRole('link', { name: /12377/ })).toHaveAttribute('href', 'https://www.12377.cn/');
  const international = help.getByTestId('channels-international');
  await expect(international.getByRole('link', { name: /Microsoft/ })).toHaveAttribute(
    'href',
    'https://www.microsoft.com/en-us/wdsi/support/report-unsafe-site',
  );
  // Nothing is sent before the click; the click opens Google's form with the address filled in.
  const request = ext.context.waitForEvent('request', (r) => r.url().startsWith('https://safebrowsing.google.com/'));
  const google = await opened(() => international.getByRole('link', { name: /Google Safe Browsing/ }).click());
  expect((await request).url()).toBe(
    `https://safebrowsing.google.com/safebrowsing/report_phish/?url=${encodeURIComponent(site)}`,
  );
  await google.close();
  await expect(help.getByTestId('channel-copy-result')).toHaveText(/Address copied/);
  expect(await pasted()).toBe(site);

  const wrong = help.getByTestId('wrong-warning');
  await expect(wrong).toContainText(/The warning came from the list “127\.0\.0\.1/);
  // A list served from a plain address has no known issue page, and the page says so.
  await expect(wrong.getByTestId('list-no-issues')).toContainText('No issue page is known for this list');
  await wrong.getByRole('button', { name: 'Trust this site' }).click();
  await expect(wrong.getByTestId('trust-result')).toHaveText(
    'Trusted: Fraud Sentry will not warn about shop.test again.',
  );
  await help.close();
  await page.close();

  const again = await ext.context.newPage();
  await again.goto(server.url('shop.test', '/fake-checkout/again'), { waitUntil: 'commit' });
  await expect(again.locator('body')).toHaveAttribute('data-loaded', '1');
  await again.waitForTimeout(300);
  expect(await readWarning(again)).toBeNull();
  await again.close();
});

test('the warning page’s settings link opens the settings page', async () => {
  const warning = await ext.context.newPage();
  await warning.goto(`chrome-extension://${ext.extensionId}/warning.html#${server.url('evil.test', '/s')}`);
  await waitForWarning(warning);
  const settings = await opened(() => clickWarningButton(warning, 'Fraud Sentry settings'));
  expect(new URL(settings.url()).pathname).toBe('/options.html');
  await expect(settings.getByTestId('lists')).toBeVisible({ timeout: 30_000 });
  await settings.close();
  await warning.close();
});
