import type { HelpTopic } from '../model/protocol';

/** The help page (help.html) for one topic and one site; `listId` names the list that warned, if any. */
export function helpPath(topic: HelpTopic, site: string, listId = ''): string {
  const query = new URLSearchParams({ topic, site });
  if (listId) query.set('list', listId);
  return `/help.html?${query.toString()}`;
}
