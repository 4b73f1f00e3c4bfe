/**
 * Decides whether an element is hidden from the reader, the way SEO spam hides links:
 * display/visibility/opacity, off-screen positioning or text-indent, zero size with overflow
 * hidden, clip, font-size 0, text coloured like its background, or any of these on an ancestor.
 * Only getComputedStyle is used (no layout: getBoundingClientRect would force a reflow and
 * returns zeros in test DOMs), and results are cached per element.
 */
import type { HiddenReason } from './types';

const FAR = -999; // px: spam uses -9999px and the like
const MAX_DEPTH = 48;

export type HiddenChecker = (el: Element) => HiddenReason | null;

export function createHiddenChecker(win: Window): HiddenChecker {
  const cache = new Map<Element, HiddenReason | null>();
  const bgCache = new Map<Element, string>();

  const check = (el: Element, depth: number): HiddenReason | null => {
    const cached = cache.get(el);
    if (cached !== undefined) return cached;
    let style: CSSStyleDeclaration | null;
    try {
      style = win.getComputedStyle(el);
    } catch {
      style = null; // detached or exotic element: treat as visible
    }
    let reason: HiddenReason | null = style === null ? null : ownReason(style);
    if (reason === null && depth < MAX_DEPTH) {
      const parent = el.parentElement;
      if (parent !== null && parent.tagName !== 'HTML') {
        reason = check(parent, depth + 1) === null ? null : 'container';
      }
    }
    cache.set(el, reason);
    return reason;
  };

  return (el) => {
    const r = check(el, 0);
    if (r !== null) return r;
    return sameColourAsBackground(win, el, bgCache) ? 'same-colour' : null;
  };
}

function px(v: string): number {
  const n = parseFloat(v);
  return Number.isFinite(n) ? n : 0;
}

function ownReason(s: CSSStyleDeclaration): HiddenReason | null {
  if (s.display === 'none') return 'display';
  if (s.visibility === 'hidden' || s.visibility === 'collapse') return 'visibility';
  if (s.opacity !== '' && px(s.opacity) < 0.05) return 'opacity';
  const positioned = s.position === 'absolute' || s.position === 'fixed';
  if (positioned && (px(s.left) <= FAR || px(s.top) <= FAR || px(s.right) <= FAR)) return 'offscreen';
  if (px(s.textIndent) <= FAR || px(s.marginLeft) <= FAR || px(s.marginTop) <= FAR) return 'offscreen';
  const clipsOverflow = s.overflow === 'hidden' || s.overflow === 'clip';
  if (clipsOverflow && (isTiny(s.width) || isTiny(s.height))) return 'zero-size';
  if (/rect\(\s*0(px)?[\s,]+0(px)?[\s,]+0(px)?[\s,]+0(px)?\s*\)/.test(s.clip)) return 'clip';
  if (s.fontSize !== '' && px(s.fontSize) < 1) return 'font-size';
  return null;
}

function isTiny(v: string): boolean {
  return v.endsWith('px') && px(v) <= 1;
}

/** Text colour equal to the nearest opaque background up the tree (bounded walk). */
function sameColourAsBackground(win: Window, el: Element, bgCache: Map<Element, string>): boolean {
  let colour: string;
  try {
    colour = normColour(win.getComputedStyle(el).color);
  } catch {
    return false;
  }
  if (colour === '') return false;
  let cur: Element | null = el;
  for (let i = 0; cur !== null && i < 12; i++, cur = cur.parentElement) {
    let bg = bgCache.get(cur);
    if (bg === undefined) {
      try {
        const st = win.getComputedStyle(cur);
        // A background image can make any text colour readable: give up rather than guess.
        bg = /url\(|gradient\(/i.test(st.backgroundImage) ? 'image' : normColour(st.backgroundColor);
      } catch {
        return false;
      }
      bgCache.set(cur, bg);
    }
    if (bg === 'image') return false;
    if (bg === '' || bg === 'transparent' || bg === 'rgba(0,0,0,0)') continue;
    return bg === colour;
  }
  return colour === 'rgb(255,255,255)' || colour === '#fff' || colour === '#ffffff' || colour === 'white';
}

function normColour(c: string): string {
  const s = c.replace(/\s+/g, '').toLowerCase();
  const hex = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(s);
  if (hex)
    return `rgb(${parseInt(hex[1]! + hex[1]!, 16)},${parseInt(hex[2]! + hex[2]!, 16)},${parseInt(hex[3]! + hex[3]!, 16)})`;
  const hex6 = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/.exec(s);
  if (hex6) return `rgb(${parseInt(hex6[1]!, 16)},${parseInt(hex6[2]!, 16)},${parseInt(hex6[3]!, 16)})`;
  if (s === 'white') return 'rgb(255,255,255)';
  if (s === 'black') return 'rgb(0,0,0)';
  const rgba = /^rgba\((\d+),(\d+),(\d+),1\)$/.exec(s);
  if (rgba) return `rgb(${rgba[1]},${rgba[2]},${rgba[3]})`;
  return s;
}
