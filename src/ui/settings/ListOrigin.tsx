import { t } from '../../guidance/i18n';
import type { ListSummary, StatusSnapshot } from '../../model/protocol';
import { formatTime } from '../popup/format-time';

const HOUR_MS = 60 * 60 * 1000;

/**
 * Where a list came from (the package, its main address or a mirror), how often it is
 * checked, and since when its updates fail, in words a user can act on. Self-contained so
 * it can move with the list section to a settings page.
 */
export function ListOrigin({ list }: { list: ListSummary }) {
  const { origin } = list;
  return (
    <>
      <div class="muted" data-testid="list-origin" title={origin.servedBy ?? undefined}>
        {servedText(list)} · {refreshText(origin.refreshMs)}
      </div>
      {origin.failingSince !== null && (
        <div class="error" data-testid="list-failing">
          {t('listFailingSince', [formatTime(origin.failingSince)])}
        </div>
      )}
    </>
  );
}

/** The registry's refresh, when it was refused: the addresses in use did not change. */
export function RegistryNote({ status }: { status: StatusSnapshot }) {
  const error = status.registry?.lastError;
  if (!error) return null;
  return (
    <p class="error" data-testid="registry-error">
      {t('listRegistryRefused', [error])}
    </p>
  );
}

function servedText(list: ListSummary): string {
  const { servedBy, servedRank, addresses } = list.origin;
  if (servedBy === null && list.source === 'bundled')
    return list.origin.packaged ? t('listOriginPackage') : t('listOriginNotYet');
  if (servedBy === null) return t('listOriginServed', [hostOf(list.url)]);
  if (servedRank !== null && servedRank > 1) return t('listOriginMirror', [hostOf(servedBy), servedRank, addresses]);
  return t('listOriginServed', [hostOf(servedBy)]);
}

/** "every hour" / "every 2 hours" / "every day" / "every 3 days": the forms differ in English. */
export function refreshText(ms: number): string {
  const hours = Math.max(1, Math.round(ms / HOUR_MS));
  if (hours % 24 === 0) return hours === 24 ? t('listRefreshDay') : t('listRefreshDays', [hours / 24]);
  return hours === 1 ? t('listRefreshHour') : t('listRefreshHours', [hours]);
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
