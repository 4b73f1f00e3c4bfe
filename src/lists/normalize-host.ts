/**
 * Host normalisation shared by every list format. Hot path: plain ASCII hosts are checked
 * with a char table and never touch `URL`; only non-ASCII names (IDN) and IPv6 go through
 * the WHATWG URL parser, which does IDNA/punycode the same way in browsers and Node.
 */

const MAX_HOST = 253;
const MAX_LABEL = 63;
/** Unicode input longer than this cannot fit in 253 ASCII chars after punycode anyway. */
const MAX_RAW = 1024;

// 1 = lower-case letter, digit, '-', '_'  2 = upper-case letter  3 = '.'  0 = not allowed
const ASCII_CLASS = new Uint8Array(128);
for (let c = 97; c <= 122; c++) ASCII_CLASS[c] = 1;
for (let c = 48; c <= 57; c++) ASCII_CLASS[c] = 1;
for (let c = 65; c <= 90; c++) ASCII_CLASS[c] = 2;
ASCII_CLASS[45] = 1; // '-'
ASCII_CLASS[95] = 1; // '_' : not valid DNS, but real hosts use it and browsers accept it
ASCII_CLASS[46] = 3; // '.'

/**
 * Lower-cases, trims a trailing dot and a leading "*.", converts Unicode to punycode.
 * Returns null for anything that is not a usable host name, IPv4 or IPv6 address.
 * IPv6 comes back in URL form with brackets ("[2001:db8::1]"), like `URL.hostname`.
 */
export function normalizeHost(input: string): string | null {
  let s = input.trim();
  if (s.length === 0 || s.length > MAX_RAW) return null;
  if (s.charCodeAt(0) === 91 /* [ */) {
    return s.charCodeAt(s.length - 1) === 93 /* ] */ ? normalizeIPv6(s.slice(1, -1)) : null;
  }
  if (s.charCodeAt(0) === 42 /* * */) {
    if (s.charCodeAt(1) !== 46) return null;
    s = s.slice(2);
  }
  if (s.charCodeAt(s.length - 1) === 46) s = s.slice(0, -1);
  if (s.length === 0) return null;

  let upper = false;
  let nonAscii = false;
  let colon = false;
  // Single pass for the common lower-case ASCII name: classes, label sizes, numeric last label.
  let labelStart = 0;
  let badLabel = false;
  let lastNumeric = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128) {
      nonAscii = true;
      continue;
    }
    const cls = ASCII_CLASS[c];
    if (cls === 3) {
      const labelLen = i - labelStart;
      if (labelLen === 0 || labelLen > MAX_LABEL) badLabel = true;
      labelStart = i + 1;
      lastNumeric = true;
    } else if (cls === 1) {
      if (c < 48 || c > 57) lastNumeric = false;
    } else if (cls === 2) {
      upper = true;
      lastNumeric = false;
    } else if (c === 58 /* : */) {
      colon = true;
    } else {
      return null;
    }
  }
  if (colon) return nonAscii ? null : normalizeIPv6(s);
  if (!nonAscii) {
    const lastLen = s.length - labelStart;
    if (badLabel || lastLen === 0 || lastLen > MAX_LABEL || s.length > MAX_HOST) return null;
    if (lastNumeric && !isIPv4(s)) return null;
    return upper ? s.toLowerCase() : s;
  }
  const ascii = toAscii(s);
  return ascii !== null && isValidAsciiHost(ascii) ? ascii : null;
}

/** Checks an already lower-case ASCII host: label sizes, total size, numeric last label only as IPv4. */
function isValidAsciiHost(s: string): boolean {
  const len = s.length;
  if (len === 0 || len > MAX_HOST) return false;
  let labelStart = 0;
  let lastLabelNumeric = true;
  for (let i = 0; i <= len; i++) {
    const c = i < len ? s.charCodeAt(i) : 46;
    if (c === 46) {
      const labelLen = i - labelStart;
      if (labelLen === 0 || labelLen > MAX_LABEL) return false;
      labelStart = i + 1;
      if (i < len) lastLabelNumeric = true;
    } else {
      if (c >= 128 || ASCII_CLASS[c] !== 1) return false;
      if (c < 48 || c > 57) lastLabelNumeric = false;
    }
  }
  // WHATWG: a host whose last label is a number is parsed as IPv4, so it must be a real one.
  return lastLabelNumeric ? isIPv4(s) : true;
}

/** Strict dotted-quad IPv4 (no octal-looking leading zeros, no shorthand). */
export function isIPv4(s: string): boolean {
  let parts = 0;
  let digits = 0;
  let value = 0;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 46;
    if (c === 46) {
      if (digits === 0 || value > 255) return false;
      parts++;
      digits = 0;
      value = 0;
    } else if (c >= 48 && c <= 57) {
      if (digits > 0 && value === 0) return false; // leading zero
      digits++;
      if (digits > 3) return false;
      value = value * 10 + (c - 48);
    } else {
      return false;
    }
  }
  return parts === 4;
}

function normalizeIPv6(s: string): string | null {
  if (s.length < 2 || s.length > 45) return null;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ok = (c >= 48 && c <= 58) /* 0-9 : */ || (c >= 97 && c <= 102) || (c >= 65 && c <= 70) || c === 46;
    if (!ok) return null;
  }
  try {
    return new URL(`http://[${s}]/`).hostname;
  } catch {
    return null;
  }
}

/** IDNA via the URL parser; refuses anything that the parser would read as more than a host. */
function toAscii(s: string): string | null {
  try {
    const host = new URL(`http://${s}/`).hostname;
    // IDNA mapping can turn look-alike chars into ':' or '[' (IPv6 form) — not a name any more.
    if (host.length === 0 || host.charCodeAt(0) === 91) return null;
    return host;
  } catch {
    return null;
  }
}

/** A normalised host that is an IP address (IPv4 ends in a digit — names cannot, see above). */
export function isIpHost(host: string): boolean {
  const c = host.charCodeAt(host.length - 1);
  return host.charCodeAt(0) === 91 || (c >= 48 && c <= 57);
}
