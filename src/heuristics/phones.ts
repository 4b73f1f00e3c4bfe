/** Phone numbers as tech-support scams show them: US toll-free/NANP and Chinese 400/800, mobile, landline. */

const PHONE_RE = new RegExp(
  [
    String.raw`(?:\+?1[\s.-]?)?\(?8(?:00|33|44|55|66|77|88)\)?[\s.-]?\d{3}[\s.-]?\d{4}`, // US toll-free
    String.raw`\+?1[\s.-]\(?[2-9]\d{2}\)?[\s.-]\d{3}[\s.-]\d{4}`, // other NANP with a leading 1
    String.raw`(?<!\d)[48]00[\s-]?\d{3}[\s-]?\d{4}(?!\d)`, // CN 400/800 service numbers
    String.raw`(?<!\d)1[3-9]\d{9}(?!\d)`, // CN mobile
    String.raw`(?<!\d)0\d{2,3}-\d{7,8}(?!\d)`, // CN landline
  ].join('|'),
  'g',
);

/** Distinct phone numbers in `text`, at most `limit`. */
export function findPhones(text: string, limit = 10): string[] {
  const out: string[] = [];
  PHONE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (out.length < limit && (m = PHONE_RE.exec(text)) !== null) {
    const n = m[0].trim();
    if (!out.includes(n)) out.push(n);
  }
  return out;
}
