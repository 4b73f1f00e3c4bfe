/**
 * Page heuristics: public API for the content scripts (see docs/heuristics.md).
 * Isolated world: collectSnapshot + requestSignals/watchSignals + evaluatePage.
 * MAIN world (Chromium): startMainWorldMonitor (imports only runtime-signals and the bridge).
 * Firefox: startXrayMonitor from the isolated world instead (no MAIN-world scripts in MV2).
 * Nothing here may import site.ts (tldts): the background answers same-site questions.
 */
export { collectSnapshot, LIMITS } from './snapshot';
export { evaluatePage, WARN_THRESHOLD, DETECTORS, type PageEvaluation } from './evaluate';
export { startMainWorldMonitor, requestSignals, watchSignals, REQUEST_EVENT, REPLY_EVENT } from './signal-bridge';
export { installMonitor, type MonitorOptions } from './runtime-signals';
export { startXrayMonitor, type XrayMonitor } from './xray-monitor';
export { cloakingHosts, MAX_HOSTS } from './detectors/cloaking-redirect';
export type {
  DetectorContext,
  DetectorId,
  Finding,
  PageSnapshot,
  RuntimeSignals,
  LinkInfo,
  PhoneInfo,
  HiddenReason,
} from './types';
