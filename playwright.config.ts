import { defineConfig } from '@playwright/test';

// Chromium end-to-end tests: the real built extension in Debian's Chromium (or
// CHROMIUM_PATH). Firefox runs through puppeteer-core over WebDriver BiDi instead
// (tests/e2e/firefox), because Playwright needs its own patched Firefox build.
export default defineConfig({
  testDir: 'tests/e2e/chromium',
  workers: 1,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  retries: 0,
  // Its own folder: Playwright empties it at start, and test-results/ also holds the unit
  // and Firefox results that scripts/security-report.ts reads.
  outputDir: 'test-results/playwright-artifacts',
});
