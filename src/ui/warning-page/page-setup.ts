import { t } from '../../guidance/i18n';
import { DIALOG_CSS } from '../dialog-styles';

/** Lets a benchmark read when the warning appeared, relative to navigation start (as the in-page dialog does). */
export const WARNING_SHOWN_MARK = 'fraud-sentry:warning-shown';

const STYLE_ID = 'fs-warning-style';

/**
 * The page's title, language and styles, and the root as the backdrop. Done by whichever of
 * the page's two scripts shows something first (warning-check.ts or the module); the second
 * finds it done.
 */
export function setUpWarningDocument(doc: Document, root: HTMLElement): void {
  if (doc.getElementById(STYLE_ID)) return;
  doc.title = `⚠ ${t('dialogTitle')}`;
  doc.documentElement.lang = navigator.language;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  // The shadow-root host rule is for the in-page dialog only.
  style.textContent = `${DIALOG_CSS.replace(/:host\s*\{[^}]*\}/, '')} html,body{margin:0;background:#7f1d1d}`;
  doc.head.append(style);
  root.className = 'backdrop';
}

/** Marks the warning as shown, once: the first of the page's two scripts to show it sets the mark. */
export function markWarningShown(): void {
  if (performance.getEntriesByName(WARNING_SHOWN_MARK, 'mark').length === 0) performance.mark(WARNING_SHOWN_MARK);
}
