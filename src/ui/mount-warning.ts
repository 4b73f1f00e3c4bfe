import { h, render } from 'preact';
import { DIALOG_CSS } from './dialog-styles';
import { WarningDialog, type WarningDialogProps } from './WarningDialog';

/**
 * Covers the page with the warning in a closed shadow root (the page's scripts cannot
 * reach inside, its CSS cannot restyle it), keeps keyboard focus inside, and swallows
 * Esc so the warning cannot be dismissed into the site.
 */
export function mountWarning(props: WarningDialogProps): () => void {
  const host = document.createElement('fraud-sentry-warning');
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = DIALOG_CSS;
  const backdrop = document.createElement('div');
  backdrop.className = 'backdrop';
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
  window.addEventListener('keydown', onKey, true);
  document.addEventListener('focusin', onFocusIn, true);

  const root = document.documentElement;
  root.append(host);
  // Lets a benchmark read when the warning appeared, relative to navigation start.
  performance.mark('fraud-sentry:warning-shown');
  for (const child of [...root.children]) if (child !== host) child.setAttribute('inert', '');
  return () => {
    window.removeEventListener('keydown', onKey, true);
    document.removeEventListener('focusin', onFocusIn, true);
    render(null, backdrop);
    host.remove();
  };
}
