import { Collector } from './collector';
import { detect } from './detect-format';
import { parseAbpLine, isCosmeticOrHtmlRule } from './formats/abp';
import { isDnsmasqSyntax, parseDnsmasqLine } from './formats/dnsmasq';
import { parseDomainLine } from './formats/domains';
import { parseJsonValue } from './formats/json';
import { releaseLastCheckedHost } from './public-suffix';
import type { ParsedList } from './types';
import type { ListFormat } from '../model/list-meta';

/**
 * Parses a whole list. Every line goes through one dispatcher that recognises each syntax by
 * its first chars, so mixed lists still work; `format` only decides the ambiguous cases
 * (in ABP "host/path" is a pattern, in a URL list it is a URL; "##" is cosmetic only in ABP).
 * Never throws on bad input: bad lines are counted in stats.
 */
export function parseList(text: string, format?: ListFormat): ParsedList {
  const prepared = prepare(text, format);
  if ('done' in prepared) return prepared.done;
  const { body, fmt, col } = prepared;
  parseLines(body, 0, Infinity, fmt, col);
  return finish(col, fmt);
}

export interface AsyncParseOptions {
  /** Longest stretch of parsing before giving the event loop a turn (ms). */
  sliceMs?: number;
  /** Called between slices with the share of lines done (0..1). */
  onProgress?: (done: number) => void;
}

/**
 * The same as parseList, in slices: a million-line list takes seconds to parse, and the
 * background must keep answering verdicts (and the popup its progress) meanwhile, so no
 * single task runs longer than `sliceMs`.
 */
export async function parseListAsync(
  text: string,
  format?: ListFormat,
  options: AsyncParseOptions = {},
): Promise<ParsedList> {
  const prepared = prepare(text, format);
  if ('done' in prepared) return prepared.done;
  const { body, fmt, col } = prepared;
  const sliceMs = options.sliceMs ?? 20;
  // Lines between clock reads: few enough that a slice ends on time while the code is still unoptimised.
  const step = 500;
  let sliceStart = performance.now();
  for (let pos = 0; pos < body.length;) {
    pos = parseLines(body, pos, step, fmt, col);
    if (performance.now() - sliceStart > sliceMs) {
      options.onProgress?.(Math.min(1, pos / body.length));
      await yieldToEventLoop();
      sliceStart = performance.now();
    }
  }
  options.onProgress?.(1);
  return finish(col, fmt);
}

function finish(col: Collector, fmt: ListFormat): ParsedList {
  releaseLastCheckedHost();
  return col.result(fmt);
}

/**
 * A macrotask boundary: lets pending messages and timers run. In the browser through a
 * MessageChannel: a chain of setTimeout(0) is clamped to 4 ms a turn after five, which an
 * import of a thousand slices would spend waiting. Node (tests, scripts) keeps setTimeout:
 * an open port there would keep the process alive.
 */
export function yieldToEventLoop(): Promise<void> {
  const channel = yieldChannel();
  if (!channel) return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    yieldWaiters.push(resolve);
    channel.port2.postMessage(null);
  });
}

const yieldWaiters: Array<() => void> = [];
let channel: MessageChannel | null | undefined;

function yieldChannel(): MessageChannel | null {
  if (channel !== undefined) return channel;
  const isNode = typeof process !== 'undefined' && typeof process.versions?.node === 'string';
  channel = isNode || typeof MessageChannel !== 'function' ? null : new MessageChannel();
  if (channel) channel.port1.onmessage = () => yieldWaiters.shift()?.();
  return channel;
}

type Prepared = { done: ParsedList } | { body: string; fmt: ListFormat; col: Collector };

/** Bytes per line of a typical one-host-per-line list, to size the de-duplication table. */
const BYTES_PER_LINE_GUESS = 32;

function prepare(text: string, format?: ListFormat): Prepared {
  let json: unknown;
  let fmt: ListFormat;
  if (format === undefined) {
    const d = detect(text);
    fmt = d.format;
    json = d.json;
  } else {
    fmt = format;
  }
  if (fmt === 'json') {
    const col = new Collector();
    if (json === undefined) {
      try {
        json = JSON.parse(stripBom(text)) as unknown;
      } catch {
        col.stats.lines++;
        col.invalid('not valid JSON');
        return { done: col.result(fmt) };
      }
    }
    parseJsonValue(json, col);
    return { done: col.result(fmt) };
  }
  const body = stripBom(text);
  return { body, fmt, col: new Collector(Math.floor(body.length / BYTES_PER_LINE_GUESS)) };
}

/**
 * Parses up to `maxLines` lines of `text` from `pos` (the start of a line); returns where
 * the next line starts (past the end when done). Lines are read in place: a line that is
 * just a host name (the bulk of every list) is checked and hashed without making any
 * string, and its host string is only made when it is new. Every other line goes through
 * parseLine.
 */
