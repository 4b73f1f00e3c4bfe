import {
  cloakingHosts,
  collectSnapshot,
  evaluatePage,
  requestSignals,
  startXrayMonitor,
  watchSignals,
  WARN_THRESHOLD,
  type Finding,
  type RuntimeSignals,
} from '../heuristics';
import type { Verdict } from '../model/verdict';
import { send } from '../messaging/client';
import { extensionApi } from '../messaging/extension-api';
import type { RedirectWarningPush, ScriptWarningPush } from '../model/protocol';
import { mountWarning } from '../ui/mount-warning';

/** When to look at the page: once it has settled, and again for pages that act later. */
const EVALUATE_AFTER_MS = [1500, 5000];

/**
 * Warnings for pages no list names: a listed script the page loads (reported by the
 * background, which sees every request), and page heuristics (a hacked page, a cloaking
 * redirect, a browser locker, a miner). Page content never leaves the page: only detector
 * ids, scores and reasons go to the background, which applies trusted sites, plus the hosts
 * whose site the background compares with the page's (it holds the public-suffix list).
 *
 * Call at document_start: in Firefox this installs the runtime monitor, which must wrap the
 * page's functions before the page's own scripts run.
 */
export function startDetectorWarnings(): void {
  let shown = false;
  let dismissed = false;

  // Firefox (MV2, no MAIN-world content scripts): the monitor runs here, through Xrays, and
  // its counts never pass through the page. Chromium: the MAIN-world monitor
  // (entrypoints/page-monitor.content.ts) answers over DOM events.
  const xray = startXrayMonitor(window, (s) => onRedirect(s));
  const readSignals = (): RuntimeSignals | null => (xray ? xray.read() : requestSignals(window));

  const show = (verdict: Verdict) => {
    if (verdict.kind !== 'blocked' || shown || dismissed) return;
    shown = true;
    const unmount = mountWarning({
      host: verdict.host,
      reason: verdict.reason,
      onGoBack: () => void send('page.leave', {}),
      onProceed: (always) => {
        void send('page.proceed', { always }).then(() => {
          dismissed = true;
          shown = false;
          unmount();
        });
      },
      onOpenSettings: () => void send('page.openSettings', {}),
      onOpenHelp: (topic) => void send('page.openHelp', { topic, listId: verdict.reason.listId }),
    });
  };

  const api = extensionApi();
  api.runtime.onMessage.addListener((message: unknown, sender: { id?: string }) => {
    if (sender.id !== api.runtime.id) return;
    const push = message as ScriptWarningPush | RedirectWarningPush;
    // A listed script this page requested; or this page was reached through a cloaking
    // redirect that the background learnt of only after the page had asked (see service.ts).
    if (push?.type === 'scripts.listed' || push?.type === 'redirect.landed') show(push.verdict);
  });

  const evaluate = async () => {
    if (shown || dismissed || !document.documentElement) return;
    const snapshot = collectSnapshot(document, window);
    const signals = readSignals() ?? undefined;
    // Same-site questions go to the background (see DetectorContext); most pages have none.
    const hosts = cloakingHosts(snapshot, signals);
    const same =
      hosts.length === 0
        ? []
        : await send('page.sameSite', { hosts }).then(
            (r) => r.same,
            () => [],
          );
    const result = evaluatePage(snapshot, signals, { sameSiteAsPage: (h) => same.includes(h) });
    if (!result.warn || shown || dismissed) return;
    void send('page.heuristic', { findings: reported(result.findings) }).then(show, () => undefined);
  };

  // A script is sending the visitor elsewhere right after reading the referrer. The page is
  // about to unload, and its timers with it: decide now and tell the background before it
  // goes (sendMessage is posted synchronously), so that the page the tab lands on is warned.
  // Hosts other than this page's count as other sites here; the background re-checks the
  // targets with the public-suffix list before it keeps anything.
  function onRedirect(signals: RuntimeSignals): void {
    // The page sees (and can forge) the bridge's events: no redirect target, no redirect.
    if (dismissed || !document.documentElement || signals.redirectsAfterReferrerRead.length === 0) return;
    try {
      const result = evaluatePage(collectSnapshot(document, window), signals);
      const cloaking = result.findings.filter((f) => f.id === 'cloaking-redirect' && f.score >= WARN_THRESHOLD);
      if (cloaking.length > 0) {
        const targets = signals.redirectsAfterReferrerRead;
        void send('page.redirecting', { findings: reported(cloaking), targets }).catch(() => undefined);
      }
    } catch {
      // Never break the page's navigation.
    }
    // window.open leaves this page in place: it can still be warned here.
    void evaluate().catch(() => undefined);
  }

  const schedule = () =>
    EVALUATE_AFTER_MS.forEach((ms) => setTimeout(() => void evaluate().catch(() => undefined), ms));
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', schedule, { once: true });
  else schedule();
  if (!xray) watchSignals(window, onRedirect);
}

/** What may leave the page: ids, scores and reasons (never evidence, which quotes the page). */
function reported(findings: readonly Finding[]) {
  return findings.map(({ id, score, reason, reasonZh }) => ({ id, score, reason, reasonZh }));
}
