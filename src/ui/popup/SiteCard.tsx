import { useCallback, useEffect, useState } from 'preact/hooks';
import { t } from '../../guidance/i18n';
import { send } from '../../messaging/client';
import type { TabSite } from '../../model/protocol';
import { displayHost } from '../host-display';
import { closePopup, openHelp } from '../open-page';
import { reasonText } from '../reason-text';
import { errorText } from './error-text';

/**
 * The popup's top: the tab's site and what Fraud Sentry makes of it, with the one action
 * that fits (block, trust, undo) and "Report this site". The background reads the tab's
 * address itself; `tabId` is only given when the popup is opened as a page for a tab.
 */
export function SiteCard({ tabId, onChanged }: { tabId?: number; onChanged: () => void }) {
  const [site, setSite] = useState<TabSite | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const load = useCallback(
    () =>
      send('tab.site', tabId === undefined ? {} : { tabId }).then(setSite, (e) =>
        setMessage({ text: errorText(e), error: true }),
      ),
    [tabId],
  );
  useEffect(() => void load(), [load]);

  if (!site) {
    return (
      <section class="site-card" aria-label={t('siteTitle')}>
        <p class="muted">{message?.text ?? t('siteLoading')}</p>
      </section>
    );
  }
  if (site.kind === 'none') {
    return (
      <section class="site-card" aria-label={t('siteTitle')} data-testid="site-card">
        <p data-testid="site-verdict">{t('siteNotChecked')}</p>
        <button type="button" onClick={() => void openHelp('paid', '').then(closePopup)}>
          {t('sitePaid')}
        </button>
      </section>
    );
  }

  const { verdict } = site;
  const host = displayHost(verdict.host).unicode;
  const act = (action: () => Promise<unknown>) => async () => {
    setBusy(true);
    setMessage(null);
    try {
      await action();
      await load();
      onChanged();
    } catch (error) {
      setMessage({ text: errorText(error), error: true });
    } finally {
      setBusy(false);
    }
  };
  const trust = act(() => send('sites.trust', { site: verdict.host }));
  const listId = verdict.kind === 'blocked' ? verdict.reason.listId : '';

  let state: string;
  let tone: 'clean' | 'warned' | 'trusted';
  let action: preact.JSX.Element;
  if (verdict.kind === 'blocked') {
    tone = 'warned';
    state = site.userBlocked ? t('siteBlockedByYou') : t('siteWarned', [reasonText(verdict.reason)]);
    action = site.userBlocked ? (
      <button type="button" disabled={busy} onClick={act(() => send('sites.unblock', { site: verdict.host }))}>
        {t('siteUnblock')}
      </button>
    ) : (
      <button type="button" disabled={busy} onClick={trust}>
        {t('siteTrust')}
      </button>
    );
  } else if (verdict.kind === 'allowed') {
    tone = verdict.by === 'trusted' ? 'trusted' : 'clean';
    state =
      verdict.by === 'trusted'
        ? t('siteTrusted')
        : verdict.by === 'bypass'
          ? t('siteAllowedOnce')
          : t('siteAllowedByList', [verdict.reason.listName]);
    action =
      verdict.by === 'trusted' ? (
        <button type="button" disabled={busy} onClick={act(() => send('trusted.remove', { site: verdict.host }))}>
          {t('siteUntrust')}
        </button>
      ) : (
        <span />
      );
  } else {
    tone = 'clean';
    state = t('siteClean');
    action = (
      <button type="button" disabled={busy} onClick={act(() => send('sites.block', { site: verdict.host }))}>
        {t('siteBlock')}
      </button>
    );
  }

  return (
    <section class={`site-card ${tone}`} aria-label={t('siteTitle')} data-testid="site-card">
      <h2 class="site-host" data-testid="site-host">
        {host}
      </h2>
      <p data-testid="site-verdict">{state}</p>
      <div class="row wrap">
        {action}
        <button type="button" onClick={() => void openHelp('report', site.url, listId).then(closePopup)}>
          {t('siteReport')}
        </button>
        <button type="button" onClick={() => void openHelp('paid', site.url, listId).then(closePopup)}>
          {t('sitePaid')}
        </button>
      </div>
      {message && (
        <p role={message.error ? 'alert' : 'status'} class={message.error ? 'error' : 'ok'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
