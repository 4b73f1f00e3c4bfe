import { browser } from 'wxt/browser';
import { collectSnapshot, evaluatePage, requestSignals, watchSignals } from '../heuristics';
import type { Verdict } from '../match/types';
import { send } from '../messaging/client';
import type { ScriptWarningPush } from '../messaging/protocol';
import { mountWarning } from '../ui/mount-warning';

/** When to look at the page: once it has settled, and again for pages that act later. */
const EVALUATE_AFTER_MS = [1500, 5000];

/**
 * Warnings for pages no list names: a listed script the page loads (reported by the
 * background, which sees every request), and page heuristics (a hacked page, a cloaking
 * redirect, a browser locker, a miner). Page content never leaves the page: only detector
 * ids, scores and reasons go to the background, which applies trusted sites.
 */
export function startDetectorWarnings(): void {
  let shown = false;
  let dismissed = false;

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
    });
  };

  browser.runtime.onMessage.addListener((message: unknown, sender: { id?: string }) => {
    if (sender.id !== browser.runtime.id) return;
    const push = message as ScriptWarningPush;
    if (push?.type === 'scripts.listed') show(push.verdict);
  });

  const evaluate = () => {
    if (shown || dismissed || !document.documentElement) return;
    const result = evaluatePage(collectSnapshot(document, window), requestSignals(window) ?? undefined);
    if (!result.warn) return;
    const findings = result.findings.map(({ id, score, reason, reasonZh }) => ({ id, score, reason, reasonZh }));
    void send('page.heuristic', { findings }).then(show, () => undefined);
  };
  const schedule = () => EVALUATE_AFTER_MS.forEach((ms) => setTimeout(evaluate, ms));
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', schedule, { once: true });
  else schedule();
  // A referrer-driven redirect is about to leave the page: look now, not later.
  watchSignals(window, () => evaluate());
}
