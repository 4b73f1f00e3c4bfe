import { useEffect, useState } from 'preact/hooks';
import { t } from '../../guidance/i18n';
import { extensionApi } from '../../messaging/extension-api';
import type { CachedStatus } from '../../messaging/status-cache';
import { formatTime } from './format-time';
import { entriesInForceText } from './plural';

/** The alarm that retries list updates (entrypoints/background.ts). */
const UPDATE_ALARM = 'update-lists';

/**
 * Protection on or off, entries in force and the last update, in a line or two. Offline, one
 * line says the lists in force are kept and when the next try is (the update alarm's time).
 */
export function ProtectionState({ state, fromCache }: { state: CachedStatus; fromCache: boolean }) {
  const [nextTry, setNextTry] = useState<number | null>(null);
  useEffect(() => {
    if (!state.offline) return;
    extensionApi()
      .alarms.get(UPDATE_ALARM)
      .then(
        (alarm) => setNextTry(alarm?.scheduledTime ?? null),
        () => setNextTry(null),
      );
  }, [state.offline]);

  if (state.starting) {
    return (
      <header class="on">
        <p role="status" data-testid="protection-starting">
          {t('popupStarting')}
        </p>
      </header>
    );
  }
  return (
    <header class={state.protectionOn ? 'on' : 'off'}>
      <p class="state" data-testid="protection">
        {state.protectionOn ? t('popupProtectionOn') : t('popupProtectionOff')}
      </p>
      <p>
        <span data-testid="entries-in-force">{entriesInForceText(state.entriesInForce)}</span> ·{' '}
        <span data-testid="last-update">
          {state.lastSuccess ? t('popupLastUpdate', [formatTime(state.lastSuccess)]) : t('popupNeverUpdated')}
        </span>
      </p>
      {state.offline && (
        <p data-testid="offline">{nextTry ? t('popupOffline', [formatTime(nextTry)]) : t('popupOfflineSoon')}</p>
      )}
      {fromCache && <p class="muted">{t('popupFromCache', [formatTime(state.at)])}</p>}
    </header>
  );
}
