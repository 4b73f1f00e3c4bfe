import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { CHROME_EXT_DIR, FIREFOX_EXT_DIR } from '../support/paths';

// The built packages, as users install them (so this runs after `npm run build`): the
// permissions are the ones the README explains, web pages cannot reach the extension, the
// extension's pages run only its own code, and no bundle can evaluate a string as code.

const PACKAGES = { chrome: CHROME_EXT_DIR, firefox: FIREFOX_EXT_DIR } as const;
const STRICT_CSP = "script-src 'self'; object-src 'none'; base-uri 'none'";

/** Each permission and why; the README's Permissions table says the same. */
const EXPECTED_PERMISSIONS = {
  chrome: ['alarms', 'declarativeNetRequestWithHostAccess', 'storage', 'tabs', 'unlimitedStorage', 'webRequest'],
  firefox: [
    'alarms',
    'http://*/*',
    'https://*/*',
    'storage',
    'tabs',
    'unlimitedStorage',
    'webRequest',
    'webRequestBlocking',
  ],
};

function manifest(dir: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
}

function scripts(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return scripts(full);
    return name.endsWith('.js') || name.endsWith('.html') ? [full] : [];
  });
}

for (const [browser, dir] of Object.entries(PACKAGES) as [keyof typeof PACKAGES, string][]) {
  test(`[privacy] ${browser}: the smallest permissions, no door for web pages, a strict CSP, no eval or remote code`, () => {
    const m = manifest(dir);
    expect([...(m.permissions as string[])].sort()).toEqual(EXPECTED_PERMISSIONS[browser]);
    expect(m.optional_permissions ?? []).toEqual([]);
    if (browser === 'chrome') expect(m.host_permissions).toEqual(['http://*/*', 'https://*/*']);
    // No web page and no other extension may message the extension.
    expect(m).not.toHaveProperty('externally_connectable');
    const csp =
      browser === 'chrome'
        ? (m.content_security_policy as { extension_pages: string }).extension_pages
        : m.content_security_policy;
    expect(csp).toBe(STRICT_CSP);
    // Web pages may load only the warning page (a before-load redirect must reach it).
    const war = m.web_accessible_resources as (string | { resources: string[] })[];
    expect(war.flatMap((w) => (typeof w === 'string' ? [w] : w.resources))).toEqual(['warning.html']);

    const files = scripts(dir);
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) {
      const code = readFileSync(file, 'utf8');
      const where = path.relative(dir, file);
      expect(code, where).not.toMatch(/\beval\s*\(|new\s+Function\s*\(|setTimeout\s*\(\s*["'`]/);
      // Every script the pages load is the package's own.
      expect(code, where).not.toMatch(/<script[^>]+src=["']?(https?:)?\/\//i);
      expect(code, where).not.toMatch(/importScripts\s*\(\s*["'`]https?:/);
    }
  });
}

test('a settings page (options_ui, in a tab) in both packages; Firefox declares Android support', () => {
  for (const dir of Object.values(PACKAGES)) {
    expect(manifest(dir).options_ui).toEqual({ page: 'options.html', open_in_tab: true });
  }
  const gecko = manifest(PACKAGES.firefox).browser_specific_settings as Record<string, { strict_min_version?: string }>;
  expect(gecko.gecko_android?.strict_min_version).toMatch(/^\d+\.0$/);
});
