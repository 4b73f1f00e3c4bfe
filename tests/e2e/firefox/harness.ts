// Firefox end-to-end harness: Debian's firefox-esr driven by puppeteer-core over WebDriver
// BiDi (Playwright needs its own patched Firefox; geckodriver is not available here).
//
// What it gives the tests:
//  - launchFirefox(): headless Firefox, test host names resolved to 127.0.0.1, the extension
//    installed as a temporary add-on with a PINNED moz-extension UUID (so its URLs and its
//    IndexedDB/storage origin are the same on every launch);
//  - restart support with a persistent profile (relaunchFirefox);
//  - openExtensionPage(): opens the extension's own pages (popup.html, …) in a tab with the
//    real code running, although BiDi refuses to navigate to moz-extension:// itself;
//  - closed-shadow-root helpers (shadowText, clickInShadow, …) with trusted input.
import { randomUUID } from 'node:crypto';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Frame, type KeyInput, type Page, type Target } from 'puppeteer-core';
import { FIREFOX_GECKO_ID, FIREFOX_PATH } from '../support/paths.ts';

/** Fixed so tests can build moz-extension:// URLs and so a reinstall reuses the same storage. */
export const DEFAULT_EXTENSION_UUID = '5e4f1a2b-0c3d-4e5f-8a6b-7c8d9e0f1a2b';

export interface LaunchFirefoxOptions {
  /** Unpacked extension directory (e.g. .output/firefox-mv2). Omit to launch without one. */
  extensionDir?: string;
  /** Host names to resolve to 127.0.0.1, e.g. ['evil.test', 'sub.evil.test']. No wildcards. */
  hosts: string[];
  /**
   * Persistent profile directory (created if missing). Omit for a throw-away profile that
   * puppeteer deletes on close. Needed for restart tests.
   */
  profileDir?: string;
  /** Defaults to the gecko id in extensionDir/manifest.json, then FIREFOX_GECKO_ID. */
  geckoId?: string;
  /** moz-extension UUID to pin. Default DEFAULT_EXTENSION_UUID. */
  uuid?: string;
  /** Extra Firefox prefs; they win over the harness defaults. */
  prefs?: Record<string, string | number | boolean>;
  /** Default true; `npm start` opens a visible window when there is a display. */
  headless?: boolean;
  /** Launch timeout, default 30 s (a cold start on a busy 2-core machine can take >10 s). */
  timeoutMs?: number;
  /**
   * Firefox set to "never remember history" (permanent private browsing), with the
   * extension and the page opener allowed in private windows, as a user would allow them.
   * Needs profileDir: the permission is written there before Firefox starts.
   */
  privateBrowsing?: boolean;
}

/** The page opener's add-on id when it must be known before launch (private browsing). */
const PRIVATE_OPENER_ID = 'fs-e2e-opener-private@test.invalid';

export interface FirefoxSession {
  browser: Browser;
  /** The options used, with defaults filled in; relaunchFirefox reuses them. */
  options: Required<
    Omit<LaunchFirefoxOptions, 'extensionDir' | 'profileDir' | 'prefs' | 'headless' | 'privateBrowsing'>
  > &
    Pick<LaunchFirefoxOptions, 'extensionDir' | 'profileDir' | 'prefs' | 'headless' | 'privateBrowsing'>;
  /** The add-on id returned by webExtension.install (the gecko id), or null without extension. */
  extensionId: string | null;
  /** `moz-extension://UUID` */
  extensionOrigin: string;
  /** `moz-extension://UUID/PATH` */
  extensionUrl(pathInExtension: string): string;
  /** Closes the browser. A persistent profileDir is kept. */
  close(): Promise<void>;
}

