import type { Runtime } from 'webextension-polyfill';
import {
  isMessage,
  PAGE_MESSAGES,
  type Message,
  type MessageType,
  type Reply,
  type TabSite,
  type Response,
} from '../model/protocol';
import { helpPath } from '../messaging/help-path';
import { classifySender, type SenderKind } from '../messaging/sender';
import type { SentryService } from './service';
import { UserError } from './service';

export interface TabActions {
  goBack(tabId: number): Promise<void>;
  navigate(tabId: number, url: string): Promise<void>;
  openExtensionPage(path: string): Promise<void>;
  /** The address the browser has for a tab (the active tab of the focused window without an id). */
  tabUrl(tabId?: number): Promise<string | null>;
}

export interface HandlerContext {
  service: SentryService;
  extensionId: string;
  /** e.g. "chrome-extension://abc/"; messages from pages under it are the extension's own. */
  extensionOrigin: string;
  tabs: TabActions;
}

/**
 * The one entry point for messages. Kept free of browser globals so unit tests call it
 * directly with crafted senders.
 */
export async function handleMessage(
  message: unknown,
  sender: Runtime.MessageSender,
  ctx: HandlerContext,
): Promise<Reply<MessageType>> {
  const from = classifySender(sender, ctx.extensionId, ctx.extensionOrigin);
  if (from.kind === 'refused') return refuse(`Refused: ${from.why}`);
  if (!isMessage(message)) return refuse('Refused: unknown message');
  // A web page's context may only ask about itself; lists and settings belong to the extension's pages.
  if (from.kind === 'page' && !PAGE_MESSAGES.has(message.type)) return refuse('Refused: not allowed from a web page');
  if (from.kind === 'extension' && PAGE_MESSAGES.has(message.type) && message.type !== 'page.openSettings') {
    return refuse('Refused: page messages come from content scripts');
  }
  try {
    return { ok: true, value: await dispatch(message, from, ctx) };
  } catch (error) {
    if (error instanceof UserError) return { ok: false, error: error.message, code: error.code };
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

function refuse(error: string): Reply<MessageType> {
  return { ok: false, error, code: 'refused' };
}

async function dispatch(message: Message, from: SenderKind, ctx: HandlerContext): Promise<Response<MessageType>> {
  const { service } = ctx;
  const page = from.kind === 'page' ? from : null;
  switch (message.type) {
    case 'page.check': {
      const p = needPage(page);
      // A single-page site may have moved to another path of its own (history.pushState).
      return service.verdictForPage(p.url, p.tabId, sameOriginUrl(p.url, message.data.url));
    }
    case 'page.proceed': {
      const p = needTopFrame(page);
      await service.proceed(sameOriginUrl(p.url, message.data.url) ?? p.url, p.tabId, message.data.always === true);
      return { reload: true };
    }
    case 'page.leave': {
      const p = needTopFrame(page);
      service.forgetRedirect(p.tabId);
      try {
        await ctx.tabs.goBack(p.tabId);
      } catch {
        // Opened in a new tab, nothing to go back to: leave for a blank page instead.
        await ctx.tabs.navigate(p.tabId, 'about:blank');
      }
      return { left: true };
    }
    case 'page.heuristic': {
      const p = needTopFrame(page);
      return service.heuristicVerdict(p.url, p.tabId, message.data.findings);
    }
    case 'page.sameSite':
      return service.sameSiteAs(needPage(page).url, message.data.hosts);
    case 'page.redirecting': {
      const p = needPage(page);
      // Only the tab's own page leaving counts; a frame navigating itself does not move the tab.
      if (p.frameId !== 0) return { noted: false };
      return service.noteRedirect(p.url, p.tabId, message.data.findings, message.data.targets);
    }
    case 'page.openSettings':
      await ctx.tabs.openExtensionPage('/options.html');
      return { opened: true };
    case 'page.openHelp': {
      const p = needTopFrame(page);
      const topic = message.data.topic === 'paid' ? 'paid' : 'report';
      const listId = typeof message.data.listId === 'string' ? message.data.listId.slice(0, 200) : '';
      await ctx.tabs.openExtensionPage(helpPath(topic, p.url, listId));
      return { opened: true };
    }
    case 'warning.check':
      return service.verdictForWarningPage(text(message.data.url), from.kind === 'extension' ? from.tabId : null);
    case 'warning.proceed': {
      const tabId = needTab(from);
      const url = text(message.data.url);
      // The warning page's address is crafted by whoever linked to it: only a URL this
      // extension blocks can be let through from there.
      const allowed = await service.proceed(url, tabId, message.data.always === true, true);
      if (allowed) await ctx.tabs.navigate(tabId, allowed);
      return { navigated: allowed !== null };
    }
    case 'warning.leave': {
      const tabId = needTab(from);
      try {
        await ctx.tabs.goBack(tabId);
      } catch {
        await ctx.tabs.navigate(tabId, 'about:blank');
      }
      return { left: true };
    }
    case 'status.get':
      return service.status();
    case 'diagnostics.get':
      return service.diagnosticsSnapshot();
    case 'lists.acceptShrink':
      return service.acceptShrunkList(text(message.data.id));
    case 'lists.update':
      return service.updateLists(stringArray(message.data.ids));
    case 'lists.subscribe':
      return service.subscribe(text(message.data.url));
    case 'lists.remove':
      return service.removeList(text(message.data.id));
    case 'lists.setEnabled':
      return service.setListEnabled(text(message.data.id), message.data.enabled !== false);
    case 'sites.block':
      return service.blockSite(text(message.data.site));
    case 'sites.unblock':
      return service.unblockSite(text(message.data.site));
    case 'trusted.remove':
      return service.removeTrusted(text(message.data.site));
    case 'sites.trust':
      return service.trustSite(text(message.data.site));
    case 'tab.site':
      return tabSite(ctx, message.data.tabId);
  }
}

/**
 * The popup's "this site". Only the extension's own pages get here (web pages are refused
 * above), and the address is the one the browser has for the tab. A tab showing the
 * warning page is about the site it stopped, which the page's address carries after '#'.
 */
async function tabSite(ctx: HandlerContext, tabId: unknown): Promise<TabSite> {
  const id = typeof tabId === 'number' && Number.isInteger(tabId) && tabId >= 0 ? tabId : undefined;
  const raw = await ctx.tabs.tabUrl(id).catch(() => null);
  if (!raw) return { kind: 'none' };
  const warningPage = `${ctx.extensionOrigin}warning.html`;
  const onWarningPage = raw.startsWith(warningPage);
  const url = onWarningPage ? raw.slice(raw.indexOf('#') + 1) : raw;
  if (!/^https?:\/\//i.test(url)) return { kind: 'none' };
  const verdict = await ctx.service.siteVerdict(url);
  if (verdict.kind === 'ignored') return { kind: 'none' };
  const userBlocked = verdict.kind === 'blocked' && verdict.reason.listId === 'user';
  return { kind: 'web', url, verdict, userBlocked, onWarningPage };
}

/** The warning page's choices act on the tab it is shown in, known from the sender. */
function needTab(from: SenderKind): number {
  if (from.kind !== 'extension' || from.tabId === null)
    throw new UserError('refused', 'Only the warning page in a tab can ask this');
  return from.tabId;
}

function needPage<T>(page: T | null): T {
  if (!page) throw new UserError('refused', 'Only a web page can ask this');
  return page;
}

/**
 * The warning's choices act on the whole tab (go back, trust the site): only the top
 * frame shows the in-page warning, so a frame has no business sending them.
 */
function needTopFrame<T extends { frameId: number }>(page: T | null): T {
  const p = needPage(page);
  if (p.frameId !== 0) throw new UserError('refused', 'Only the top frame can ask this');
  return p;
}

/**
 * The address a content script reports for its own page, if it is an http(s) URL on the
 * same origin as the one the browser gives for the sender; otherwise null. After
 * history.pushState the browser's sender URL can still be the address the page loaded
 * with; a page can push only same-origin addresses, so nothing else is believed.
 */
export function sameOriginUrl(senderUrl: string, reported: unknown): string | null {
  if (typeof reported !== 'string' || reported.length > 4096) return null;
  try {
    const url = new URL(reported);
    if (!/^https?:$/.test(url.protocol) || url.origin !== new URL(senderUrl).origin) return null;
    return url.href;
  } catch {
    return null;
  }
}

function text(value: unknown): string {
  if (typeof value !== 'string' || value.length > 4096) throw new UserError('badRequest', 'Expected a short text');
  return value;
}

function stringArray(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
    throw new UserError('badRequest', 'Expected a list of ids');
  return value as string[];
}
