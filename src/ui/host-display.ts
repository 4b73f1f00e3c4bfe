import { toUnicode } from 'punycode/punycode.es6.js';

/** The host as a person reads it, and the punycode form when that differs (a homograph tell). */
export function displayHost(host: string): { unicode: string; ascii: string | null } {
  let unicode = host;
  try {
    unicode = toUnicode(host);
  } catch {
    // Malformed punycode: show it as it is.
  }
  return { unicode, ascii: unicode === host ? null : host };
}
