import { render } from 'preact';
import { t } from '@/src/guidance/i18n';
import type { Verdict } from '@/src/model/verdict';
import { send } from '@/src/messaging/client';
import { DIALOG_CSS } from '@/src/ui/dialog-styles';
import { takeEarlyCheck } from '@/src/ui/warning-page/early-check';
import { targetFromHash } from '@/src/ui/warning-page/target-url';
import { WarningPage, type WarningPageProps } from '@/src/ui/warning-page/WarningPage';

/** Lets a benchmark read when the warning appeared, relative to navigation start (as the in-page dialog does). */
const WARNING_SHOWN_MARK = 'fraud-sentry:warning-shown';

// The page is reachable from the web (the before-load redirect needs that), so it refuses
// to work inside a frame: no site can overlay it and trick the user into clicking.
if (window.top === window) {
  const target = targetFromHash(location.hash);
  // Asked before anything else (by the page's first script, warning-check.ts, if it ran),
  // so the background answers while the page sets itself up. The address after '#' can be
  // crafted by anyone who links here: it is only ever checked, and the page shows nothing
  // but the background's answer for it.
  const check = target ? (takeEarlyCheck(target) ?? send('warning.check', { url: target })) : null;
  document.title = `⚠ ${t('dialogTitle')}`;
  document.documentElement.lang = navigator.language;
  const style = document.createElement('style');
  style.textContent = `${DIALOG_CSS.replace(/:host\s*\{[^}]*\}/, '')} html,body{margin:0;background:#7f1d1d}`;
  document.head.append(style);
  const root = document.getElementById('app') as HTMLElement;
  root.className = 'backdrop';
  const show = (props: WarningPageProps) => render(<WarningPage {...props} />, root);
  if (!target || !check) show({ kind: 'invalid' });
  else
    check.then(
      (verdict: Verdict) => {
        // Not (or no longer) listed, e.g. trusted in another tab meanwhile: go on to the site.
        if (verdict.kind !== 'blocked') return location.replace(target);
        show({ kind: 'blocked', target, verdict });
        performance.mark(WARNING_SHOWN_MARK);
      },
      () => show({ kind: 'invalid' }),
    );
}
