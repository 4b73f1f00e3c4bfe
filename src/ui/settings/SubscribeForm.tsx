import { useId, useRef, useState } from 'preact/hooks';
import { t } from '../../guidance/i18n';
import { send } from '../../messaging/client';
import { errorText } from '../popup/error-text';

interface Outcome {
  url: string;
  text: string;
  error: boolean;
}

/**
 * "Subscribe to a list". Subscribing downloads and imports the list, which takes a while; a
 * URL submitted meanwhile is queued and subscribed after the one before it, never dropped.
 * The queue and every outcome are shown.
 */
export function SubscribeForm({ refresh }: { refresh: () => Promise<void> }) {
  const [value, setValue] = useState('');
  const [queue, setQueue] = useState<string[]>([]);
  const [running, setRunning] = useState<string | null>(null);
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);
  const pending = useRef<string[]>([]);
  const working = useRef(false);
  const id = useId();

  const drain = async () => {
    if (working.current) return;
    working.current = true;
    for (let url = pending.current.shift(); url !== undefined; url = pending.current.shift()) {
      setQueue([...pending.current]);
      setRunning(url);
      let outcome: Outcome;
      try {
        const { id: listId, summary } = await send('lists.subscribe', { url });
        const result = summary.results.find((r) => r.id === listId);
        outcome =
          result?.outcome === 'failed'
            ? { url, text: t('subscribeFailed', [url, result.error ?? '']), error: true }
            : { url, text: t('popupSubscribed', [result?.name ?? url]), error: false };
      } catch (error) {
        outcome = { url, text: t('subscribeFailed', [url, errorText(error)]), error: true };
      }
      setOutcomes((o) => [...o, outcome]);
      await refresh().catch(() => undefined);
    }
    setRunning(null);
    setQueue([]);
    working.current = false;
  };

  const submit = (event: Event) => {
    event.preventDefault();
    const url = value.trim();
    if (!url) return;
    pending.current.push(url);
    setQueue([...pending.current]);
    setValue('');
    void drain();
  };

  return (
    <section aria-label={t('popupSubscribeTitle')}>
      <h2>{t('popupSubscribeTitle')}</h2>
      <form onSubmit={submit} class="row">
        <label for={id} class="visually-hidden">
          {t('popupListUrl')}
        </label>
        <input
          id={id}
          type="text"
          inputMode="url"
          spellcheck={false}
          autoComplete="off"
          value={value}
          placeholder="https://example.org/blocklist.txt"
          required
          onInput={(e) => setValue((e.target as HTMLInputElement).value)}
        />
        <button type="submit">{t('popupSubscribe')}</button>
      </form>
      <div role="status" data-testid="subscribe-queue">
        {running && <p>{t('subscribeRunning', [running])}</p>}
        {queue.map((url) => (
          <p key={url} class="muted">
            {t('subscribeQueued', [url])}
          </p>
        ))}
      </div>
      {outcomes.map((o, i) => (
        <p key={i} role={o.error ? 'alert' : 'status'} class={o.error ? 'error' : 'ok'} data-testid="subscribe-outcome">
          {o.text}
        </p>
      ))}
    </section>
  );
}
