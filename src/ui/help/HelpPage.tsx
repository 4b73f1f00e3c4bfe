import { useState } from 'preact/hooks';
import type { HelpTopic } from '../../model/protocol';
import { PaidPage } from './PaidPage';
import { ReportPage } from './ReportPage';

/** help.html?topic=paid|report&site=…&list=…: what to do after a warning, for one site. */
export function HelpPage({ topic, site, listId }: { topic: HelpTopic; site: string; listId: string }) {
  const [shown, setShown] = useState<HelpTopic>(topic);
  return (
    <main class="page">
      {shown === 'paid' ? (
        <PaidPage site={site} onReport={() => setShown('report')} />
      ) : (
        <ReportPage site={site} listId={listId} />
      )}
    </main>
  );
}

/**
 * Reads the page's query. The site is only ever shown, copied and put into a report form's
 * address, so any http(s) URL is fine; anything else is dropped.
 */
export function helpParams(search: string): { topic: HelpTopic; site: string; listId: string } {
  const query = new URLSearchParams(search);
  const raw = query.get('site') ?? '';
  const site = /^https?:\/\//i.test(raw) ? raw.slice(0, 4096) : '';
  return {
    topic: query.get('topic') === 'paid' ? 'paid' : 'report',
    site,
    listId: (query.get('list') ?? '').slice(0, 200),
  };
}
