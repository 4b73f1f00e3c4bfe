import { useId, useState } from 'preact/hooks';
import { t } from '../../guidance/i18n';
import { send } from '../../messaging/client';
import type { StatusSnapshot } from '../../model/protocol';
import { errorText } from '../popup/error-text';
import { parseSettingsFile, settingsFile } from './settings-file';

/** Export the user's settings and subscriptions to a file, and import them back. */
export function ImportExport({ status, refresh }: { status: StatusSnapshot; refresh: () => Promise<void> }) {
  const [result, setResult] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const fileId = useId();

  const exportFile = () => {
    const subscriptions = status.lists.filter((l) => l.source === 'subscription').map((l) => l.url);
    const body = JSON.stringify(settingsFile(status.blockedSites, status.trustedSites, subscriptions), null, 2);
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([body], { type: 'application/json' }));
    link.download = 'fraud-sentry-settings.json';
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  };

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setBusy(true);
    setResult(null);
    const parsed = parseSettingsFile(await file.text().catch(() => ''));
    if ('error' in parsed) {
      setResult({ text: t('settingsImportBad', [parsed.error]), error: true });
      setBusy(false);
      return;
    }
    // Applied one by one through the same checks as typing them in; what fails is named.
    const failures: string[] = [];
    const known = new Set(status.lists.map((l) => l.url));
    const attempt = async (what: string, action: () => Promise<unknown>) => {
      try {
        await action();
      } catch (error) {
        failures.push(`${what}: ${errorText(error)}`);
      }
    };
    for (const site of parsed.blockedSites) await attempt(site, () => send('sites.block', { site }));
    for (const site of parsed.trustedSites) await attempt(site, () => send('sites.trust', { site }));
    for (const url of parsed.subscriptions.filter((u) => !known.has(u))) {
      await attempt(url, () => send('lists.subscribe', { url }));
    }
    await refresh().catch(() => undefined);
    const counts = [parsed.blockedSites.length, parsed.trustedSites.length, parsed.subscriptions.length];
    setResult(
      failures.length === 0
        ? { text: t('settingsImported', counts), error: false }
        : { text: t('settingsImportPartial', [failures.join('; ')]), error: true },
    );
    setBusy(false);
  };

  return (
    <section aria-labelledby="import-export-title">
      <h2 id="import-export-title">{t('settingsImportExport')}</h2>
      <p class="muted">{t('settingsImportExportHelp')}</p>
      <div class="row wrap">
        <button type="button" onClick={exportFile}>
          {t('settingsExport')}
        </button>
        <label for={fileId} class="button-like">
          {t('settingsImport')}
        </label>
        <input
          id={fileId}
          type="file"
          accept="application/json,.json"
          class="visually-hidden"
          disabled={busy}
          data-testid="import-file"
          onChange={(e) => void importFile(e.target as HTMLInputElement)}
        />
      </div>
      {result && (
        <p role={result.error ? 'alert' : 'status'} class={result.error ? 'error' : 'ok'} data-testid="import-result">
          {result.text}
        </p>
      )}
    </section>
  );
}
