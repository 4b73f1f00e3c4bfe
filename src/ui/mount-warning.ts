import { h, render } from 'preact';
import { DIALOG_CSS } from './dialog-styles';
import { WarningDialog, type WarningDialogProps } from './WarningDialog';

export interface MountOptions {
  /**
   * Called when the page keeps taking the warning out of the document (it came back
   * `MAX_REPAIRS` times and was removed again). The caller then leaves the page for the
   * extension's own warning page, which no site script can touch.
   */
  onTamper?: () => void;
}

/** How often a page may remove the warning before we stop repairing it in place. */
const MAX_REPAIRS = 3;
/** Safety net for what no mutation reports (CSSOM edits, top-layer changes, document.open). */
const WATCH_INTERVAL_MS = 200;

/**
 * Declarations forced onto <html> with inline `!important`, which outranks any page
 * stylesheet, adopted sheet or CSSOM rule. Each one could otherwise hide every descendant,
 * the warning's host included (a `:host` rule cannot reach its ancestors). The page is
 * covered anyway, so overriding its root styles costs nothing.
 */
const ROOT_STYLE: readonly (readonly [string, string])[] = [
  ['display', 'block'],
  ['visibility', 'visible'],
  ['opacity', '1'],
  ['filter', 'none'],
  ['transform', 'none'],
  ['translate', 'none'],
  ['scale', 'none'],
  ['rotate', 'none'],
  ['clip-path', 'none'],
  ['mask', 'none'],
  ['content-visibility', 'visible'],
];

/**
 * Covers the page with the warning in a closed shadow root (the page's scripts cannot
 * reach inside, its CSS cannot restyle it), keeps keyboard focus inside, and swallows
 * Esc so the warning cannot be dismissed into the site.
 *
 * A listed page's own scripts may fight the warning, so it is also defended:
 *  - the dialog is a manual popover, i.e. in the browser's top layer, above any z-index
 *    and outside the stacking contexts, transforms and clips of the page;
 *  - removing it puts it back (and repeated removal ends in `onTamper`);
 *  - styles that would hide <html> are overridden inline, page fullscreen is exited and
 *    page dialogs/popovers that try to sit above it are closed.
 * This code runs in the content script's isolated world: the page's overrides of DOM
 * prototypes, `MutationObserver` or `setInterval` do not affect it.
 */