async function readGeckoId(extensionDir: string): Promise<string | undefined> {
  try {
    const manifest: unknown = JSON.parse(await readFile(path.join(extensionDir, 'manifest.json'), 'utf8'));
    // Narrow by hand rather than trusting the shape: MV2 and MV3 both use this key.
    const bss = (manifest as { browser_specific_settings?: { gecko?: { id?: unknown } } }).browser_specific_settings;
    return typeof bss?.gecko?.id === 'string' ? bss.gecko.id : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Launch headless Firefox and install the extension as a temporary add-on.
 *
 * Temporary add-ons do not survive a restart (Firefox drops them at shutdown), so
 * relaunchFirefox() installs it again; the pinned UUID plus keepStorageOnUninstall make
 * the reinstalled add-on see the same IndexedDB and storage.local data.
 */
export async function launchFirefox(opts: LaunchFirefoxOptions): Promise<FirefoxSession> {
  const geckoId = opts.geckoId ?? (opts.extensionDir && (await readGeckoId(opts.extensionDir))) ?? FIREFOX_GECKO_ID;
  const uuid = opts.uuid ?? DEFAULT_EXTENSION_UUID;
  const timeoutMs = opts.timeoutMs ?? 30_000;
  if (opts.profileDir) await mkdir(opts.profileDir, { recursive: true });
  if (opts.privateBrowsing) {
    if (!opts.profileDir) throw new Error('privateBrowsing needs a profileDir');
    // What "Run in Private Windows: Allow" in about:addons stores; read at start-up.
    const allowed = { permissions: ['internal:privateBrowsingAllowed'], origins: [] };
    await writeFile(
      path.join(opts.profileDir, 'extension-preferences.json'),
      JSON.stringify({ [geckoId]: allowed, [PRIVATE_OPENER_ID]: allowed }),
    );
  }

  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: opts.headless ?? true,
    timeout: timeoutMs,
    ...(opts.profileDir ? { userDataDir: opts.profileDir } : {}),
    extraPrefsFirefox: {
      // Firefox's counterpart of Chromium's --host-resolver-rules: these names resolve to
      // loopback. Exact names only: list every subdomain a test visits.
      'network.dns.localDomains': opts.hosts.join(','),
      // Pin the moz-extension UUID (normally random per profile).
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
      // Keep IndexedDB / storage.local / UUID when the add-on is uninstalled (explicit
      // uninstallExtension + reinstall in a test). A restart alone kept the data in Firefox
      // ESR 153 even without these (temporary add-ons are dropped at shutdown without the
      // data wipe); they make that independent of Firefox's internals.
      'extensions.webextensions.keepStorageOnUninstall': true,
      'extensions.webextensions.keepUuidOnUninstall': true,
      // Keep the test hosts on plain http (no HTTPS-first upgrade attempts, no DoH).
      'dom.security.https_first': false,
      'dom.security.https_first_pbm': false,
      'network.trr.mode': 5,
      // No first-run / what's-new tabs competing with the test's tabs.
      'browser.startup.homepage_override.mstone': 'ignore',
      'browser.aboutwelcome.enabled': false,
      ...(opts.privateBrowsing ? { 'browser.privatebrowsing.autostart': true } : {}),
      ...opts.prefs,
    },
  });

  let extensionId: string | null = null;
  try {
    if (opts.extensionDir) extensionId = await browser.installExtension(opts.extensionDir);
  } catch (err) {
    await browser.close();
    throw err;
  }

  const extensionOrigin = `moz-extension://${uuid}`;
  return {
    browser,
    options: { ...opts, geckoId, uuid, timeoutMs, hosts: opts.hosts },
    extensionId,
    extensionOrigin,
    extensionUrl: (p) => `${extensionOrigin}/${p.replace(/^\//, '')}`,
    close: () => browser.close(),
  };
}

/**
 * Close and launch again with the same profile and options (installing the extension again,
 * because a temporary add-on is gone after a restart). Requires options.profileDir.
 */
export async function relaunchFirefox(session: FirefoxSession): Promise<FirefoxSession> {
  if (!session.options.profileDir) throw new Error('relaunchFirefox needs a session launched with profileDir');
  await session.close();
  return launchFirefox(session.options);
}

/** A fresh persistent profile directory under the OS temp dir; remove it with removeProfile. */
export async function makeProfileDir(prefix = 'fs-e2e-profile-'): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix));
}

