import { useEffect, useState } from 'preact/hooks';
import { t } from '../../guidance/i18n';
import type { StatusSnapshot } from '../../model/protocol';
import {
  cacheOf,
  readPageCache,
  readStatusCache,
  writePageCache,
  writeStatusCache,
  type CachedStatus,
} from '../../messaging/status-cache';
import { openSettings } from '../open-page';
import { ProtectionState } from './ProtectionState';
import { SiteCard } from './SiteCard';
import { UpdateNow } from './UpdateNow';
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

/**
 * The toolbar popup: this site and what to do about it, then the state of protection in a
 * line or two and "Update now". Lists, blocks and trusted sites live on the settings page.
 * It shows the state kept in storage first (the background may be busy importing a list and
 * answer late), then the background's answer.
 */
export function Popup({ tabId }: { tabId?: number }) {
  const { status, error, refresh } = useStatus();
  const [cached, setCached] = useState<CachedStatus | null>(readPageCache);
  useEffect(() => {
    // First popup after an install: the state the background kept when its lists came in.
    if (!cached)
      readStatusCache().then(
        (c) => setCached((now) => now ?? c),
        () => undefined,
      );
  }, []);
  useEffect(() => {
    if (!status) return;
    const next = cacheOf(status);
    writePageCache(next);
    void writeStatusCache(next).catch(() => undefined);
  }, [status]);
  const state = status ? cacheOf(status) : cached;

  return (
    <main>
      <h1 class="visually-hidden">{t('extName')}</h1>
      <SiteCard tabId={tabId} onChanged={() => void refresh()} />
      {state ? (
        <ProtectionState state={state} fromCache={!status} />
      ) : (
        <p role={error ? 'alert' : 'status'}>{error ?? t('popupStarting')}</p>
      )}
      {status && <PreloadState preload={status.preload} />}
      {status?.storage === 'memory' && (
        <p role="alert" class="error">
          {t('popupStorageMemory', [status.storageError ?? ''])}
        </p>
      )}
      <UpdateNow status={status} refresh={refresh} />
      <nav class="row wrap">
        <button type="button" class="link" onClick={() => void openSettings()}>
          {t('popupSettings')}
        </button>
      </nav>
    </main>
  );
}
