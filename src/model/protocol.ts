import type { DiagnosticsSnapshot } from './status';
import type { Verdict } from './verdict';
import type { ListMeta, WarningKind } from './list-meta';
import type { RegistryStatus } from './status';
import type { UpdateProgress, UpdateSummary } from './status';

/** Where a list came from and how it is kept fresh (see the source registry). */
export interface ListOrigin {
  /** The address that served the version in force; null: the copy shipped in the package. */
  servedBy: string | null;
  /** Updates have failed since then (the version in force still protects); null: they work. */
  failingSince: number | null;
  refreshMs: number;
  /** How many addresses (mirrors) the list can be fetched from. */
  addresses: number;
  /** Which of them (1 = the first) served the version in force; null: not one of today's addresses. */
  servedRank: number | null;
  nextUpdate: number;
  homepage: string | null;
  /** A copy ships in the package (false: a rolling list, fetched only). */
  packaged: boolean;
}

export type ListSummary = { heldBack: { entryCount: number } | null; origin: ListOrigin } & Pick<
  ListMeta,
  | 'id'
  | 'name'
  | 'category'
  | 'source'
  | 'url'
  | 'format'
  | 'entryCount'
  | 'lastSuccess'
  | 'lastAttempt'
  | 'lastError'
  | 'stats'
> & { enabled: boolean };

export interface StatusSnapshot {
  protectionOn: boolean;
  /** Where the lists live: 'memory' when IndexedDB could not be opened (bundled lists only). */
  storage: 'indexeddb' | 'memory';
  storageError: string | null;
  entriesInForce: number;
  warningsShown: number;
  /** Warnings shown by list (or detector), most first. */
  warningsByList: { id: string; name: string; count: number }[];
  warningsByKind: Partial<Record<WarningKind, number>>;
  lists: ListSummary[];
  /** The source registry in force and how its last refresh went. */
  registry: RegistryStatus;
  blockedSites: string[];
  trustedSites: string[];
  update: UpdateProgress | null;
  lastUpdate: UpdateSummary | null;
  /** Before-load blocking (Chrome's declarativeNetRequest): domains covered, last error. */
  preload: { domains: number; installing: number; error: string | null } | null;
}

/**
 * Every message, once: its request and its reply. Content scripts may send only the
 * `page.*` messages; the background takes the page from `sender`. The one URL a content
 * script may report is its own address after history.pushState (which the browser's
 * sender URL can lag behind), and it counts only on the sender's own origin.
 */
export interface Protocol {
  'page.check': { request: { url?: string }; response: Verdict };
  /** The user confirmed "Continue anyway": once (this tab, a short while) or always (trusted site). */
  'page.proceed': { request: { always: boolean; url?: string }; response: { reload: boolean } };
  'page.leave': { request: Record<string, never>; response: { left: boolean } };
  'page.openSettings': { request: Record<string, never>; response: { opened: boolean } };
  /** The in-page warning's "Report this site" / "I have already paid": opens the help page for this page. */
  'page.openHelp': { request: { topic: HelpTopic; listId?: string }; response: { opened: boolean } };
  /** The content script's page heuristics found signs of a scam (ids, scores, reasons only). */
  'page.heuristic': {
    request: { findings: { id: string; score: number; reason: string; reasonZh: string }[] };
    response: Verdict;
  };
  /**
   * Which of these hosts share this page's registrable domain. The public-suffix list lives in
   * the background only: it is too big to parse in every page.
   */
  'page.sameSite': { request: { hosts: string[] }; response: { same: string[] } };
  /**
   * Sent synchronously as a cloaking redirect leaves the page (ids, scores, reasons and the
   * hosts navigated to): the page the tab lands on next is warned about where it came from.
   */
  'page.redirecting': {
    request: { findings: { id: string; score: number; reason: string; reasonZh: string }[]; targets: string[] };
    response: { noted: boolean };
  };

