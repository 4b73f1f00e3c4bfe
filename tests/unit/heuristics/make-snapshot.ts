/** Builds crafted snapshots and signals for detector tests. */
import { emptySignals } from '../../../src/heuristics/signal-bridge';
import type { LinkInfo, PageSnapshot, RuntimeSignals } from '../../../src/heuristics/types';

export function snap(over: Partial<PageSnapshot> = {}): PageSnapshot {
  return {
    host: 'www.example.cn',
    title: '',
    metaKeywords: '',
    metaDescription: '',
    metaRefresh: '',
    visibleText: '',
    hiddenText: '',
    links: [],
    linkTotal: over.links?.length ?? 0,
    inlineScripts: [],
    scriptSrcs: [],
    iframes: [],
    hasReferrer: false,
    phones: [],
    truncated: false,
    elapsedMs: 0,
    ...over,
  };
}

export function hiddenLink(text: string, host = 'spam.example.invalid'): LinkInfo {
  return { host, text, hidden: true, hiddenBy: 'display' };
}

export function visibleLink(text: string, host = 'www.example.cn'): LinkInfo {
  return { host, text, hidden: false, hiddenBy: null };
}

export function signals(over: Partial<RuntimeSignals> = {}): RuntimeSignals {
  return { ...emptySignals(), ...over };
}
