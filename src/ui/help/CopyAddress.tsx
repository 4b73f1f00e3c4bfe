import { useState } from 'preact/hooks';
import { t } from '../../guidance/i18n';

/** Writes the site's address to the clipboard; the result is announced to screen readers. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** The site's address, shown in full and copied with one click. */
export function CopyAddress({ site, onCopied }: { site: string; onCopied?: (ok: boolean) => void }) {
  const [copied, setCopied] = useState<boolean | null>(null);
  if (!site) return <p class="muted">{t('helpNoSite')}</p>;
  return (
    <div class="address">
      <code data-testid="site-address">{site}</code>{' '}
      <button
        type="button"
        class="small"
        onClick={async () => {
          const ok = await copyText(site);
          setCopied(ok);
          onCopied?.(ok);
        }}
      >
        {t('helpCopy')}
      </button>
      {copied !== null && (
        <p role="status" class={copied ? 'ok' : 'error'} data-testid="copy-result">
          {copied ? t('helpCopied') : t('helpCopyFailed')}
        </p>
      )}
    </div>
  );
}
