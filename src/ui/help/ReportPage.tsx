import { useEffect, useState } from 'preact/hooks';
import { t } from '../../guidance/i18n';
import { listIssuePage, REPORT_CHANNELS, type ReportChannel } from '../../guidance/report-channels';
import { send } from '../../messaging/client';
import type { ListSummary } from '../../model/protocol';
import { errorText } from '../popup/error-text';
import { copyText, CopyAddress } from './CopyAddress';

/**
 * Where to report the site, and what to do about a warning the user thinks is wrong. Each
 * channel opens only on the user's click (a plain link to a new tab) and copies the address
 * first; nothing is sent by the extension.
 */
export function ReportPage({ site, listId }: { site: string; listId: string }) {
  const [copied, setCopied] = useState<boolean | null>(null);
  // The link opens the channel itself (the browser's default action); the copy runs alongside.
  const copyOnOpen = () => void copyText(site).then(setCopied);
  const region = (which: ReportChannel['region']) =>
    REPORT_CHANNELS.filter((c) => c.region === which).map((c) => (
      <li key={c.id} data-channel={c.id}>
        {c.url ? (
          <a href={c.url(site)} target="_blank" rel="noopener noreferrer" onClick={copyOnOpen}>
            {t(c.name)}
          </a>
        ) : (
          <strong>{t(c.name)}</strong>
        )}
        <div class="muted">{t(c.text)}</div>
      </li>
    ));
  return (
    <article aria-labelledby="report-title">
      <h1 id="report-title">{t('reportTitle')}</h1>
      <p>{t('reportLead')}</p>
      <CopyAddress site={site} />
      {copied !== null && (
        <p role="status" class={copied ? 'ok' : 'error'} data-testid="channel-copy-result">
          {copied ? t('helpCopied') : t('helpCopyFailed')}
        </p>
      )}
      <h2>{t('reportChina')}</h2>
      <ul class="channels" data-testid="channels-china">
        {region('china')}
      </ul>
      <h2>{t('reportInternational')}</h2>
      <ul class="channels" data-testid="channels-international">
        {region('international')}
      </ul>
      <WrongWarning site={site} listId={listId} />
    </article>
  );
}

/** "Wrong warning?": the maintainer of the list that warned, and "Trust this site". */
function WrongWarning({ site, listId }: { site: string; listId: string }) {
  const [list, setList] = useState<ListSummary | null | undefined>(undefined);
  const [result, setResult] = useState<{ text: string; error: boolean } | null>(null);
  useEffect(() => {
    if (!listId || listId === 'user') return setList(null);
    send('status.get', {}).then(
      (status) => setList(status.lists.find((l) => l.id === listId) ?? null),
      () => setList(null),
    );
  }, [listId]);
  const host = hostOf(site);
  const issues = list ? listIssuePage(list.url) : null;
  return (
    <section aria-labelledby="wrong-title" data-testid="wrong-warning">
      <h2 id="wrong-title">{t('wrongTitle')}</h2>
      {listId === 'user' ? (
        <p>{t('wrongUser')}</p>
      ) : list ? (
        <p>
          {t('wrongList', [list.name])}{' '}
          {issues ? (
            <a href={issues} target="_blank" rel="noopener noreferrer" data-testid="list-issues">
              {t('wrongListIssues')}
            </a>
          ) : (
            <span data-testid="list-no-issues">{t('wrongNoIssues', [list.url || '—'])}</span>
          )}
        </p>
      ) : (
        list === null && listId !== '' && <p>{t('wrongDetector')}</p>
      )}
      {host && (
        <p>
          {t('wrongTrust')}{' '}
          <button
            type="button"
            onClick={async () => {
              try {
                await send('sites.trust', { site: host });
                setResult({ text: t('wrongTrusted', [host]), error: false });
              } catch (error) {
                setResult({ text: errorText(error), error: true });
              }
            }}
          >
            {t('siteTrust')}
          </button>
        </p>
      )}
      {result && (
        <p role={result.error ? 'alert' : 'status'} class={result.error ? 'error' : 'ok'} data-testid="trust-result">
          {result.text}
        </p>
      )}
    </section>
  );
}

function hostOf(site: string): string {
  try {
    return new URL(site).hostname;
  } catch {
    return '';
  }
}
