import { render } from 'preact';
import type { Verdict } from '@/src/match/types';
import { send } from '@/src/messaging/client';
import { takeEarlyCheck } from '@/src/ui/warning-page/early-check';
import { markWarningShown, setUpWarningDocument } from '@/src/ui/warning-page/page-setup';
import { targetFromHash } from '@/src/ui/warning-page/target-url';
import { WarningPage, type WarningPageProps } from '@/src/ui/warning-page/WarningPage';

// The page is reachable from the web (the before-load redirect needs that), so it refuses
// to work inside a frame: no site can overlay it and trick the user into clicking.
if (window.top === window) {
  const target = targetFromHash(location.hash);
  // Asked before anything else (by the page's first script, warning-check.ts, if it ran),
  // so the background answers while the page sets itself up. The address after '#' can be
  // crafted by anyone who links here: it is only ever checked, and the page shows nothing
  // but the background's answer for it.
  const check = target ? (takeEarlyCheck(target) ?? send('warning.check', { url: target })) : null;
  const root = document.getElementById('app') as HTMLElement;
  setUpWarningDocument(document, root);
  // When warning-check.ts has already shown the warning with plain DOM, Preact renders over
  // those same nodes (it reuses children that match) and only adds the buttons' handlers.
  const show = (props: WarningPageProps) => render(<WarningPage {...props} />, root);
  if (!target || !check) show({ kind: 'invalid' });
  else
    check.then(
      (verdict: Verdict) => {
        // Not (or no longer) listed, e.g. trusted in another tab meanwhile: go on to the site.
        if (verdict.kind !== 'blocked') return location.replace(target);
        show({ kind: 'blocked', target, verdict });
        markWarningShown();
      },
      () => show({ kind: 'invalid' }),
    );
}
