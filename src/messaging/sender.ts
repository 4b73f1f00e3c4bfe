import type { Runtime } from 'webextension-polyfill';

export type SenderKind =
  | { kind: 'page'; tabId: number; frameId: number; url: string }
  | { kind: 'extension' }
  | { kind: 'refused'; why: string };

/**
 * Who sent a message, decided from what the browser says about the sender, never from
 * the message. Anything not from this extension is refused; a content script is known
 * by its tab, and the URL that counts is the one the browser has for its frame.
 */
export function classifySender(
  sender: Runtime.MessageSender,
  extensionId: string,
  extensionOrigin: string,
): SenderKind {
  if (sender.id !== extensionId) return { kind: 'refused', why: 'foreign extension or web page' };
  const url = sender.url ?? '';
  if (url.startsWith(extensionOrigin)) return { kind: 'extension' };
  const tabId = sender.tab?.id;
  if (tabId === undefined || tabId < 0) return { kind: 'refused', why: 'no tab' };
  const pageUrl = sender.url ?? sender.tab?.url;
  if (!pageUrl || !/^https?:/i.test(pageUrl)) return { kind: 'refused', why: 'not a web page' };
  return { kind: 'page', tabId, frameId: sender.frameId ?? 0, url: pageUrl };
}
