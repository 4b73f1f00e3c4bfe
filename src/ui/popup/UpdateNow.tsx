import { useState } from 'preact/hooks';
import { t } from '../../guidance/i18n';
import { send } from '../../messaging/client';
import type { StatusSnapshot } from '../../messaging/protocol';
import { errorText } from './error-text';
import { updateSummaryText } from './update-summary';

/** "Update now" with its progress, and the outcome (failures shown as failures). */
export function UpdateNow({ status, refresh }: { status: StatusSnapshot | null; refresh: () => Promise<void> }) {
  const [result, setResult] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const progress = status?.update ?? null;
  const run = async () => {
    setBusy(true);
    setResult(null);
    const poll = setInterval(() => void refresh(), 300);
    let outcome: { text: string; error: boolean };
    try {
      outcome = updateSummaryText(await send('lists.update', {}));
    } catch (error) {
      outcome = { text: errorText(error), error: true };
    }
    clearInterval(poll);
    await refresh().catch(() => undefined);
    setResult(outcome);
    setBusy(false);
  };
  return (
    <section aria-label={t('popupUpdateNow')}>
      <button type="button" onClick={run} disabled={busy || progress !== null || status === null}>
        {t('popupUpdateNow')}
      </button>
      {progress && (
        <p role="status" data-testid="update-progress">
          <progress max={progress.total} value={progress.done + progress.currentShare} />{' '}
          {t('popupUpdating', [
            Math.min(progress.done + 1, progress.total),
            progress.total,
            progress.current ?? '',
            Math.round(progress.currentShare * 100),
          ])}
        </p>
      )}
      {result && (
        <p role={result.error ? 'alert' : 'status'} class={result.error ? 'error' : 'ok'} data-testid="update-result">
          {result.text}
        </p>
      )}
    </section>
  );
}
