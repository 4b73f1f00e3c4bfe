/**
 * Gathers what the detectors need from the DOM, in the isolated-world content script.
 * Cheap by construction: every loop is bounded (LIMITS), styles are read without forcing
 * layout, and only short excerpts are kept. The snapshot never leaves the browser.
 */
import { createHiddenChecker } from './hidden';
import { findPhones } from './phones';
import type { FrameInfo, LinkInfo, PageSnapshot, PhoneInfo } from './types';
import { clip, hostOf } from './util';

export const LIMITS = {
  links: 2000,
  textNodes: 4000,
  visibleText: 20_000,
  hiddenText: 4000,
  scripts: 100,
  inlineScriptChars: 8192,
  inlineScriptTotal: 256 * 1024,
  scriptSrcs: 200,
  iframes: 50,
  metas: 100,
  phones: 10,
} as const;

const SHOW_TEXT = 4; // NodeFilter.SHOW_TEXT, spelled out: test DOMs lack the global
const SKIP_TEXT_IN = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SVG']);
const NON_JS_TYPES = /json|template|text\/html|x-tmpl|text\/plain/i;

export function collectSnapshot(doc: Document, win: Window): PageSnapshot {
  const t0 = now(win);
  const hidden = createHiddenChecker(win);
  let truncated = false;

  const metas = readMetas(doc);
  const links: LinkInfo[] = [];
  const anchors = doc.getElementsByTagName('a');
  let linkTotal = 0;
  for (let i = 0; i < anchors.length; i++) {
    const a = anchors[i];
    if (a === undefined || !a.hasAttribute('href')) continue;
    linkTotal++;
    if (links.length >= LIMITS.links) {
      truncated = true;
      continue;
    }
    const by = hidden(a);
    const text = clip(`${a.textContent ?? ''} ${a.getAttribute('title') ?? ''}`);
    links.push({ host: hostOf(a.href), text, hidden: by !== null, hiddenBy: by });
  }

  const text = walkText(doc, win, hidden);
  truncated ||= text.truncated;

  const inlineScripts: string[] = [];
  const scriptSrcs: string[] = [];
  let inlineTotal = 0;
  const scripts = doc.getElementsByTagName('script');
  for (let i = 0; i < scripts.length && i < LIMITS.scripts; i++) {
    const s = scripts[i];
    if (s === undefined) continue;
    if (s.hasAttribute('src')) {
      if (scriptSrcs.length < LIMITS.scriptSrcs) scriptSrcs.push(clip(s.src, 300));
      continue;
    }
    if (NON_JS_TYPES.test(s.type)) continue;
    const body = (s.textContent ?? '').slice(0, LIMITS.inlineScriptChars);
    if (body.trim() === '' || inlineTotal + body.length > LIMITS.inlineScriptTotal) continue;
    inlineTotal += body.length;
    inlineScripts.push(body);
  }
  if (scripts.length > LIMITS.scripts) truncated = true;

  const iframes: FrameInfo[] = [];
  const frames = doc.getElementsByTagName('iframe');
  for (let i = 0; i < frames.length && i < LIMITS.iframes; i++) {
    const f = frames[i];
    if (f === undefined) continue;
    const tiny = ['width', 'height'].some((k) => {
      const v = f.getAttribute(k);
      return v !== null && parseFloat(v) <= 1;
    });
    iframes.push({ src: clip(f.src, 300), hidden: tiny || hidden(f) !== null });
  }

  const phones: PhoneInfo[] = findPhones(doc.title, LIMITS.phones).map((number) => ({ number, prominent: true }));
  for (const p of text.phones) {
    if (phones.length >= LIMITS.phones) break;
    const same = phones.find((q) => q.number === p.number);
    if (same === undefined) phones.push(p);
    else same.prominent ||= p.prominent;
  }

  return {
    host: safeHost(win),
    title: clip(doc.title, 300),
    metaKeywords: metas.keywords,
    metaDescription: metas.description,
    metaRefresh: metas.refresh,
    visibleText: text.visible,
    hiddenText: text.hidden,
    links,
    linkTotal,
    inlineScripts,
    scriptSrcs,
    iframes,
    hasReferrer: doc.referrer !== '',
    phones,
    truncated,
    elapsedMs: Math.round((now(win) - t0) * 10) / 10,
  };
}

function readMetas(doc: Document): { keywords: string; description: string; refresh: string } {
  const out = { keywords: '', description: '', refresh: '' };
  const metas = doc.getElementsByTagName('meta');
  for (let i = 0; i < metas.length && i < LIMITS.metas; i++) {
    const m = metas[i];
    if (m === undefined) continue;
    const name = (m.getAttribute('name') ?? m.getAttribute('property') ?? '').toLowerCase();
    const content = clip(m.getAttribute('content') ?? '', 500);
    if (name === 'keywords') out.keywords = content;
    else if (name === 'description' || name === 'og:description') out.description ||= content;
    else if ((m.getAttribute('http-equiv') ?? '').toLowerCase() === 'refresh') out.refresh = content;
  }
  return out;
}

interface TextResult {
  visible: string;
  hidden: string;
  phones: PhoneInfo[];
  truncated: boolean;
}

function walkText(doc: Document, win: Window, hidden: (el: Element) => unknown): TextResult {
  const res: TextResult = { visible: '', hidden: '', phones: [], truncated: false };
  const body = doc.body;
  if (body === null) return res;
  const visible: string[] = [];
  const hiddenParts: string[] = [];
  let visibleLen = 0;
  let hiddenLen = 0;
  const walker = doc.createTreeWalker(body, SHOW_TEXT);
  for (let n = 0; ; n++) {
    if (n >= LIMITS.textNodes || visibleLen >= LIMITS.visibleText) {
      res.truncated = walker.nextNode() !== null;
      break;
    }
    const node = walker.nextNode();
    if (node === null) break;
    const parent = node.parentElement;
    const raw = node.nodeValue ?? '';
    if (parent === null || SKIP_TEXT_IN.has(parent.tagName.toUpperCase()) || raw.trim() === '') continue;
    const piece = raw.replace(/\s+/g, ' ').trim();
    if (hidden(parent) !== null) {
      // Link text is reported with the links; keep hidden prose only.
      if (hiddenLen < LIMITS.hiddenText && parent.closest('a') === null) {
        hiddenParts.push(piece);
        hiddenLen += piece.length + 1;
      }
      continue;
    }
    visible.push(piece);
    visibleLen += piece.length + 1;
    if (res.phones.length < LIMITS.phones) {
      for (const number of findPhones(piece, 3)) res.phones.push({ number, prominent: isProminent(win, parent) });
    }
  }
  res.visible = visible.join(' ').slice(0, LIMITS.visibleText);
  res.hidden = hiddenParts.join(' ').slice(0, LIMITS.hiddenText);
  return res;
}

function isProminent(win: Window, el: Element): boolean {
  if (el.closest('h1,h2,h3,strong,b') !== null) return true;
  try {
    const s = win.getComputedStyle(el);
    return parseFloat(s.fontSize) >= 20 || parseInt(s.fontWeight, 10) >= 700 || s.fontWeight === 'bold';
  } catch {
    return false;
  }
}

function safeHost(win: Window): string {
  try {
    return win.location.hostname.toLowerCase();
  } catch {
    return '';
  }
}

function now(win: Window): number {
  try {
    return win.performance.now();
  } catch {
    return Date.now();
  }
}
