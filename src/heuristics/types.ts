/**
 * Shared types of the page heuristics. A snapshot is what the isolated-world content script
 * can see in the DOM; runtime signals are what the MAIN-world monitor counted over time.
 * Nothing here ever leaves the browser.
 */

export type DetectorId = 'gambling-injection' | 'cloaking-redirect' | 'browser-locker' | 'cryptominer';

export interface Finding {
  id: DetectorId;
  /** 0..1; see docs/heuristics.md for how each detector scores. */
  score: number;
  reason: string;
  reasonZh: string;
  /** Short excerpts (each at most ~80 chars) that show why. */
  evidence: string[];
}

/** Why a link or text counts as hidden from the reader. */
export type HiddenReason =
  'display' | 'visibility' | 'opacity' | 'offscreen' | 'zero-size' | 'clip' | 'font-size' | 'same-colour' | 'container';

export interface LinkInfo {
  /** Lower-case host of the resolved href, '' for javascript:, mailto: and the like. */
  host: string;
  /** Anchor text (and title attribute), whitespace-collapsed, at most 80 chars. */
  text: string;
  hidden: boolean;
  hiddenBy: HiddenReason | null;
}

export interface PhoneInfo {
  number: string;
  /** In the title, a heading, bold or large (>= 20px) text. */
  prominent: boolean;
}

export interface FrameInfo {
  src: string;
  hidden: boolean;
}

export interface PageSnapshot {
  /** location.hostname of the page, lower-case. */
  host: string;
  title: string;
  metaKeywords: string;
  metaDescription: string;
  /** content="" of a <meta http-equiv="refresh">, '' when none. */
  metaRefresh: string;
  /** Visible text, bounded (see LIMITS in snapshot.ts). */
  visibleText: string;
  /** Text inside hidden elements (not links), bounded. */
  hiddenText: string;
  links: LinkInfo[];
  /** All <a href> on the page, also those past the sampling bound. */
  linkTotal: number;
  /** First bytes of each inline script, for pattern checks only. */
  inlineScripts: string[];
  scriptSrcs: string[];
  iframes: FrameInfo[];
  /** Only whether document.referrer is set: never its value. */
  hasReferrer: boolean;
  phones: PhoneInfo[];
  /** A bound was hit somewhere: the snapshot is a sample. */
  truncated: boolean;
  elapsedMs: number;
}

/** Counts from the MAIN-world monitor (runtime-signals.ts). All zero/empty when nothing happened. */
export interface RuntimeSignals {
  /** pushState + replaceState calls. */
  historyCalls: number;
  /** Most history calls inside any 2 s window. */
  historyBurst: number;
  /** history.length now minus at install time. */
  historyLengthGrowth: number;
  /** alert/confirm/prompt calls. */
  dialogs: number;
  /** Most dialogs inside any 10 s window. */
  dialogBurst: number;
  fullscreenRequests: number;
  /** Requests while navigator.userActivation said no user gesture was active. */
  fullscreenWithoutGesture: number;
  beforeUnloadHandlers: number;
  /** WebAssembly.compile/instantiate(/Streaming) and new WebAssembly.Module in the page. */
  wasmCompiles: number;
  workers: number;
  /** Hosts of WebSockets whose URL looks like a mining pool or proxy. */
  poolSockets: string[];
  /** Known miner globals present (CoinHive, CryptoLoot, ...). */
  minerGlobals: string[];
  referrerReads: number;
  userAgentReads: number;
  /** Hosts navigated to (not by the user) shortly after the page read document.referrer. */
  redirectsAfterReferrerRead: string[];
  windowOpens: number;
  /** ms since the monitor was installed. */
  elapsedMs: number;
}

/**
 * What the detectors need from outside the page. Whether a host is the same site (registrable
 * domain) as the page takes the public-suffix list, which is too big to parse on every page:
 * the content script asks the background (which has it) about the hosts that matter
 * (cloakingHosts) and passes the answer in.
 */
export interface DetectorContext {
  /** Same registrable domain as the page. Default: the page's exact host only. */
  sameSiteAsPage?: (host: string) => boolean;
}

export type Detector = (snapshot: PageSnapshot, signals?: RuntimeSignals, context?: DetectorContext) => Finding | null;
