import { extensionApi } from '../messaging/extension-api';
import type en from '../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof en;

/**
 * The browser's own i18n picks the language (zh_CN or en) from the browser's locale.
 * Falls back to the key so a missing string is visible, never an empty button.
 */
export function t(key: MessageKey, substitutions?: (string | number)[]): string {
  const text = extensionApi().i18n.getMessage(key, substitutions?.map(String));
  return text || key;
}

/** Whether the browser speaks Chinese: picks the language of texts that do not come from _locales. */
export function isChineseUi(): boolean {
  return extensionApi().i18n.getUILanguage().toLowerCase().startsWith('zh');
}