  /** From the extension's warning page, which a before-load redirect opened in the tab. */
  'warning.check': { request: { url: string }; response: Verdict };
  'warning.proceed': { request: { url: string; always: boolean }; response: { navigated: boolean } };
  'warning.leave': { request: Record<string, never>; response: { left: boolean } };

  'status.get': { request: Record<string, never>; response: StatusSnapshot };
  /** Timings only (no URLs): for the benchmark and the curious. */
  'diagnostics.get': { request: Record<string, never>; response: DiagnosticsSnapshot };
  'lists.update': { request: { ids?: string[] }; response: UpdateSummary };
  /** Put in force a list download that was held back because it shrank by more than 90 %. */
  'lists.acceptShrink': { request: { id: string }; response: UpdateSummary };
  'lists.subscribe': { request: { url: string }; response: { id: string; summary: UpdateSummary } };
  'lists.remove': { request: { id: string }; response: StatusSnapshot };
  /** Switches a bundled list off (its warnings and before-load rules) or on again. */
  'lists.setEnabled': { request: { id: string; enabled: boolean }; response: StatusSnapshot };
  'sites.block': { request: { site: string }; response: StatusSnapshot };
  'sites.unblock': { request: { site: string }; response: StatusSnapshot };
  'trusted.remove': { request: { site: string }; response: StatusSnapshot };
  'sites.trust': { request: { site: string }; response: StatusSnapshot };
  /** The popup's "this site": the background reads the tab's address itself (the active tab if no id). */
  'tab.site': { request: { tabId?: number }; response: TabSite };
}

export type HelpTopic = 'paid' | 'report';

/** The page in a tab, as the popup shows it. */
export type TabSite =
  | { kind: 'none' }
  /** `onWarningPage`: the tab shows the extension's warning for `url` (it never loaded). */
  | { kind: 'web'; url: string; verdict: Verdict; userBlocked: boolean; onWarningPage: boolean };

export type MessageType = keyof Protocol;
export type Request<K extends MessageType> = Protocol[K]['request'];
export type Response<K extends MessageType> = Protocol[K]['response'];

export type Message = { [K in MessageType]: { type: K; data: Request<K> } }[MessageType];

/** Errors travel as values: a rejected sendMessage loses the reason in some browsers. */
export type Reply<K extends MessageType> =
  { ok: true; value: Response<K> } | { ok: false; error: string; code?: string };

/** What a content script (a web page's context) may send. */
export const PAGE_MESSAGES: ReadonlySet<MessageType> = new Set<MessageType>([
  'page.check',
  'page.proceed',
  'page.leave',
  'page.openSettings',
  'page.openHelp',
  'page.heuristic',
  'page.sameSite',
  'page.redirecting',
]);

const ALL_MESSAGES: ReadonlySet<string> = new Set<MessageType>([
  ...PAGE_MESSAGES,
  'warning.check',
  'warning.proceed',
  'warning.leave',
  'status.get',
  'diagnostics.get',
  'lists.update',
  'lists.acceptShrink',
  'lists.subscribe',
  'lists.remove',
  'lists.setEnabled',
  'sites.block',
  'sites.unblock',
  'trusted.remove',
  'sites.trust',
  'tab.site',
]);

/** Shape check only; each handler validates its own fields. */
export function isMessage(value: unknown): value is Message {
  if (typeof value !== 'object' || value === null) return false;
  const { type, data } = value as { type?: unknown; data?: unknown };
  return typeof type === 'string' && ALL_MESSAGES.has(type) && typeof data === 'object' && data !== null;
}

/**
 * Sent by the background to a tab's top-frame content script: the page there was reached
 * through a cloaking redirect whose report arrived after the page had asked for its verdict
 * (the two come from different processes, in no guaranteed order).
 */
export interface RedirectWarningPush {
  type: 'redirect.landed';
  verdict: Verdict;
}

/** Sent by the background to a tab's content script: a listed script was requested there. */
export interface ScriptWarningPush {
  type: 'scripts.listed';
  verdict: Verdict;
}
