import type { Runtime } from 'webextension-polyfill';

export type SenderKind =
  | { kind: 'page'; tabId: number; frameId: number; url: string }
  /** An extension page; `tabId` when it is shown in a tab's top frame (the warning page). */
  | { kind: 'extension'; tabId: number | null }
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
  if (url.startsWith(extensionOrigin)) {
    const inTab = sender.tab?.id !== undefined && sender.tab.id >= 0 && (sender.frameId ?? 0) === 0;
    return { kind: 'extension', tabId: inTab ? (sender.tab?.id ?? null) : null };
  }
  const tabId = sender.tab?.id;
  if (tabId === undefined || tabId < 0) return { kind: 'refused', why: 'no tab' };
  const pageUrl = sender.url ?? sender.tab?.url;
  if (!pageUrl || !/^https?:/i.test(pageUrl)) return { kind: 'refused', why: 'not a web page' };
  return { kind: 'page', tabId, frameId: sender.frameId ?? 0, url: pageUrl };
}
