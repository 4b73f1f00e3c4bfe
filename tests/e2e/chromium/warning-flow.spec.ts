import { expect, test, type Page } from '@playwright/test';
import { startTestServer, type TestServer } from '../support/feed-server';
import { launchWithExtension, openPopup, openSettings, type LaunchedExtension } from './extension';
import { clickWarningButton, readWarning, waitForWarning } from './shadow';

test.describe.configure({ mode: 'serial' });

let server: TestServer;
let ext: LaunchedExtension;

test.beforeAll(async () => {
  server = await startTestServer();
  server.setFeed('e2e.txt', { body: '! test feed\n||evil.test^\n||phish.test^$document\n||shop.test/fake-checkout\n' });
  ext = await launchWithExtension();
});

test.afterAll(async () => {
  await ext?.context.close();
  await server?.close();
});

async function visit(url: string): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(url, { waitUntil: 'commit' });
  return page;
}

test('the popup shows protection on from the bundled lists, before any download', async () => {
  const popup = await openPopup(ext);
  await expect(popup.getByTestId('protection')).toHaveText('Protection is on');
  await expect(popup.getByTestId('entries-in-force')).toContainText(/[1-9][\d,]* entries in force/);
  const settings = await openSettings(ext);
  await expect(settings.getByTestId('lists').locator('li')).not.toHaveCount(0);
  await settings.close();
  // The bundled lists' before-load rules are static rulesets, in force from install.
  await expect(popup.getByTestId('preload')).toHaveText(/^Blocking before load: [1-9][\d,]{6,} domains$/);
  await popup.close();
});

test('subscribe to a list from the popup, then Update now shows the result', async () => {
  test.setTimeout(120_000);
  const popup = await openSettings(ext);
  await popup.getByRole('textbox', { name: 'List URL' }).fill(server.feedUrl('e2e.txt', '127.0.0.1'));
  await popup.getByRole('button', { name: 'Subscribe' }).click();
  await expect(popup.getByRole('status').filter({ hasText: 'Subscribed' })).toBeVisible();
  const item = popup.locator('li', { hasText: '127.0.0.1' });
  await expect(item.getByTestId('entry-count')).toHaveText('3 entries');

  await popup.getByRole('button', { name: 'Update now' }).click();
  await expect(popup.getByTestId('update-result')).toContainText('Update finished');
  await popup.close();
  // The list's before-load rules are installed after the import: wait for them.
  const worker = ext.context.serviceWorkers()[0]!;
  await expect
    .poll(
      () =>
        worker.evaluate(async () => {
          const dnr = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome
            .declarativeNetRequest;
          return (await dnr.getDynamicRules()).some((r) => r.condition.requestDomains?.includes('phish.test'));
        }),
      { timeout: 60_000 },
    )
    .toBe(true);
  // Then how many domains they cover, the bundled lists' and this one's.
  const after = await openPopup(ext);
  await expect(after.getByTestId('preload')).toHaveText(/^Blocking before load: [1-9][\d,]{6,} domains$/, {
    timeout: 60_000,
  });
  await after.close();
});

/** The extension's dynamic rules: id and domains of each before-load redirect. */
async function redirectRules(): Promise<Array<{ id: number; domains: string[] }>> {
  const worker = ext.context.serviceWorkers()[0]!;
  return worker.evaluate(async () => {
    const dnr = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome
      .declarativeNetRequest;
    return (await dnr.getDynamicRules())
      .filter((r) => r.action.type === 'redirect')
      .map((r) => ({ id: r.id, domains: r.condition.requestDomains ?? [] }));
  });
}

const ruleOf = (rules: Array<{ id: number; domains: string[] }>, host: string) =>
  rules.find((r) => r.domains.includes(host))?.id;

test('an update that changes a few entries installs only what it adds before load; a site it removed opens normally', async () => {
  test.setTimeout(120_000);
  const bulk = Array.from({ length: 100 }, (_, i) => `bulk-${i}.test`);
  server.setFeed('delta.txt', { body: ['gone.test', ...bulk].join('\n') });
  const popup = await openSettings(ext);
  await popup.getByRole('textbox', { name: 'List URL' }).fill(server.feedUrl('delta.txt', '127.0.0.1'));
  await popup.getByRole('button', { name: 'Subscribe' }).click();
  await expect(popup.getByRole('status').filter({ hasText: 'Subscribed' })).toBeVisible();
  await expect.poll(async () => ruleOf(await redirectRules(), 'gone.test'), { timeout: 60_000 }).toBeDefined();
  const goneRule = ruleOf(await redirectRules(), 'gone.test');

  // Two of 101 entries change: the list is stored as a delta, and so are its rules.
  server.setFeed('delta.txt', { body: [...bulk, 'added.test'].join('\n') });
  await popup.getByRole('button', { name: 'Update now' }).click();
  await expect(popup.getByTestId('update-result')).toContainText('Update finished');
  await popup.close();
  await expect.poll(async () => ruleOf(await redirectRules(), 'added.test'), { timeout: 60_000 }).toBeDefined();
  const rules = await redirectRules();
  // The old rule is untouched (a whole install would have replaced it in the slot's other half).
  expect(ruleOf(rules, 'gone.test')).toBe(goneRule);
  expect(ruleOf(rules, 'added.test')).toBe(goneRule! + 1);

  const added = await visit(server.url('added.test'));
  expect((await waitForWarning(added)).where).toBe('extension');
  expect(server.requests.filter((r) => r.host === 'added.test')).toEqual([]);
  await added.close();
  // Its rule still sends gone.test to the warning page, which finds it no longer listed and
  // lets the tab through, without coming back.
  const gone = await visit(server.url('gone.test'));
  await expect(gone.locator('body')).toHaveAttribute('data-loaded', '1');
  await expect(gone).toHaveURL(server.url('gone.test'));
  expect(await readWarning(gone)).toBeNull();
  expect(server.ranCount('gone.test')).toBe(1);
  await gone.close();
  // Removed again, so that the tests below see one list on 127.0.0.1.
  const again = await openSettings(ext);
  const item = again.locator('li', { hasText: '101 entries' });
  await item.getByRole('button', { name: /Remove/ }).click();
  await expect(item).toHaveCount(0);
  await again.close();
});

