import { t } from '../../guidance/i18n';
import { formatCount } from './format-time';

/** "1 entry" / "N entries": chrome.i18n has no plural forms, so each form has its own key. */
export function entriesText(count: number): string {
  return count === 1 ? t('popupListEntriesOne') : t('popupListEntries', [formatCount(count)]);
}

export function entriesInForceText(count: number): string {
  return count === 1 ? t('popupEntriesOne') : t('popupEntries', [formatCount(count)]);
}

/** "1 warning" / "N warnings". */
export function warningsText(count: number): string {
  return count === 1 ? t('statsWarningsOne') : t('statsWarnings', [formatCount(count)]);
}
