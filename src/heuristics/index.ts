/**
 * Page heuristics: public API for the content scripts (see docs/heuristics.md).
 * Isolated world: collectSnapshot + requestSignals/watchSignals + evaluatePage.
 * MAIN world: startMainWorldMonitor (imports only runtime-signals and the bridge).
 */
export { collectSnapshot, LIMITS } from './snapshot';
export { evaluatePage, WARN_THRESHOLD, DETECTORS, type PageEvaluation } from './evaluate';
export { startMainWorldMonitor, requestSignals, watchSignals, REQUEST_EVENT, REPLY_EVENT } from './signal-bridge';
export { installMonitor, type MonitorOptions } from './runtime-signals';
export type { DetectorId, Finding, PageSnapshot, RuntimeSignals, LinkInfo, PhoneInfo, HiddenReason } from './types';
