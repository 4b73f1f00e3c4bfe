import { Collector } from './collector';
import { detect } from './detect-format';
import { parseAbpLine, isCosmeticOrHtmlRule } from './formats/abp';
import { isDnsmasqSyntax, parseDnsmasqLine } from './formats/dnsmasq';
import { parseDomainLine } from './formats/domains';
import { parseJsonValue } from './formats/json';
import type { ListFormat, ParsedList } from './types';

/**
 * Parses a whole list. Every line goes through one dispatcher that recognises each syntax by
 * its first chars, so mixed lists still work; `format` only decides the ambiguous cases
 * (in ABP "host/path" is a pattern, in a URL list it is a URL; "##" is cosmetic only in ABP).
 * Never throws on bad input: bad lines are counted in stats.
 */
export function parseList(text: string, format?: ListFormat): ParsedList {
  const prepared = prepare(text, format);
  if ('done' in prepared) return prepared.done;
  const { lines, fmt, col } = prepared;
  parseLines(lines, 0, lines.length, fmt, col);
  return col.result(fmt);
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
  const { lines, fmt, col } = prepared;
  const sliceMs = options.sliceMs ?? 30;
  const step = 2000;
  let sliceStart = performance.now();
  for (let start = 0; start < lines.length; start += step) {
    parseLines(lines, start, Math.min(lines.length, start + step), fmt, col);
    if (performance.now() - sliceStart > sliceMs) {
      options.onProgress?.(Math.min(1, (start + step) / lines.length));
      await yieldToEventLoop();
      sliceStart = performance.now();
    }
  }
  options.onProgress?.(1);
  return col.result(fmt);
}

/** A macrotask boundary: lets pending messages and timers run. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

type Prepared = { done: ParsedList } | { lines: string[]; fmt: ListFormat; col: Collector };

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
  const col = new Collector();
  if (fmt === 'json') {
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
  return { lines: stripBom(text).split('\n'), fmt, col };
}

function parseLines(lines: string[], from: number, to: number, format: ListFormat, col: Collector): void {
  const abp = format === 'abp';
  const dnsmasq = format === 'dnsmasq';
  for (let i = from; i < to; i++) {
    const raw = lines[i] as string;
    // trim() only when needed: most lines have no surrounding space (\r of CRLF counts as space)
    const line = raw.charCodeAt(0) > 32 && raw.charCodeAt(raw.length - 1) > 32 ? raw : raw.trim();
    if (line.length === 0) continue;
    const c = line.charCodeAt(0);
    if (c === 33 /* ! */ || c === 59 /* ; */) continue;
    if (c === 35 /* # */) {
      // "#||x^" (commented-out entries) and "# text" are comments; "##.ad" is a cosmetic rule.
      if (abp && isCosmeticOrHtmlRule(line)) {
        col.stats.lines++;
        col.unsupported();
      }
      continue;
    }
    if (c === 91 /* [ */ && isAbpHeader(line)) continue;
    if (c === 47 /* / */ && line.charCodeAt(1) === 47 && isSlashComment(line)) continue;
    col.stats.lines++;
    if (isDnsmasqSyntax(line) || (dnsmasq && line.indexOf('=') > 0)) {
      parseDnsmasqLine(line, col);
    } else if (abp || c === 124 /* | */ || (c === 64 /* @ */ && line.charCodeAt(1) === 64)) {
      parseAbpLine(line, col);
    } else {
      parseDomainLine(line, col);
    }
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