test('a listed host and its subdomain show the warning with the anti-fraud guidance, before the site is contacted', async () => {
  for (const host of ['evil.test', 'deep.sub.evil.test', 'phish.test']) {
    const page = await visit(server.url(host));
    const warning = await waitForWarning(page);
    expect(warning.where).toBe('extension');
    expect(server.requests.filter((r) => r.host === host)).toEqual([]);
    expect(server.ranCount(host)).toBe(0);
    expect(warning.role).toBe('alertdialog');
    expect(warning.text).toContain('96110');
    expect(warning.text).toContain('110');
    expect(warning.text).toContain('国家反诈中心');
    expect(warning.text).toContain(host);
    expect(warning.text).toMatch(/Listed in “127\.0\.0\.1[^”]*”/);
    expect(warning.buttons.map((b) => b.text)).toEqual(expect.arrayContaining(['Go back', 'Continue anyway']));
    await page.close();
  }
});

test('a listed URL path shows the in-page warning; the rest of the site does not', async () => {
  const page = await visit(server.url('shop.test', '/fake-checkout/pay'));
  const warning = await waitForWarning(page);
  expect(warning.where).toBe('page');
  expect(warning.text).toContain('96110');
  expect(warning.text).toContain('shop.test/fake-checkout');
  await page.close();
  const other = await visit(server.url('shop.test', '/'));
  await expect(other.locator('body')).toHaveAttribute('data-loaded', '1');
  expect(await readWarning(other)).toBeNull();
  await other.close();
});

test('an unlisted host shows no warning and loads normally', async () => {
  const page = await visit(server.url('good.test'));
  await expect(page.locator('body')).toHaveAttribute('data-loaded', '1');
  await page.waitForTimeout(300);
  expect(await readWarning(page)).toBeNull();
  await page.close();
});

test('the page cannot dismiss the in-page warning with Esc, and Tab keeps focus inside it', async () => {
  const page = await visit(server.url('shop.test', '/fake-checkout/esc'));
  await waitForWarning(page);
  await page.keyboard.press('Escape');
  expect(await readWarning(page)).not.toBeNull();
  for (let i = 0; i < 5; i++) await page.keyboard.press('Tab');
  // Focus stays in the dialog: the page's document has the warning host as active element.
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('FRAUD-SENTRY-WARNING');
  await page.close();
});

test('Go back leaves the listed site', async () => {
  const page = await visit(server.url('good.test'));
  await page.goto(server.url('evil.test'), { waitUntil: 'commit' });
  await waitForWarning(page);
  await clickWarningButton(page, 'Go back');
  await expect(page).toHaveURL(server.url('good.test'));
  await page.close();
});

test('Continue anyway, this time only, lets the page load (warning page and in-page dialog)', async () => {
  for (const [host, path] of [
    ['sub.evil.test', '/'],
    ['shop.test', '/fake-checkout/once'],
  ] as const) {
    const page = await visit(server.url(host, path));
    await waitForWarning(page);
    await clickWarningButton(page, 'Continue anyway');
    await clickWarningButton(page, 'This time only');
    await expect(page.locator('body')).toHaveAttribute('data-loaded', '1');
    await expect(page).toHaveURL(server.url(host, path));
    expect(await readWarning(page)).toBeNull();
    await page.close();
  }
});

test('keyboard alone can continue: Tab to "Continue anyway" and press Enter', async () => {
  const page = await visit(server.url('shop.test', '/fake-checkout/kbd'));
  await waitForWarning(page);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  const confirm = await waitForWarning(page);
  expect(confirm.buttons.map((b) => b.text)).toContain('This time only');
  await page.close();
});

