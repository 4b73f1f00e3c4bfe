import { send } from '../messaging/client';
import { extensionApi } from '../messaging/extension-api';
import { mountWarning } from '../ui/mount-warning';

/** How often to look for a same-document URL change (history.pushState / replaceState). */
const URL_POLL_MS = 250;

/**
 * Asks the background about this page (the background decides from the URL the browser
 * has for this frame, not from anything the page could fake) and, on a listed site,
 * stops the page loading and covers it with the warning.
 *
 * It asks again whenever the page's address changes without a new load: a single-page
 * site moving to a listed path with history.pushState, and a page restored from the
 * back/forward cache (whose content script does not run again).
 */
export async function guardPage(): Promise<void> {
  let mounted = false;
  let checkedUrl = '';
  let checking: Promise<void> | null = null;

  const check = async (): Promise<void> => {
    checkedUrl = urlWithoutHash();
    const verdict = await send('page.check', { url: location.href });
    if (verdict.kind !== 'blocked' || mounted) return;
    mounted = true;
    const blockedUrl = location.href;
    const warningPage = `${extensionApi().runtime.getURL('/warning.html')}#${blockedUrl}`;
    if (document.readyState !== 'complete') window.stop();
    // In a frame the framing page controls the
    // frame's size and visibility, so an in-page dialog there proves nothing: show the
    // warning page instead, which renders nothing when framed, leaving the frame blank.
    if (window.top !== window) {
      location.replace(warningPage);
      return;
    }
    await documentElementReady();
    mountWarning(
      {
        host: verdict.host,
        reason: verdict.reason,
        onGoBack: () => void send('page.leave', {}),
        onProceed: (always) => {
          void send('page.proceed', { always, url: location.href }).then(({ reload }) => {
            if (reload) location.reload();
          });
        },
        onOpenSettings: () => void send('page.openSettings', {}),
        onOpenHelp: (topic) => void send('page.openHelp', { topic, listId: verdict.reason.listId }),
      },
      // The page keeps removing the warning: leave it for the extension's warning page,
      // out of the page's reach; it offers the same choices for the same address.
      { onTamper: () => location.replace(warningPage) },
    );
  };
  const recheck = () => {
    if (mounted || checking || urlWithoutHash() === checkedUrl) return;
    checking = check()
      .catch(() => undefined)
      .finally(() => {
        checking = null;
      });
  };

  // The content script's own timer and listeners live in its isolated world: a page
  // replacing history.pushState or setInterval cannot silence them.
  setInterval(recheck, URL_POLL_MS);
  window.addEventListener('popstate', recheck, true);
  window.addEventListener('pageshow', (event) => {
    if (!event.persisted) return;
    checkedUrl = '';
    recheck();
  });
  checking = check().finally(() => {
    checking = null;
  });
  await checking;
}

/** The fragment never decides a verdict; a hash change is not worth a question. */
function urlWithoutHash(): string {
  return location.href.replace(/#.*$/, '');
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
