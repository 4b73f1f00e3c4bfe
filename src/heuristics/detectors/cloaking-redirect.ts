/**
 * Search-referrer cloaking: hacked pages that stay normal for the owner and for crawlers but
 * send visitors arriving from a search engine (or non-crawler user agents) elsewhere. Looks at
 * inline scripts for a referrer/user-agent read, a search-engine or spider check and a
 * navigation sink close together; the MAIN-world monitor can confirm it at run time.
 */
import type { DetectorContext, Finding, PageSnapshot, RuntimeSignals } from '../types';
import { clip, hostOf, near, noisyOr, positions, round2 } from '../util';

const PROXIMITY = 800; // chars: the three parts of a cloaking snippet sit in one small block

const REFERRER = /document\s*\.\s*referrer|\[\s*['"]referrer['"]\s*\]/gi;
// `\\?\.` also matches the escaped dot inside regex literals such as /so\.com/.
const ENGINES =
  /baidu|sogou|\bso\\?\.com|\bsm\\?\.cn|shenma|haosou|soso|360\\?\.cn|toutiao|youdao|\bgoogle\\?\.|\bbing\\?\.|yahoo|yandex/gi;
const USER_AGENT = /navigator\s*\.\s*useragent|\[\s*['"]useragent['"]\s*\]/gi;
const SPIDER = /spider|crawler|googlebot|bingbot|\bbot\b|slurp/gi;
const SINKS = [
  /\blocation\s*(?:\.\s*href\s*)?=(?!=)/gi,
  /\blocation\s*\.\s*(?:replace|assign)\s*\(/gi,
  /\[\s*['"](?:href|replace|assign)['"]\s*\]\s*(?:=(?!=)|\()/gi,
  /\bwindow\s*\.\s*open\s*\(/gi,
  /http-equiv\s*=\s*\\?['"]?refresh/gi,
  /document\s*\.\s*write(?:ln)?\s*\(\s*['"`]\s*<\s*(?:iframe|script|meta)/gi,
];
const OBFUSCATION = /unescape\s*\(|fromcharcode|atob\s*\(|\\x[0-9a-f]{2}|\\u00[0-9a-f]{2}|eval\s*\(/gi;
const URL_LITERAL = /https?:\/\/[a-z0-9.-]+/gi;

interface ScriptVerdict {
  score: number;
  evidence: string[];
}

type SameSite = (host: string) => boolean;

/**
 * The hosts whose site this detector compares with the page's: those of URLs in inline
 * scripts and redirect targets. The content script asks the background about exactly these.
 */
export function cloakingHosts(s: PageSnapshot, signals?: RuntimeSignals): string[] {
  const out = new Set<string>();
  for (const script of s.inlineScripts) {
    if (positions(REFERRER, script, 1).length === 0 && positions(USER_AGENT, script, 1).length === 0) continue;
    for (const m of script.match(URL_LITERAL) ?? []) {
      const h = hostOf(m);
      if (h !== '' && h !== s.host) out.add(h);
    }
  }
  for (const h of signals?.redirectsAfterReferrerRead ?? []) if (h !== s.host) out.add(h);
  return [...out].slice(0, MAX_HOSTS);
}

/** Bounds the question to the background (and the work) on a page full of URLs. */
export const MAX_HOSTS = 50;

export function detectCloakingRedirect(
  s: PageSnapshot,
  signals?: RuntimeSignals,
  context?: DetectorContext,
): Finding | null {
  const pageSite = context?.sameSiteAsPage;
  const same: SameSite = (h) => h === s.host || (pageSite?.(h) ?? false);
  let best: ScriptVerdict = { score: 0, evidence: [] };
  for (const script of s.inlineScripts) {
    const v = judgeScript(script, same);
    if (v.score > best.score) best = v;
  }
  const parts = [best.score];
  const evidence = [...best.evidence];
  const redirected = signals?.redirectsAfterReferrerRead ?? [];
  const away = redirected.filter((h) => h !== '' && !same(h));
  if (away.length > 0) {
    parts.push(0.75);
    evidence.push(`navigated to ${away.slice(0, 3).join(', ')} right after reading the referrer`);
  }
  const score = round2(noisyOr(parts));
  if (score < 0.1) return null;
  return {
    id: 'cloaking-redirect',
    score,
    reason: 'This page sends visitors who arrive from a search engine to a different site (search-engine cloaking).',
    reasonZh: '此网页会把从搜索引擎进入的访客跳转到其他网站（搜索引擎劫持），疑似被黑客篡改。',
    evidence,
  };
}

function judgeScript(src: string, same: SameSite): ScriptVerdict {
  const ref = positions(REFERRER, src);
  const ua = positions(USER_AGENT, src);
  if (ref.length === 0 && ua.length === 0) return { score: 0, evidence: [] };
  const sinks = SINKS.flatMap((re) => positions(re, src)).filter((at) => !isBackButton(src, at));
  const engines = positions(ENGINES, src);
  const spiders = positions(SPIDER, src);
  const external = externalHosts(src, same);
  const obfuscated = positions(OBFUSCATION, src, 5).length > 0;

  const refEngine = near(ref, engines, PROXIMITY);
  const refSink = near(ref, sinks, PROXIMITY);
  const uaSpiderSink = near(ua, spiders, PROXIMITY) && near(ua, sinks, PROXIMITY);

  let score = 0;
  if (refEngine && refSink) score = 0.8;
  else if (uaSpiderSink) score = 0.55;
  else if (refSink) score = 0.35;
  else if (refEngine) score = 0.15; // analytics classifying traffic: harmless on its own
  if (score >= 0.35 && external.length > 0) score += 0.1;
  if (score >= 0.35 && obfuscated) score += 0.05;

  const evidence: string[] = [];
  const first = ref[0] ?? ua[0] ?? 0;
  if (score > 0) evidence.push(`script: ${clip(src.slice(Math.max(0, first - 20), first + 100), 90)}`);
  if (refEngine) evidence.push('checks the referrer for search engines');
  if (uaSpiderSink) evidence.push('checks the user agent for crawlers');
  if (sinks.length > 0 && score >= 0.35) evidence.push('then navigates');
  if (external.length > 0 && score >= 0.35) evidence.push(`target: ${external.slice(0, 2).join(', ')}`);
  if (obfuscated && score >= 0.35) evidence.push('obfuscated code');
  return { score: Math.min(score, 0.95), evidence };
}

/** `location.href = document.referrer` is a "back" button, not cloaking. */
function isBackButton(src: string, sinkAt: number): boolean {
  return /^[^;\n]{0,40}referrer/i.test(src.slice(sinkAt, sinkAt + 60).replace(/^[^=(]*[=(]/, ''));
}

function externalHosts(src: string, same: SameSite): string[] {
  const out: string[] = [];
  for (const m of src.match(URL_LITERAL) ?? []) {
    const h = hostOf(m);
    if (h !== '' && !same(h) && !isEngine(h) && !out.includes(h)) out.push(h);
  }
  return out;
}

function isEngine(h: string): boolean {
  ENGINES.lastIndex = 0;
  return ENGINES.test(h);
}
