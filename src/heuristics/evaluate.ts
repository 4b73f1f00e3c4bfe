/**
 * Runs every detector and decides whether to warn. Detectors are independent; the page score
 * is the strongest single finding (not a sum), so two weak, unrelated hints never add up to a
 * warning. WARN_THRESHOLD is set so that no single ambiguous signal reaches it on its own
 * (each detector caps those at <= 0.6): a warning needs corroborating evidence.
 */
import { detectBrowserLocker } from './detectors/browser-locker';
import { detectCloakingRedirect } from './detectors/cloaking-redirect';
import { detectCryptominer } from './detectors/cryptominer';
import { detectGamblingInjection } from './detectors/gambling-injection';
import type { Detector, DetectorContext, Finding, PageSnapshot, RuntimeSignals } from './types';

export const WARN_THRESHOLD = 0.7;

export const DETECTORS: readonly Detector[] = [
  detectGamblingInjection,
  detectCloakingRedirect,
  detectBrowserLocker,
  detectCryptominer,
];

export interface PageEvaluation {
  warn: boolean;
  /** Every non-null finding, strongest first (also those under the threshold, for debugging). */
  findings: Finding[];
  score: number;
}

export function evaluatePage(
  snapshot: PageSnapshot,
  signals?: RuntimeSignals,
  context?: DetectorContext,
): PageEvaluation {
  const findings: Finding[] = [];
  for (const detect of DETECTORS) {
    try {
      const f = detect(snapshot, signals, context);
      if (f !== null) findings.push(f);
    } catch {
      // A detector bug must never break the page or the other detectors.
    }
  }
  findings.sort((a, b) => b.score - a.score);
  const score = findings[0]?.score ?? 0;
  return { warn: score >= WARN_THRESHOLD, findings, score };
}