export async function removeProfile(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** The first open tab, or a new one. */
export async function firstPage(browser: Browser): Promise<Page> {
  return (await browser.pages())[0] ?? (await browser.newPage());
}

// ---------------------------------------------------------------------------------------
// Extension pages (popup.html, options, …)
// ---------------------------------------------------------------------------------------

/**
 * Opens `url` in `page` where the extension is expected to stop it: redirected to the
 * warning page, or covered in the page before it finishes loading. Firefox then reports no
 * DOMContentLoaded over BiDi, so waiting for it would only run into puppeteer's 30 s
 * timeout; the caller waits for the warning itself.
 */
export async function gotoStopped(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 3_000 }).catch(() => undefined);
}

/**
 * Open one of the extension's pages in a new tab, running its real code, and return the Page.
 *
 * Why this route: BiDi refuses `browsingContext.navigate` to any moz-extension:// URL
 * ("Navigation ... is not allowed in this context"), and to about:addons. But a tab that an
 * EXTENSION opens with tabs.create() is an ordinary browsing context that BiDi can script and
 * click in, even when the URL belongs to a different extension and is not web-accessible.
 * So the harness installs a tiny, generated "opener" add-on whose background page does
 * tabs.create(url) once, waits for the tab, and uninstalls the opener again. The product
 * needs nothing test-only for this.
 *
 * `pathOrUrl`: 'popup.html' (resolved against the session's pinned UUID) or a full URL.
 *
 * Pitfall: puppeteer never sees the moz-extension navigation, so page.url() stays
 * 'about:blank'; use `page.evaluate(() => location.href)`. Selectors, click(), keyboard and
 * evaluate work normally.
 */
