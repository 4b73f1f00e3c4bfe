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
        return col.result(fmt);
      }
    }
    parseJsonValue(json, col);
    return col.result(fmt);
  }
  parseLines(stripBom(text), fmt, col);
  return col.result(fmt);
}

function parseLines(text: string, format: ListFormat, col: Collector): void {
  const abp = format === 'abp';
  const dnsmasq = format === 'dnsmasq';
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
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
