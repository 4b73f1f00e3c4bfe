import { extensionApi } from '../messaging/extension-api';
import { helpPath } from '../messaging/help-path';
import type { HelpTopic } from '../model/protocol';

/** From an extension page (popup, warning page, settings): the help page in a new tab. */
export async function openHelp(topic: HelpTopic, site: string, listId = ''): Promise<void> {
  const api = extensionApi();
  await api.tabs.create({ url: api.runtime.getURL(helpPath(topic, site, listId) as '/') });
}

/** The settings page (the manifest's options page) in a tab. */
export async function openSettings(): Promise<void> {
  await extensionApi().runtime.openOptionsPage();
}

/** The toolbar popup closes once it opened a page; opened as a tab (tests, the warning's link) it stays. */
export function closePopup(): void {
  if (!document.body.classList.contains('in-tab')) window.close();
}
