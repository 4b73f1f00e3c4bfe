import { t } from '../../guidance/i18n';
import { send } from '../../messaging/client';
import type { StatusSnapshot } from '../../messaging/protocol';
import { ListsSection } from './ListsSection';
import { SiteList } from './SiteList';
import { TextForm } from './TextForm';
import { useStatus } from './use-status';

/**
 * Chrome's before-load rules: a large list takes minutes to install, and the user should
 * know that pages are then only checked as they open. Nothing before the first install.
 */
function PreloadState({ preload }: { preload: StatusSnapshot['preload'] }) {
  if (!preload) return null;
  if (preload.error) {
    return (
      <p role="alert" class="error" data-testid="preload">
        {t('popupPreloadError', [preload.error])}
      </p>
    );
  }
  if (preload.installing > 0) return <p data-testid="preload">{t('popupPreloadInstalling', [preload.installing])}</p>;
  if (preload.domains === 0) return null;
  return <p data-testid="preload">{t('popupPreloadDomains', [preload.domains.toLocaleString()])}</p>;
}

/** The toolbar popup: state of protection, lists, subscriptions, own blocks, trusted sites. */
export function Popup() {
  const { status, error, refresh, set } = useStatus();
  if (!status) return <p role={error ? 'alert' : 'status'}>{error ?? '…'}</p>;

  return (
    <main>
      <header class={status.protectionOn ? 'on' : 'off'}>
        <h1>{t('extName')}</h1>
        <p class="state" data-testid="protection">
          {status.protectionOn ? t('popupProtectionOn') : t('popupProtectionOff')}
        </p>
        <p data-testid="entries-in-force">{t('popupEntries', [status.entriesInForce.toLocaleString()])}</p>
        <p data-testid="warnings-shown">{t('popupWarningsShown', [status.warningsShown])}</p>
        <PreloadState preload={status.preload} />
        {status.storage === 'memory' && (
          <p role="alert" class="error">
            {t('popupStorageMemory', [status.storageError ?? ''])}
          </p>
        )}
      </header>
      <ListsSection status={status} refresh={refresh} />
      <TextForm
        title={t('popupSubscribeTitle')}
        label={t('popupListUrl')}
        button={t('popupSubscribe')}
        inputMode="url"
        placeholder="https://example.org/blocklist.txt"
        onSubmit={async (url) => {
          const { id, summary } = await send('lists.subscribe', { url });
          await refresh();
          const failed = summary.results.find((r) => r.id === id && r.outcome === 'failed');
          if (failed) throw new Error(failed.error);
          return t('popupSubscribed', [summary.results.find((r) => r.id === id)?.name ?? url]);
        }}
      />
      <TextForm
        title={t('popupBlockTitle')}
        label={t('popupSiteToBlock')}
        button={t('popupBlockSite')}
        inputMode="text"
        placeholder="example.com"
        onSubmit={async (site) => {
          const next = await send('sites.block', { site });
          set(next);
          return next.blockedSites.at(-1) ?? site;
        }}
      />
      <SiteList
        title={t('popupBlockedSites')}
        testId="blocked-sites"
        sites={status.blockedSites}
        onRemove={(site) => void send('sites.unblock', { site }).then(set)}
      />
      <SiteList
        title={t('popupTrustedSites')}
        testId="trusted-sites"
        sites={status.trustedSites}
        onRemove={(site) => void send('trusted.remove', { site }).then(set)}
      />
    </main>
  );
}
