/**
 * Refuses bodies that are plainly not a list, so a captive portal, an error page or a
 * wrongly served archive gives a clear error instead of a list full of "invalid" lines.
 * Returns the reason ('html' | 'binary') or null.
 */
export function looksLikeHtmlOrBinary(text: string): 'html' | 'binary' | null {
  const head = text.slice(0, 4096);
  let control = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    // NUL and C0 controls other than tab/newlines; U+FFFD = bytes that were not UTF-8
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) control++;
  }
  if (control > 0 && (head.indexOf('\u0000') >= 0 || control * 50 > head.length)) return 'binary';

  const start = head
    .replace(/^[\s\ufeff]+/, '')
    .slice(0, 512)
    .toLowerCase();
  if (/^<(!doctype\s+html|html|head|body|\?xml|!--|meta|title|script)\b/.test(start)) return 'html';
  if (/<(html|body|head)[\s>]/i.test(head) && /<\/(html|body|head|div|script)>/i.test(head)) return 'html';
  return null;
}
