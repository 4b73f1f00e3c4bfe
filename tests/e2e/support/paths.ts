// Where the browsers and the built extension live. Shared by the Chromium (Playwright)
// and Firefox (puppeteer-core over WebDriver BiDi) end-to-end tests.
//
// Browser paths come from the environment so CI images with other layouts can override
// them; the defaults are Debian's packages (no test tool can download its own browser here).
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** Project root: this file is tests/e2e/support/paths.ts. */
export const PROJECT_ROOT: string = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export const CHROMIUM_PATH: string = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const FIREFOX_PATH: string = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';

/** `wxt build` output (Chrome MV3). */
export const CHROME_EXT_DIR: string = path.join(PROJECT_ROOT, '.output/chrome-mv3');
/** `wxt build -b firefox` output (Firefox MV2 is WXT's default for Firefox). */
export const FIREFOX_EXT_DIR: string = path.join(PROJECT_ROOT, '.output/firefox-mv2');

/**
 * Must equal `browser_specific_settings.gecko.id` in wxt.config.ts (GECKO_ID). Duplicated
 * rather than imported: importing wxt.config.ts would pull WXT and Vite into every test run.
 */
export const FIREFOX_GECKO_ID = 'fraud-sentry@fraudsentry.example';

/**
 * Chromium as root in a container, quiet and offline: no sandbox, no background traffic,
 * and every host name mapped to the local test server. Shared by the tests, the demo and
 * the benchmark.
 */
export const CHROMIUM_QUIET_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP * 127.0.0.1, EXCLUDE localhost',
];
