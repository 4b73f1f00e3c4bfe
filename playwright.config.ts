import { defineConfig } from '@playwright/test';

// Chromium end-to-end tests: the real built extension in Debian's Chromium (or
// CHROMIUM_PATH). Firefox runs through puppeteer-core over WebDriver BiDi instead
// (tests/e2e/firefox), because Playwright needs its own patched Firefox build.
//
// Two projects: `e2e` is part of `npm test`; `slow` (`npm run test:slow`, also run by CI)
// holds the runs that take minutes each because they wait for Chromium to install the
// before-load rules of a 400,000-domain subscription (the fault tests around that install),
// and the smoke run of the benchmark. Named here, in one place, by title or file.
const SLOW_TITLES = [
  /before-load rules are being installed: the next start installs them again/,
  /before its before-load install was noted/,
];
const SLOW_FILES = ['bench-smoke.spec.ts'];

export default defineConfig({
  testDir: 'tests/e2e/chromium',
  workers: 1,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  retries: 0,
  // Its own folder: Playwright empties it at start, and test-results/ also holds the unit
  // and Firefox results that scripts/security-report.ts reads.
  outputDir: 'test-results/playwright-artifacts',
  projects: [
    { name: 'e2e', testIgnore: SLOW_FILES, grepInvert: SLOW_TITLES },
    { name: 'slow', testMatch: SLOW_FILES },
    { name: 'slow', testIgnore: SLOW_FILES, grep: SLOW_TITLES },
  ],
});
