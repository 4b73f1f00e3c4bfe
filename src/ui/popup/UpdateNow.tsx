import { useState } from 'preact/hooks';
import { t } from '../../guidance/i18n';
import { send } from '../../messaging/client';
import type { StatusSnapshot } from '../../model/protocol';
import { errorText } from './error-text';
import { updateSummaryText } from './update-summary';

type Outcome = { text: string; error: boolean };

/**
 * "Update now" as state: runs the update, refreshing the status meanwhile (for progress),
 * then the lists before the summary, so "1 failed" never shows beside a list without its error.
 */
export function useUpdateNow(refresh: () => Promise<void>) {
  const [result, setResult] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    setResult(null);
    const poll = setInterval(() => void refresh(), 300);
    let outcome: Outcome;
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
  return { result, setResult, busy, setBusy, run };
}

/** An update's progress while it runs, then its outcome (failures shown as failures). */
export function UpdateFeedback({ progress, result }: { progress: StatusSnapshot['update']; result: Outcome | null }) {
  return (
    <>
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
    </>
  );
}

/** "Update now" with its progress, and the outcome. */
export function UpdateNow({ status, refresh }: { status: StatusSnapshot | null; refresh: () => Promise<void> }) {
  const { result, busy, run } = useUpdateNow(refresh);
  const progress = status?.update ?? null;
  return (
    <section aria-label={t('popupUpdateNow')}>
      <button type="button" onClick={run} disabled={busy || progress !== null || status === null}>
        {t('popupUpdateNow')}
      </button>
      <UpdateFeedback progress={progress} result={result} />
    </section>
  );
}