export async function openExtensionPage(session: FirefoxSession, pathOrUrl: string, timeoutMs = 15_000): Promise<Page> {
  const url = pathOrUrl.startsWith('moz-extension://') ? pathOrUrl : session.extensionUrl(pathOrUrl);
  const { browser } = session;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'fs-e2e-opener-'));
  // In private browsing the opener must be the one allowed there before launch; it stays
  // installed (uninstalling would drop that permission) and reinstalling it opens the page.
  const privateBrowsing = session.options.privateBrowsing === true;
  const openerId = privateBrowsing ? PRIVATE_OPENER_ID : `fs-e2e-opener-${randomUUID()}@test.invalid`;
  await writeFile(
    path.join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 2,
      name: 'e2e opener',
      version: '1.0',
      browser_specific_settings: { gecko: { id: openerId } },
      permissions: ['tabs'],
      background: { scripts: ['background.js'] },
    }),
  );
  // Runs once when the add-on starts; JSON.stringify makes the URL a safe JS string literal.
  await writeFile(path.join(dir, 'background.js'), `browser.tabs.create({ url: ${JSON.stringify(url)} });\n`);

  const knownTargets = new Set(browser.targets());
  const created = browser.waitForTarget((t: Target) => t.type() === 'page' && !knownTargets.has(t), {
    timeout: timeoutMs,
  });
  // If installExtension throws first, `created` rejects later with nobody awaiting it.
  created.catch(() => undefined);
  let installedId: string | undefined;
  try {
    installedId = await browser.installExtension(dir);
    const target = await created;
    const page = await target.page();
    if (!page) throw new Error('openExtensionPage: new target has no page');
    // Node's URL gives moz-extension URLs an opaque origin ('null'): compare the prefix.
    const origin = /^moz-extension:\/\/[^/]+/.exec(url)?.[0] ?? url;
    // The tab starts as about:blank; wait until the extension page itself has loaded.
    // Not page.waitForFunction: its poller is installed in the about:blank realm, and as
    // puppeteer never hears of the moz-extension navigation it is never re-armed (times out).
    // A fresh evaluate per poll always targets the tab's current realm.
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const state = await page.evaluate(() => `${location.origin} ${document.readyState}`).catch(() => 'navigating');
      if (state === `${origin} complete`) return page;
      if (Date.now() > deadline) throw new Error(`openExtensionPage: ${url} did not load (last state: ${state})`);
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    // Removing the opener does not close the tab: the tab shows the other extension's page.
    if (installedId && !privateBrowsing) await browser.uninstallExtension(installedId).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------
// Closed shadow roots
// ---------------------------------------------------------------------------------------
//
// Page JS cannot reach a closed shadow root (host.shadowRoot is null), so puppeteer's
// `pierce/` and `>>>` selectors find nothing inside it (checked in Firefox). WebDriver BiDi
// can: serialising the host element yields `value.shadowRoot.sharedId` even for mode
// 'closed', and that sharedId can be passed back as an argument to script.callFunction.
// puppeteer has no public API for this, so we talk BiDi through its connection.
//
// The code runs in a BiDi sandbox (an isolated world) so a hostile test page cannot fake
// results by patching DOM prototypes.

/** The slice of puppeteer's (internal, untyped) BiDi connection we use. */
interface BidiConnectionLike {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

interface BidiEvaluateResult {
  type: 'success' | 'exception';
  result?: { type: string; value?: unknown; sharedId?: string };
  exceptionDetails?: { text?: string };
}

function bidiConnection(page: Page): BidiConnectionLike {
  // `Browser.connection` exists on puppeteer's BidiBrowser but is not in its public types.
  const conn = (page.browser() as unknown as { connection?: BidiConnectionLike }).connection;
  if (!conn || typeof conn.send !== 'function')
    throw new Error('shadow helpers need a WebDriver BiDi browser (Firefox)');
  return conn;
}

function contextId(frame: Frame): string {
  // Frame._id is the BiDi browsing-context id (internal in puppeteer's typings).
  const id = (frame as unknown as { _id?: unknown })._id;
  if (typeof id !== 'string') throw new Error('cannot find the BiDi browsing context of this frame');
  return id;
}

const SANDBOX = 'fs-e2e-shadow';

async function callFunction(
  page: Page,
  frame: Frame,
  functionDeclaration: string,
  args: object[],
  serializationOptions: object,
): Promise<BidiEvaluateResult> {
  const { result } = await bidiConnection(page).send('script.callFunction', {
    functionDeclaration,
    target: { context: contextId(frame), sandbox: SANDBOX },
    arguments: args,
    awaitPromise: true,
    resultOwnership: 'none',
    serializationOptions,
  });
  const r = result as BidiEvaluateResult;
  if (r.type === 'exception') throw new Error(`in-page error: ${r.exceptionDetails?.text ?? 'unknown'}`);
  return r;
}

/** sharedId of the (open or closed) shadow root of the first element matching hostSelector, or null. */
async function shadowRootId(page: Page, hostSelector: string, frame: Frame): Promise<string | null> {
  const r = await callFunction(
    page,
    frame,
    '(sel) => document.querySelector(sel)',
    [{ type: 'string', value: hostSelector }],
    { maxDomDepth: 0 },
  );
  const value = r.result?.value as { shadowRoot?: { sharedId?: string } | null } | undefined;
  return value?.shadowRoot?.sharedId ?? null;
}

/**
 * Run `fnSource` — the source text of a function `(root, ...args) => jsonable` — with the
 * closed shadow root as `root`. The function is passed as TEXT on purpose: tsx/esbuild wraps
 * named inner functions of compiled code in `__name(...)`, which does not exist in the page.
 * Returns null when the host or its shadow root is missing.
 */
export async function evalInShadow<T>(
  page: Page,
  hostSelector: string,
  fnSource: string,
  args: (string | number | boolean | null)[] = [],
  frame: Frame = page.mainFrame(),
): Promise<T | null> {
  const rootId = await shadowRootId(page, hostSelector, frame);
  if (!rootId) return null;
  // JSON round-trip keeps BiDi's typed remote-value encoding out of the callers' way.
  const wrapped = `async (root, argsJson) => JSON.stringify(await (${fnSource})(root, ...JSON.parse(argsJson)) ?? null)`;
  const r = await callFunction(
    page,
    frame,
    wrapped,
    [{ sharedId: rootId }, { type: 'string', value: JSON.stringify(args) }],
    {},
  );
  return typeof r.result?.value === 'string' ? (JSON.parse(r.result.value) as T) : null;
}

/**
 * Visible text inside the closed shadow root (innerText of its element children, skipping
 * <style>/<script>), whitespace-collapsed. Null if there is no such host/shadow root.
 */
export async function shadowText(page: Page, hostSelector: string, frame?: Frame): Promise<string | null> {
  return evalInShadow<string>(
    page,
    hostSelector,
    `(root) => Array.from(root.children)
        .filter((el) => el.localName !== 'style' && el.localName !== 'script')
        .map((el) => el.innerText)
        .join('\\n').replace(/[ \\t]+/g, ' ').trim()`,
    [],
    frame,
  );
}

/** Poll until the host exists and its shadow root contains `innerSelector` (default the dialog). */
export async function waitForShadow(
  page: Page,
  hostSelector: string,
  {
    innerSelector = '[role="alertdialog"]',
    timeoutMs = 10_000,
    frame,
  }: { innerSelector?: string; timeoutMs?: number; frame?: Frame } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await evalInShadow<boolean>(
      page,
      hostSelector,
      `(root, s) => root.querySelector(s) !== null`,
      [innerSelector],
      frame,
    ).catch(
      () => null, // navigation in progress: the realm went away; try again.
    );
    if (found) return;
    if (Date.now() > deadline)
      throw new Error(`waitForShadow: no ${innerSelector} in shadow root of ${hostSelector} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Finds a button (or role=button / link) whose trimmed text or aria-label equals
 * `buttonText` (then: contains it) inside the closed shadow root, scrolls it into view and
 * returns its centre in viewport CSS pixels.
 */
async function shadowButtonCenter(
  page: Page,
  hostSelector: string,
  buttonText: string,
  frame?: Frame,
): Promise<{ x: number; y: number }> {
  const point = await evalInShadow<{ x: number; y: number } | { error: string }>(
    page,
    hostSelector,
    `(root, text) => {
      const all = Array.from(root.querySelectorAll('button, [role="button"], a[href], input[type="button"], input[type="submit"]'));
      const label = (el) => (el.getAttribute('aria-label') || el.textContent || el.value || '').replace(/\\s+/g, ' ').trim();
      const el = all.find((e) => label(e) === text) || all.find((e) => label(e).includes(text));
      if (!el) return { error: 'no button "' + text + '"; buttons: ' + JSON.stringify(all.map(label)) };
      el.scrollIntoView({ block: 'center', inline: 'center' });
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) return { error: 'button "' + text + '" is not visible' };
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }`,
    [buttonText],
    frame,
  );
  if (!point) throw new Error(`clickInShadow: no shadow root on ${hostSelector}`);
  if ('error' in point) throw new Error(`clickInShadow: ${point.error}`);
  return point;
}

/**
 * A REAL click (isTrusted === true) on a button inside the closed shadow root: puppeteer's
 * mouse goes through BiDi input.performActions, i.e. the same path as a user's click. A JS
 * element.click() would be untrusted, and the extension ignores untrusted events.
 * Only for hosts in the top-level document (coordinates are viewport-relative).
 */
export async function clickInShadow(page: Page, hostSelector: string, buttonText: string): Promise<void> {
  const { x, y } = await shadowButtonCenter(page, hostSelector, buttonText);
  await page.mouse.click(x, y);
}

/** Press a key `times` times, as the user would. */
export async function pressKey(page: Page, key: KeyInput, times = 1): Promise<void> {
  // Trusted keyboard input (input.performActions) to whatever has focus: e.g. 'Escape' to
  // dismiss the dialog, 'Tab' / 'Enter' to operate it without a mouse.
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
}

/** Text of the element focused inside the shadow root (root.activeElement), or null. */
export async function shadowFocusedText(page: Page, hostSelector: string): Promise<string | null> {
  return evalInShadow<string | null>(
    page,
    hostSelector,
    `(root) => root.activeElement ? (root.activeElement.getAttribute('aria-label') || root.activeElement.textContent || '').trim() : null`,
  );
}
