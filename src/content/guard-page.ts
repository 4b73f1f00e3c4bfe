import { send } from '../messaging/client';
import { mountWarning } from '../ui/mount-warning';

/**
 * Asks the background about this page (the background decides from the URL the browser
 * has for this frame, not from anything the page could fake) and, on a listed site,
 * stops the page loading and covers it with the warning.
 */
export async function guardPage(): Promise<void> {
  const verdict = await send('page.check', {});
  if (verdict.kind !== 'blocked') return;
  window.stop();
  await documentElementReady();
  mountWarning({
    host: verdict.host,
    reason: verdict.reason,
    onGoBack: () => void send('page.leave', {}),
    onProceed: (always) => {
      void send('page.proceed', { always }).then(({ reload }) => {
        if (reload) location.reload();
      });
    },
    onOpenSettings: () => void send('page.openSettings', {}),
  });
}

/** At document_start the root element may not exist yet. */
function documentElementReady(): Promise<void> {
  if (document.documentElement) return Promise.resolve();
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!document.documentElement) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(document, { childList: true });
  });
}
