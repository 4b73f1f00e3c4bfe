import { t } from '../../guidance/i18n';
import { send } from '../../messaging/client';
import { SiteList } from '../popup/SiteList';
import { TextForm } from '../popup/TextForm';
import { useStatus } from '../popup/use-status';
import { ImportExport } from './ImportExport';
import { ListsSection } from './ListsSection';
import { StatsSection } from './StatsSection';
import { SubscribeForm } from './SubscribeForm';

/** The settings page (the manifest's options page): lists, own blocks, trusted sites, file, statistics. */
export function Settings() {
  const { status, error, refresh, set } = useStatus();
  return (
    <main class="page">
      <h1>{t('settingsTitle')}</h1>
      {!status ? (
        <p role={error ? 'alert' : 'status'}>{error ?? t('popupStarting')}</p>
      ) : (
        <>
          {status.storage === 'memory' && (
            <p role="alert" class="error">
              {t('popupStorageMemory', [status.storageError ?? ''])}
            </p>
          )}
          <ListsSection status={status} refresh={refresh} />
          <SubscribeForm refresh={refresh} />
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
          <ImportExport status={status} refresh={refresh} />
          <StatsSection status={status} />
        </>
      )}
    </main>
  );
}
