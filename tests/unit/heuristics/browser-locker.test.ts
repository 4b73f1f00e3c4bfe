import { describe, expect, it } from 'vitest';
import { detectBrowserLocker } from '../../../src/heuristics/detectors/browser-locker';
import { WARN_THRESHOLD } from '../../../src/heuristics/evaluate';
import { signals, snap } from './make-snapshot';

const SCARE_EN = 'Your computer has been locked. Windows Defender found a Trojan. Do not close this page.';
const PHONE = [{ number: '1-800-555-0199', prominent: true }];
const TRAPPING = signals({
  historyBurst: 40,
  historyLengthGrowth: 40,
  dialogBurst: 5,
  dialogs: 5,
  fullscreenRequests: 1,
  fullscreenWithoutGesture: 1,
  beforeUnloadHandlers: 1,
});

describe('detectBrowserLocker', () => {
  it('flags scare text + phone + runtime traps', () => {
    const f = detectBrowserLocker(snap({ visibleText: SCARE_EN, phones: PHONE }), TRAPPING);
    expect(f!.score).toBeGreaterThanOrEqual(0.9);
    expect(f!.evidence.join(' ')).toContain('1-800-555-0199');
  });

  it('flags the Chinese variant from script patterns alone', () => {
    const js = 'for (var i = 0; i < 99; i++) history.pushState({}, "", "#" + i); while (true) { alert("警告"); }';
    const f = detectBrowserLocker(
      snap({
        title: '系统警告',
        visibleText: '您的电脑已感染病毒，请勿关闭页面，立即拨打',
        phones: [{ number: '400-000-0000', prominent: true }],
        inlineScripts: [js],
      }),
    );
    expect(f!.score).toBeGreaterThanOrEqual(WARN_THRESHOLD);
  });

  it('never warns on scare words + phone without any trap (articles about scams look like that)', () => {
    const f = detectBrowserLocker(
      snap({ visibleText: `${SCARE_EN} Microsoft support error code virus detected`, phones: PHONE }),
    );
    expect(f!.score).toBeLessThanOrEqual(0.55);
  });

  it('never warns on traps without scare words unless the runtime saw flooding and a dialog loop', () => {
    const media = signals({ fullscreenRequests: 1, beforeUnloadHandlers: 2, historyBurst: 3 });
    expect(detectBrowserLocker(snap({ phones: PHONE }), media)!.score).toBeLessThanOrEqual(0.5);
    expect(detectBrowserLocker(snap({ phones: PHONE }), TRAPPING)!.score).toBeGreaterThanOrEqual(WARN_THRESHOLD);
  });

  it('a support page with a hotline, fullscreen video and a form guard stays under the threshold', () => {
    const f = detectBrowserLocker(
      snap({ visibleText: '客服热线 call us toll free', phones: PHONE }),
      signals({ fullscreenRequests: 1, beforeUnloadHandlers: 1 }),
    );
    expect(f!.score).toBeLessThan(WARN_THRESHOLD);
  });

  it('returns null on a plain page', () => {
    expect(detectBrowserLocker(snap({ visibleText: 'hello' }))).toBeNull();
  });
});
