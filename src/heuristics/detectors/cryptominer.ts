/**
 * In-page cryptominer: known miner libraries by file name or host, their start-up calls in
 * inline scripts, and at run time miner globals, WebSockets to pool-like endpoints and
 * WebAssembly with many workers. WebAssembly and workers alone are ordinary (image, video,
 * games), so they count for little without a miner name or a pool.
 */
import type { Finding, PageSnapshot, RuntimeSignals } from '../types';
import { clip, noisyOr, round2 } from '../util';

const MINER_SCRIPT =
  /coin-?hive|crypto-?loot|coinimp|deepminer|cryptonight|webminepool|minero\.|jsecoin|coinhave|authedmine|monerominer|webmr\.js|crypta\.js|\bxmr[-_.]?miner|(?:^|[/._-])miner(?:\.min)?\.js/i;
const INLINE_MINER: readonly { name: string; re: RegExp }[] = [
  { name: 'CoinHive.Anonymous', re: /CoinHive\s*\.\s*(?:Anonymous|User|Token)/ },
  { name: 'CryptoLoot.Anonymous', re: /(?:CryptoLoot|CRLT)\s*\.\s*Anonymous/ },
  { name: 'deepMiner', re: /deepMiner\s*\.\s*(?:Anonymous|Init)/ },
  { name: 'CoinImp/Client.Anonymous', re: /CoinImp\s*\.\s*Anonymous|\bClient\s*\.\s*Anonymous\s*\(/ },
  { name: 'cryptonight', re: /\bcryptonight\b/i },
  { name: 'stratum pool URL', re: /stratum\+tcp:\/\//i },
  { name: 'miner.start()', re: /\bminer\s*\.\s*start\s*\(/ },
];

export function detectCryptominer(s: PageSnapshot, signals?: RuntimeSignals): Finding | null {
  const parts: number[] = [];
  const evidence: string[] = [];

  const srcs = s.scriptSrcs.filter((u) => MINER_SCRIPT.test(u));
  if (srcs.length > 0) {
    parts.push(0.7);
    evidence.push(`miner script: ${clip(srcs[0] ?? '', 80)}`);
  }
  const inline = INLINE_MINER.filter((p) => s.inlineScripts.some((code) => p.re.test(code)));
  if (inline.length > 0) {
    parts.push(inline.length >= 2 ? 0.75 : 0.6);
    evidence.push(`miner code: ${inline.map((p) => p.name).join(', ')}`);
  }
  if (signals !== undefined) {
    if (signals.minerGlobals.length > 0) {
      parts.push(0.8);
      evidence.push(`miner globals: ${signals.minerGlobals.join(', ')}`);
    }
    if (signals.poolSockets.length > 0) {
      parts.push(0.6);
      evidence.push(`pool connection: ${signals.poolSockets.slice(0, 2).join(', ')}`);
    }
    if (signals.wasmCompiles > 0 && signals.workers >= 2) {
      parts.push(signals.workers >= 4 ? 0.35 : 0.2);
      evidence.push(`${signals.wasmCompiles} WebAssembly compiles, ${signals.workers} workers`);
    }
  }
  const score = round2(noisyOr(parts));
  if (score < 0.1) return null;
  return {
    id: 'cryptominer',
    score,
    reason: "This page appears to mine cryptocurrency with your device's processor.",
    reasonZh: '此网页疑似在利用您的设备进行加密货币挖矿，会占用大量处理器资源。',
    evidence,
  };
}
