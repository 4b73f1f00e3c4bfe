import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHROME_EXT_DIR, CHROMIUM_PATH, CHROMIUM_QUIET_ARGS } from '../support/paths';

export interface LaunchedExtension {
  context: BrowserContext;
  extensionId: string;
  profileDir: string;
  popupUrl: string;
  settingsUrl: string;
}

/** Starts Chromium with the built extension, quiet and offline; every host name maps to 127.0.0.1. */
export async function launchWithExtension(
  profileDir = mkdtempSync(path.join(tmpdir(), 'fs-chromium-')),
  locale = 'en-US',
  headless = true,
  extraArgs: string[] = [],
): Promise<LaunchedExtension> {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless,
    // chrome.i18n follows the browser's UI language, which on Linux comes from LANGUAGE.
    env: { ...process.env, LANGUAGE: locale.replace('-', '_') },
    locale,
    args: [
      `--disable-extensions-except=${CHROME_EXT_DIR}`,
      `--load-extension=${CHROME_EXT_DIR}`,
      `--lang=${locale}`,
      ...CHROMIUM_QUIET_ARGS,
      ...extraArgs,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    profileDir,
    popupUrl: `chrome-extension://${extensionId}/popup.html`,
    settingsUrl: `chrome-extension://${extensionId}/options.html`,
  };
}

export async function openPopup(ext: LaunchedExtension): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(ext.popupUrl);
  await page
    .getByText(/Protection is|防护/)
    .first()
    .waitFor();
  return page;
}

/** The settings page (lists, subscriptions, own blocks, trusted sites) in a tab, once its lists show. */
export async function openSettings(ext: LaunchedExtension): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(ext.settingsUrl);
  await page.getByTestId('lists').waitFor({ timeout: 60_000 });
  return page;
}

/** The browser's id for the tab a page is in (what the popup asks the background about). */
export async function tabIdOf(ext: LaunchedExtension, page: Page): Promise<number> {
  const worker = ext.context.serviceWorkers()[0]!;
  const url = page.url();
  const id = await worker.evaluate(async (u) => {
    const api = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
    return (await api.tabs.query({})).find((tab) => tab.url === u)?.id ?? null;
  }, url);
  if (id === null) throw new Error(`No tab shows ${url}`);
  return id;
}

/** The popup opened as a page about another tab (the toolbar popup asks about the active tab). */
export async function openPopupFor(ext: LaunchedExtension, page: Page): Promise<Page> {
  const tabId = await tabIdOf(ext, page);
  const popup = await ext.context.newPage();
  await popup.goto(`${ext.popupUrl}?tabId=${tabId}`);
  await popup.getByTestId('site-card').waitFor({ timeout: 60_000 });
  return popup;
}
