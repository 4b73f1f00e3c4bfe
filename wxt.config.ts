import { defineConfig } from 'wxt';
import { compileBundledRulesets, extensionIdFromKey, type CompiledRulesets } from './scripts/static-rulesets';

// Gecko id is fixed so Firefox keeps the same storage across updates and tests can pin the UUID.
export const GECKO_ID = 'fraud-sentry@fraudsentry.example';

/**
 * Chrome: the public half of the extension's signing key. It fixes the extension's id,
 * which the static rulesets' redirects need at build time (scripts/static-rulesets.ts).
 * A store release puts its store item's public key here, so the id is the store item's;
 * the Chrome Web Store refuses an upload whose manifest has `key`, so the zip sent there
 * must leave the field out (the store signs it with that same key).
 */
export const CHROME_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAtZkthkojEyLsiC2x3vO3CU1QU3vgB1dnMHiAFgeprhLNiTX7jArY5FKK+KdgF9OHKdxkafw3+oEjqdth9j5UJSVqY1tGwhKxO7y+ZXWjQscFpqiC44TB0hI/cnGnLQIfTnXK8nxOTmHiVA7okjD3NRD9A/X61Y7a9ikePPcFlK88alKi6fj1CvIBDmM+whaxce4DZyvKaAgs4GJtQ1YIdqvdR/zgNw0DIDU1milJCzNJck19VbPSlFg0o2NOue6BF9lnuo51ZjOfMUtHJNjqnbzpc3Of2iZ7K2XBfSHDq8u7rTp13Oc/5Tgu4fPIxxZYD7ig5jugt5niYFO9ZIf5LwIDAQAB';

/** Compiled once a build, by the first hook that needs it (Chrome only). */
let rulesets: CompiledRulesets | null = null;
function bundledRulesets(root: string): CompiledRulesets {
  rulesets ??= compileBundledRulesets(root, extensionIdFromKey(CHROME_PUBLIC_KEY));
  return rulesets;
}

/** Only the extension's own scripts run in its pages: no eval, no remote code, no plugins. */
const EXTENSION_PAGES_CSP = "script-src 'self'; object-src 'none'; base-uri 'none'";

/**
 * The warning page's first script (entrypoints/warning-check.ts, built on its own as a
 * classic script) goes into warning.html after Vite has bundled the page: Vite would only
 * warn that it cannot bundle a classic script. Async: it neither waits for nor holds up the
 * parser, and sends the page's question to the background while the page's module loads.
 */
function warningCheckScript() {
  return {
    name: 'fraud-sentry:warning-check-script',
    transformIndexHtml: {
      order: 'post' as const,
      handler: (_html: string, ctx: { filename: string }) =>
        /[\\/]warning[\\/]index\.html$/.test(ctx.filename)
          ? [{ tag: 'script', attrs: { src: '/warning-check.js', async: true }, injectTo: 'head' as const }]
          : [],
    },
  };
}

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  outDir: '.output',
  zip: {
    artifactTemplate: '{{name}}-{{version}}-{{browser}}-{{manifestVersion}}.zip',
    excludeSources: ['.output/**', 'test-results/**', 'playwright-report/**', 'bench/**', 'docs/screenshots/**'],
  },
  hooks: {
    // Chrome: the bundled lists as static rulesets (files and manifest entries).
    'build:publicAssets': (wxt, files) => {
      if (wxt.config.browser === 'firefox') return;
      const compiled = bundledRulesets(wxt.config.root);
      files.push(...compiled.files);
      const mb = compiled.files.reduce((n, f) => n + f.contents.length, 0) / 1e6;
      wxt.logger.info(
        `Static rulesets: ${compiled.files.length} lists, ${compiled.domains} domains, ` +
          `${mb.toFixed(1)} MB, compiled in ${compiled.ms.toFixed(0)} ms`,
      );
    },
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.browser === 'firefox') return;
      manifest.declarative_net_request = { rule_resources: bundledRulesets(wxt.config.root).ruleResources };
    },
  },
  vite: () => ({
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    plugins: [warningCheckScript()],
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    // entrypoints/page-guard.ts (an unlisted script, see there for why). WXT adds the MAIN-world
    // monitor (entrypoints/page-monitor.content.ts, Chrome only) after this one.
    content_scripts: [
      { matches: ['http://*/*', 'https://*/*'], run_at: 'document_start', all_frames: true, js: ['page-guard.js'] },
    ],
    description: '__MSG_extDescription__',
    default_locale: 'en',
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox'
      ? {
          // MV2: host permissions live in `permissions`; webRequestBlocking decides before load.
          permissions: [
            'storage',
            'unlimitedStorage',
            'alarms',
            'tabs',
            'webRequest',
            'webRequestBlocking',
            'http://*/*',
            'https://*/*',
          ],
          web_accessible_resources: ['warning.html'],
          content_security_policy: EXTENSION_PAGES_CSP,
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android runs extensions, and most fraud reaches people on their phones.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {
          key: CHROME_PUBLIC_KEY,
          permissions: [
            'storage',
            'unlimitedStorage',
            'alarms',
            'tabs',
            'declarativeNetRequestWithHostAccess',
            'webRequest',
          ],
          host_permissions: ['http://*/*', 'https://*/*'],
          content_security_policy: { extension_pages: EXTENSION_PAGES_CSP },
          // Before-load redirects may only lead to a page the web can reach.
          web_accessible_resources: [{ resources: ['warning.html'], matches: ['http://*/*', 'https://*/*'] }],
        }),
  }),
});