function parseLines(text: string, pos: number, maxLines: number, format: ListFormat, col: Collector): number {
  const fast = format !== 'abp';
  const n = text.length;
  for (let lines = 0; pos < n && lines < maxLines; lines++) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = n;
    if (!fast || !hostLine(text, pos, end, col)) parseLine(text.slice(pos, end), format, col);
    pos = end + 1;
  }
  return pos;
}

const MAX_HOST = 253;
const MAX_LABEL = 63;

// 1 = lower-case letter, digit, '-', '_'   2 = '.'   0 = anything else (upper case too)
const HOST_CHAR = new Uint8Array(128);
for (let c = 97; c <= 122; c++) HOST_CHAR[c] = 1;
for (let c = 48; c <= 57; c++) HOST_CHAR[c] = 1;
HOST_CHAR[45] = 1;
HOST_CHAR[95] = 1;
HOST_CHAR[46] = 2;

/**
 * The fast path for a line text[start, end) that parseLine would take, unchanged, as one
 * host: lower-case ASCII labels of 1..63 chars, at most 253 in all, last label not a
 * number (that would need the IPv4 check), optionally followed by "\r". Also not what
 * other branches of parseLine claim by their first chars: "0"/"1" (a glued hosts entry,
 * "0.0.0.0evil.com") or "local-data" (unbound syntax). Hashes the host (hash53) in the
 * same pass. Returns false, having done nothing, for any other line.
 */
function hostLine(text: string, start: number, end: number, col: Collector): boolean {
  if (end > start && text.charCodeAt(end - 1) === 13) end--; // CRLF: trim() would drop the \r
  const len = end - start;
  if (len === 0 || len > MAX_HOST) return false;
  const c0 = text.charCodeAt(start);
  if (c0 === 48 || c0 === 49 || (c0 === 108 && text.startsWith('local-data', start))) return false;
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  let labelStart = start;
  let lastNumeric = true;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const cls = c < 128 ? HOST_CHAR[c] : 0;
    if (cls === 1) {
      if (c < 48 || c > 57) lastNumeric = false;
    } else if (cls === 2) {
      const labelLen = i - labelStart;
      if (labelLen === 0 || labelLen > MAX_LABEL) return false;
      labelStart = i + 1;
      lastNumeric = true;
    } else {
      return false;
    }
    // hash53 (src/match/hash.ts), inlined
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  const lastLen = end - labelStart;
  if (lastLen === 0 || lastLen > MAX_LABEL || lastNumeric) return false;
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  col.hostLine(text, start, end, 4294967296 * (2097151 & h2) + (h1 >>> 0));
  return true;
}

/** One line, any syntax: every line goes through here unless hostLine took it. */
function parseLine(raw: string, format: ListFormat, col: Collector): void {
  const abp = format === 'abp';
  const dnsmasq = format === 'dnsmasq';
  // trim() only when needed: most lines have no surrounding space (\r of CRLF counts as space)
  const line = raw.charCodeAt(0) > 32 && raw.charCodeAt(raw.length - 1) > 32 ? raw : raw.trim();
  if (line.length === 0) return;
  const c = line.charCodeAt(0);
  if (c === 33 /* ! */ || c === 59 /* ; */) return;
  if (c === 35 /* # */) {
    // "#||x^" (commented-out entries) and "# text" are comments; "##.ad" is a cosmetic rule.
    if (abp && isCosmeticOrHtmlRule(line)) {
      col.stats.lines++;
      col.unsupported();
    }
    return;
  }
  if (c === 91 /* [ */ && isAbpHeader(line)) return;
  if (c === 47 /* / */ && line.charCodeAt(1) === 47 && isSlashComment(line)) return;
  col.stats.lines++;
  if (isDnsmasqSyntax(line) || (dnsmasq && line.indexOf('=') > 0)) {
    parseDnsmasqLine(line, col);
  } else if (abp || c === 124 /* | */ || (c === 64 /* @ */ && line.charCodeAt(1) === 64)) {
    parseAbpLine(line, col);
  } else {
    parseDomainLine(line, col);
  }
}

/** "[Adblock Plus 2.0]", "[uBlock Origin]" — not an IPv6 "[::1]". */
function isAbpHeader(line: string): boolean {
  const c = line.charCodeAt(1) | 0x20;
  return c >= 97 && c <= 122 && line.charCodeAt(line.length - 1) === 93;
}

/** "// comment" but not "//host/path" (protocol-relative URL). */
function isSlashComment(line: string): boolean {
  const c = line.charCodeAt(2);
  return line.length === 2 || c === 32 || c === 9 || c === 47;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
