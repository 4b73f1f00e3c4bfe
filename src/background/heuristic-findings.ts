import type { RuleRef } from '../match/types';

/** What a content script may report: detector ids, scores and short reasons, never page content. */
export interface ReportedFinding {
  id: string;
  score: number;
  reason: string;
  reasonZh: string;
}

const DETECTORS = new Set(['gambling-injection', 'cloaking-redirect', 'browser-locker', 'cryptominer']);
/** The same threshold the page evaluation uses (src/heuristics/evaluate.ts). */
const WARN_AT = 0.7;

/** Checks the shape of reported findings and turns the strongest into a warning reason. */
export function heuristicReason(findings: unknown): RuleRef | null {
  if (!Array.isArray(findings)) return null;
  const valid = findings.filter(
    (f): f is ReportedFinding =>
      typeof f === 'object' &&
      f !== null &&
      DETECTORS.has((f as ReportedFinding).id) &&
      typeof (f as ReportedFinding).score === 'number' &&
      typeof (f as ReportedFinding).reason === 'string' &&
      typeof (f as ReportedFinding).reasonZh === 'string',
  );
  const top = valid.sort((a, b) => b.score - a.score)[0];
  if (!top || top.score < WARN_AT) return null;
  return {
    listId: 'heuristics',
    listName: 'Page heuristics',
    category: top.id === 'gambling-injection' ? 'gambling' : top.id === 'cryptominer' ? 'malware' : 'scam',
    rule: top.id,
    ruleType: 'heuristic',
    why: { en: top.reason.slice(0, 300), zh: top.reasonZh.slice(0, 300) },
  };
}
