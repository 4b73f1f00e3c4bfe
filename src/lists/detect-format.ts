import { isDnsmasqSyntax } from './formats/dnsmasq';
import { isHostsAddress, isSpace, recoverGluedHostsEntry } from './formats/hosts';
import type { ListFormat } from '../model/list-meta';

/** Enough lines to outvote a few odd ones without reading a 1M-line list twice. */
const SAMPLE_LINES = 400;

export interface Detection {
  format: ListFormat;
  /** The parsed JSON when format is 'json', so parseList does not parse it twice. */
  json?: unknown;
}

export function detectFormat(text: string): ListFormat {
  return detect(text).format;
}

/** Order breaks ties: the more specific syntax wins over plain domains. */
const ORDER: ListFormat[] = ['abp', 'dnsmasq', 'hosts', 'wildcard', 'urls', 'domains'];

export function detect(text: string): Detection {
  const start = skipBomAndSpace(text);
  const first = text.charCodeAt(start);
  if (first === 123 /* { */ || first === 91 /* [ */) {
    try {
      return { format: 'json', json: JSON.parse(text.slice(start)) as unknown };
    } catch {
      // "[Adblock Plus 2.0]" or a broken JSON: vote on the lines
    }
  }
  const votes: Record<ListFormat, number> = { abp: 0, dnsmasq: 0, hosts: 0, wildcard: 0, urls: 0, domains: 0, json: 0 };
  let bangComments = 0;
  let seen = 0;
  let pos = start;
  while (pos < text.length && seen < SAMPLE_LINES) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    const line = text.slice(pos, end).trim();
    pos = end + 1;
    if (line.length === 0) continue;
    const c = line.charCodeAt(0);
    if (c === 33 /* ! */) {
      bangComments++;
      continue;
    }
    if (c === 91 && /^\[(adblock|ublock|adguard)/i.test(line)) {
      votes.abp += 50;
      continue;
    }
    if (c === 35 /* # */) {
      if (line.startsWith('#||') || /^#[@?$%]?#/.test(line)) votes.abp++;
      continue;
    }
    seen++;
    votes[classify(line)]++;
  }
  let best: ListFormat = seen === 0 && bangComments > 0 ? 'abp' : 'domains';
  let bestVotes = 0;
  for (const f of ORDER) {
    if (votes[f] > bestVotes) {
      best = f;
      bestVotes = votes[f];
    }
  }
  return { format: best };
}

function classify(line: string): ListFormat {
  const c = line.charCodeAt(0);
  if (c === 124 /* | */ || line.startsWith('@@')) return 'abp';
  if (isDnsmasqSyntax(line)) return 'dnsmasq';
  if (line.indexOf('##') >= 0 || line.indexOf('#@#') >= 0 || line.indexOf('^') >= 0 || line.indexOf('$') >= 0) {
    return 'abp';
  }
  if (c === 42 /* * */ && line.charCodeAt(1) === 46) return 'wildcard';
  let ws = -1;
  for (let i = 0; i < line.length; i++) {
    if (isSpace(line.charCodeAt(i))) {
      ws = i;
      break;
    }
  }
  const token = ws < 0 ? line : line.slice(0, ws);
  if (ws > 0 && isHostsAddress(token)) return 'hosts';
  const glued = recoverGluedHostsEntry(token);
  if (glued !== undefined && glued !== '') return 'hosts';
  if (token.indexOf('/') >= 0) return 'urls';
  return 'domains';
}

function skipBomAndSpace(text: string): number {
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0xfeff || c === 32 || c === 9 || c === 10 || c === 13) i++;
    else break;
  }
  return i;
}