test('Always trust: no warning again, and the site is in the popup’s trusted list', async () => {
  const page = await visit(server.url('phish.test'));
  await waitForWarning(page);
  await clickWarningButton(page, 'Continue anyway');
  await clickWarningButton(page, 'Always trust this site');
  await expect(page.locator('body')).toHaveAttribute('data-loaded', '1');
  await page.close();

  const again = await visit(server.url('phish.test'));
  await expect(again.locator('body')).toHaveAttribute('data-loaded', '1');
  expect(await readWarning(again)).toBeNull();
  await again.close();

  const popup = await openSettings(ext);
  await expect(popup.getByTestId('trusted-sites')).toContainText('phish.test');
  await expect(popup.getByTestId('warnings-shown')).toContainText(/Warnings shown since install: [1-9]/);
  await popup.close();
});

test('a site blocked by hand in the popup shows the warning', async () => {
  const popup = await openSettings(ext);
  await popup.getByRole('textbox', { name: 'Site to block' }).fill('mine.test');
  await popup.getByRole('button', { name: 'Block site' }).click();
  await expect(popup.getByTestId('blocked-sites')).toContainText('mine.test');
  await popup.close();
  const page = await visit(server.url('www.mine.test'));
  const warning = await waitForWarning(page);
  expect(warning.text).toContain('My blocked sites');
  await page.close();
});

test('reached through a 301 or 302 redirect: the warning before the site is contacted, and Continue lands on it', async () => {
  for (const status of [301, 302]) {
    const host = `r${status}.evil.test`;
    const target = server.url(host, '/landing');
    server.setPage('good.test', `/go${status}`, { status, html: '', headers: { location: target } });
    const page = await visit(server.url('good.test', `/go${status}`));
    const warning = await waitForWarning(page);
    expect(warning.where).toBe('extension');
    expect(warning.text).toContain(host);
    expect(server.requests.filter((r) => r.host === host)).toEqual([]);
    await clickWarningButton(page, 'Continue anyway');
    await clickWarningButton(page, 'This time only');
    await expect(page).toHaveURL(target);
    await expect(page.locator('body')).toHaveAttribute('data-loaded', '1');
    await page.close();
  }
});

test('reached through a meta refresh: the warning, and Go back returns past the redirecting page', async () => {
  const target = server.url('meta.evil.test', '/landing');
  server.setPage('good.test', '/start', { html: `<a id="go" href="${server.url('good.test', '/meta')}">go</a>` });
  server.setPage('good.test', '/meta', {
    html: `<meta http-equiv="refresh" content="0;url=${target}"><p>moving…</p>`,
  });
  const page = await visit(server.url('good.test', '/start'));
  await page.click('#go');
  const warning = await waitForWarning(page);
  expect(warning.text).toContain('meta.evil.test');
  expect(server.requests.filter((r) => r.host === 'meta.evil.test')).toEqual([]);
  await clickWarningButton(page, 'Go back');
  await expect(page).toHaveURL(server.url('good.test', '/start'));
  // And it stays there: going back did not land on the refresh again.
  await page.waitForTimeout(1000);
  await expect(page).toHaveURL(server.url('good.test', '/start'));
  await page.close();
});

test('a link opened in a new tab: the warning in that tab, and Continue lands on the site', async () => {
  const target = server.url('tab.evil.test', '/landing');
  server.setPage('good.test', '/links', {
    html: `<a id="go" href="${target}" target="_blank" rel="noopener">open</a>`,
  });
  const page = await visit(server.url('good.test', '/links'));
  const opened = ext.context.waitForEvent('page');
  await page.click('#go');
  const tab = await opened;
  const warning = await waitForWarning(tab);
  expect(warning.where).toBe('extension');
  expect(server.requests.filter((r) => r.host === 'tab.evil.test')).toEqual([]);
  await clickWarningButton(tab, 'Continue anyway');
  await clickWarningButton(tab, 'This time only');
  await expect(tab).toHaveURL(target);
  await expect(tab.locator('body')).toHaveAttribute('data-loaded', '1');
  await tab.close();
  await page.close();
});

test('a feed answering 500 shows the error in the popup while the old list still blocks', async () => {
  server.setFeed('e2e.txt', { status: 500, body: 'Internal error' });
  const popup = await openSettings(ext);
  await popup.getByRole('button', { name: 'Update now' }).click();
  // Offline, the bundled lists' public URLs fail too; what matters is this list's error.
  await expect(popup.getByTestId('update-result')).toContainText(/[1-9]\d* failed/);
  const item = popup.locator('li', { hasText: '127.0.0.1' });
  await expect(item.getByTestId('list-error')).toContainText('500');
  await expect(item.getByTestId('entry-count')).toHaveText('3 entries');
  await popup.close();
  const page = await visit(server.url('evil.test'));
  await waitForWarning(page);
  await page.close();
});

test('a restart of the browser with the same profile keeps the list', async () => {
  const profile = ext.profileDir;
  await ext.context.close();
  ext = await launchWithExtension(profile);
  const page = await visit(server.url('evil.test'));
  const warning = await waitForWarning(page);
  expect(warning.text).toContain('96110');
  await page.close();
});
