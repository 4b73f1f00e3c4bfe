import type { browser } from 'wxt/browser';

/**
 * The browser's own extension API, without webextension-polyfill. What the content script
 * and the extension's pages use of it (runtime.sendMessage, getURL, id, onMessage without
 * replies, i18n) is the same in Firefox's `browser` and Chrome MV3's `chrome`, Promises
 * included. The polyfill would add ~10 kB to the content script, which every frame of every
 * page parses at document_start, and in Chrome it wraps each namespace on first use
 * (docs/bench.md, "Page-load overhead"). The background keeps the polyfill (WXT's module).
 */
export function extensionApi(): typeof browser {
  const g = globalThis as { browser?: typeof browser; chrome?: typeof browser };
  const api = g.browser?.runtime?.id ? g.browser : g.chrome;
  if (!api) throw new Error('No extension API here');
  return api;
}
