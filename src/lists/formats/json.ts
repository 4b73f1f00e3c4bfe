import type { Collector } from '../collector';
import { addEntry } from './urls';

/** Keys whose array values are sites to block / to allow. polkadot-js uses deny/allow/denySub. */
const BLOCK_KEYS = ['blacklist', 'blocklist', 'deny', 'denySub', 'block', 'blocked', 'domains', 'urls'];
const ALLOW_KEYS = ['whitelist', 'allowlist', 'allow', 'allowed'];

/**
 * JSON lists:
 * - `["a.com", "https://b.com/x"]`: every item blocks.
 * - `{ "deny": [...], "allow": [...] }` (and blacklist/whitelist …): known keys only; other array
 *   keys (MetaMask `fuzzylist`, `tolerance` …) are not site lists → unsupported.
 * - `{ "evil.com": ["0xwallet", …] }` (scamsniffer): every value is an array and no known key is
 *   present, so the *keys* are the sites; the wallet addresses are ignored.
 * Anything else is "not a list": one invalid entry, no rules.
 */
export function parseJsonValue(value: unknown, col: Collector): void {
  if (Array.isArray(value)) return addItems(value, col, false);
  if (typeof value !== 'object' || value === null) return notAList(value, col);
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj);
  if (keys.some((k) => BLOCK_KEYS.includes(k) || ALLOW_KEYS.includes(k))) {
    for (const k of keys) {
      const v = obj[k];
      const allow = ALLOW_KEYS.includes(k);
      if (!allow && !BLOCK_KEYS.includes(k)) {
        if (Array.isArray(v)) col.unsupported();
        continue;
      }
      if (Array.isArray(v)) addItems(v, col, allow);
      else notAList(v, col);
    }
    return;
  }
  if (keys.length > 0 && keys.every((k) => Array.isArray(obj[k]))) {
    return addItems(keys, col, false);
  }
  notAList(value, col);
}

function addItems(items: readonly unknown[], col: Collector, allow: boolean): void {
  for (const item of items) {
    col.stats.lines++;
    if (typeof item !== 'string') {
      col.invalid(safeStringify(item));
      continue;
    }
    const s = item.trim();
    if (s.length === 0 || /\s/.test(s)) col.invalid(item);
    else addEntry(s, col, allow, item);
  }
}

function notAList(value: unknown, col: Collector): void {
  col.stats.lines++;
  col.invalid(`JSON is not a list: ${safeStringify(value)}`);
}

function safeStringify(value: unknown): string {
  try {
    return String(JSON.stringify(value)).slice(0, 200);
  } catch {
    return String(value);
  }
}
