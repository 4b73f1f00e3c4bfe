import { t } from '../../guidance/i18n';

/** "1 entry" / "N entries": chrome.i18n has no plural forms, so each form has its own key. */
export function entriesText(count: number): string {
  return count === 1 ? t('popupListEntriesOne') : t('popupListEntries', [count.toLocaleString()]);
}

export function entriesInForceText(count: number): string {
  return count === 1 ? t('popupEntriesOne') : t('popupEntries', [count.toLocaleString()]);
}
