/**
 * Browser locker / fake tech support: a page that scares ("your computer is infected"),
 * shows a phone number to call, and tries to keep the user trapped (history flooding, dialog
 * loops, forced fullscreen, beforeunload). Scare words plus a phone alone is also what an
 * article about such scams looks like, so without a trapping behaviour the score stays low.
 */
import type { Finding, PageSnapshot, RuntimeSignals } from '../types';
import { findTerms, noisyOr, round2 } from '../util';

export const SCARE_PHRASES: readonly string[] = [
  'windows defender',
  'microsoft support',
  'call microsoft',
  'apple support',
  'your computer is locked',
  'your computer has been locked',
  'computer has been blocked',
  'virus detected',
  'infected with',
  'security alert',
  'do not close this page',
  "don't close this page",
  'do not restart',
  'trojan',
  'spyware',
  'ransomware',
  'error code',
  'call immediately',
  'call now',
  'toll free',
  '感染病毒',
  '病毒感染',
  '已被锁定',
  '已锁定',
  '系统警告',
  '安全警告',
  '木马',
  '黑客攻击',
  '请勿关闭',
  '不要关闭',
  '请勿重启',
  '立即拨打',
  '请立即致电',
  '个人信息被盗',
  '银行信息',
  '微软客服',
  '错误代码',
];

interface Behaviour {
  name: string;
  score: number;
}

export function detectBrowserLocker(s: PageSnapshot, signals?: RuntimeSignals): Finding | null {
  const scare = findTerms(`${s.title} ${s.visibleText}`, SCARE_PHRASES);
  const behaviours = [...scriptBehaviours(s.inlineScripts), ...runtimeBehaviours(signals)];
  // One entry per behaviour: runtime proof outranks a pattern in the source.
  const merged = new Map<string, number>();
  for (const b of behaviours) merged.set(b.name, Math.max(merged.get(b.name) ?? 0, b.score));

  const parts = [...merged.values()];
  if (scare.length > 0) parts.push(scare.length >= 3 ? 0.45 : scare.length === 2 ? 0.35 : 0.2);
  const prominentPhone = s.phones.find((p) => p.prominent);
  if (prominentPhone !== undefined) parts.push(0.25);
  else if (s.phones.length > 0) parts.push(0.1);
  if (parts.length === 0) return null;

  let score = noisyOr(parts);
  const runtimeTrap = (merged.get('history flooding') ?? 0) >= 0.4 && (merged.get('dialog loop') ?? 0) >= 0.4;
  // Without scare words, only a proven trap at run time is enough; without any trap, never.
  if (scare.length === 0 && !runtimeTrap) score = Math.min(score, 0.5);
  if (merged.size === 0) score = Math.min(score, 0.55);
  score = round2(score);
  if (score < 0.1) return null;

  const evidence: string[] = [];
  if (merged.size > 0) evidence.push(`traps: ${[...merged.keys()].join(', ')}`);
  if (scare.length > 0) evidence.push(`scare words: ${scare.slice(0, 5).join(', ')}`);
  const phone = prominentPhone ?? s.phones[0];
  if (phone !== undefined) evidence.push(`phone: ${phone.number}${phone.prominent ? ' (prominent)' : ''}`);
  return {
    id: 'browser-locker',
    score,
    reason:
      'This page pretends your device is infected or locked and tries to keep you from leaving so that you call a "support" number.',
    reasonZh: '此网页谎称您的设备中毒或被锁定，并阻止您离开，诱导您拨打所谓的“客服”电话，这是常见的技术支持诈骗。',
    evidence,
  };
}

const LOOP = String.raw`(?:for\s*\(|while\s*\(|setinterval\s*\(|do\s*\{)[\s\S]{0,240}?`;
const SCRIPT_PATTERNS: readonly { name: string; re: RegExp; score: number }[] = [
  { name: 'history flooding', re: new RegExp(`${LOOP}history\\s*\\.\\s*(?:push|replace)state`, 'i'), score: 0.3 },
  { name: 'dialog loop', re: new RegExp(`${LOOP}\\b(?:alert|confirm|prompt)\\s*\\(`, 'i'), score: 0.3 },
  { name: 'forced fullscreen', re: /(?:webkit|moz|ms)?requestfullscreen|keyboard\s*\.\s*lock\s*\(/i, score: 0.2 },
  { name: 'leave trap', re: /onbeforeunload|['"]beforeunload['"]/i, score: 0.1 },
];

function scriptBehaviours(scripts: readonly string[]): Behaviour[] {
  const out: Behaviour[] = [];
  for (const p of SCRIPT_PATTERNS) {
    if (scripts.some((s) => p.re.test(s))) out.push({ name: p.name, score: p.score });
  }
  return out;
}

function runtimeBehaviours(r: RuntimeSignals | undefined): Behaviour[] {
  if (r === undefined) return [];
  const out: Behaviour[] = [];
  if (r.historyBurst >= 10 || r.historyLengthGrowth >= 20) out.push({ name: 'history flooding', score: 0.4 });
  if (r.dialogBurst >= 3) out.push({ name: 'dialog loop', score: 0.4 });
  if (r.fullscreenWithoutGesture >= 1 || r.fullscreenRequests >= 3) out.push({ name: 'forced fullscreen', score: 0.3 });
  if (r.beforeUnloadHandlers >= 1) out.push({ name: 'leave trap', score: 0.1 });
  return out;
}
