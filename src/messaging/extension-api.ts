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
  if (!API) throw new Error('No extension API here');
  return API;
}

/**
 * Looked up once, when the module is evaluated: in a content script that is at
 * document_start, before the page has any markup. A lookup at each call would let a
 * hostile page answer it: named elements (`<form id="browser"><input name="runtime">`)
 * appear as window properties (DOM clobbering) wherever no real global of that name exists.
 */
const API = pick();

function pick(): typeof browser | undefined {
  const g = globalThis as { browser?: typeof browser; chrome?: typeof browser };
  for (const api of [g.browser, g.chrome]) {
    // A real namespace has functions where an element would have elements or nothing.
    if (typeof api?.runtime?.sendMessage === 'function' && typeof api.runtime.id === 'string') return api;
  }
  return undefined;
}