export function mountWarning(props: WarningDialogProps, options: MountOptions = {}): () => void {
  // Created in a document without a custom-element registry, and given its shadow root
  // before it joins the page: a page that defined <fraud-sentry-warning> itself cannot
  // attach its own shadow root first (its constructor's attachShadow then fails).
  const spare = document.implementation.createHTMLDocument('');
  const host = document.adoptNode(spare.createElement('fraud-sentry-warning'));
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = DIALOG_CSS;
  const backdrop = document.createElement('div');
  backdrop.className = 'backdrop';
  backdrop.setAttribute('popover', 'manual');
  shadow.append(style, backdrop);
  render(h(WarningDialog, props), backdrop);

  const focusables = () => [...shadow.querySelectorAll<HTMLElement>('button')];
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopImmediatePropagation();
      return;
    }
    if (event.key !== 'Tab') return;
    const items = focusables();
    if (items.length === 0) return;
    const index = items.indexOf(shadow.activeElement as HTMLElement);
    const next = event.shiftKey ? (index <= 0 ? items.length - 1 : index - 1) : (index + 1) % items.length;
    event.preventDefault();
    event.stopImmediatePropagation();
    items[next]?.focus();
  };
  // Focus that escapes to the page (a click behind, a page script) is pulled back.
  const onFocusIn = (event: FocusEvent) => {
    if (event.target !== host) focusables()[0]?.focus();
  };
  // A page can go fullscreen on the user's first click in the dialog (the click gives it
  // user activation); a fullscreen element would sit above the warning.
  const onFullscreen = () => repair();
  const listen = () => {
    // Re-adding the same listener is a no-op; after document.open() (which drops the
    // document's listeners) it restores them.
    window.addEventListener('keydown', onKey, true);
    document.addEventListener('focusin', onFocusIn, true);
    document.addEventListener('fullscreenchange', onFullscreen, true);
  };

  let repairs = 0;
  let stopped = false;
  const showOnTop = () => {
    if (typeof backdrop.showPopover !== 'function' || !host.isConnected) return;
    // Re-showing moves it to the top of the top layer, above anything the page showed later.
    const focused = shadow.activeElement;
    if (backdrop.matches(':popover-open')) backdrop.hidePopover();
    backdrop.showPopover();
    if (focused instanceof HTMLElement) focused.focus();
  };

  /** Puts everything back the way the warning needs it; idempotent, so cheap to call often. */
  const repair = (fromTimer = false) => {
    if (stopped) return;
    const root = document.documentElement;
    if (!root) return; // document.open() in progress: the next mutation brings a new root.
    if (host.parentNode !== root) {
      // Taken out (or its <html> replaced): put it back, up to a point.
      if (++repairs > MAX_REPAIRS) {
        if (options.onTamper) {
          stop();
          options.onTamper();
          return;
        }
        // Nowhere to leave for: keep putting it back, but only from the timer, so a page
        // observer removing it at once cannot lock both observers in an endless loop.
        if (!fromTimer) return;
      }
      root.append(host);
    }
    for (const name of ['inert', 'hidden']) {
      if (root.hasAttribute(name)) root.removeAttribute(name);
      if (host.hasAttribute(name)) host.removeAttribute(name);
    }
    for (const [prop, value] of ROOT_STYLE) {
      if (root.style.getPropertyValue(prop) !== value || root.style.getPropertyPriority(prop) !== 'important') {
        root.style.setProperty(prop, value, 'important');
      }
    }
    for (const child of root.children)
      if (child !== host && !child.hasAttribute('inert')) child.setAttribute('inert', '');
    let covered = false;
    if (document.fullscreenElement) {
      covered = true;
      void document.exitFullscreen().catch(() => undefined);
    }
    for (const el of pageTopLayer()) {
      covered = true;
      if (el instanceof HTMLDialogElement) el.close();
      else el.hidePopover();
    }
    if (covered || !backdrop.matches(':popover-open') || coveredAtCorner()) showOnTop();
    listen();
  };
  /** Page elements in the top layer that the page can reach (not in a closed shadow root). */
  const pageTopLayer = (): HTMLElement[] => {
    try {
      return [...document.querySelectorAll<HTMLElement>(':modal, :popover-open')];
    } catch {
      return []; // A browser without these selectors has no such API for the page either.
    }
  };
  /** Something above the warning where only its red backdrop should be: the page's own top layer. */
  const coveredAtCorner = () => {
    const hit = document.elementFromPoint(2, 2);
    return hit !== null && hit !== host;
  };

  const observer = new MutationObserver(() => repair());
  const watch = () =>
    observer.observe(document, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['style', 'class', 'hidden', 'inert', 'popover', 'open'],
    });
  const timer = setInterval(() => repair(true), WATCH_INTERVAL_MS);

  function stop() {
    stopped = true;
    observer.disconnect();
    clearInterval(timer);
    window.removeEventListener('keydown', onKey, true);
    document.removeEventListener('focusin', onFocusIn, true);
    document.removeEventListener('fullscreenchange', onFullscreen, true);
  }

  const root = document.documentElement;
  root.append(host);
  showOnTop();
  // Lets a benchmark read when the warning appeared, relative to navigation start.
  performance.mark('fraud-sentry:warning-shown');
  repair();
  watch();
  return () => {
    stop();
    render(null, backdrop);
    host.remove();
    for (const [prop] of ROOT_STYLE) document.documentElement?.style.removeProperty(prop);
  };
}
