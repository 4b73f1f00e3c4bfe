/**
 * Gambling SEO injection: a hacked site whose <title>/meta advertise a gambling brand while
 * the body is still the original government/school/company page, and/or hidden link farms
 * with gambling anchors. News about gambling names the same brands, so a brand in the title
 * alone never reaches the warning threshold: it needs the body mismatch, an advert-style
 * call to action, or hidden links.
 */
import {
  ANTI_GAMBLING_CONTEXT,
  CALL_TO_ACTION,
  GAMBLING_BRANDS,
  GAMBLING_GENERIC,
  GAMBLING_PROMO,
  INSTITUTION_HOST_SUFFIXES,
  INSTITUTION_MARKERS,
} from '../gambling-terms';
import type { Finding, PageSnapshot } from '../types';
import { clip, findTerms, noisyOr, round2 } from '../util';

const STRONG = [...GAMBLING_BRANDS, ...GAMBLING_PROMO];
const HIDDEN_ANCHOR_TERMS = [...STRONG, ...GAMBLING_GENERIC];

export function detectGamblingInjection(s: PageSnapshot): Finding | null {
  const head = `${s.title} ${s.metaKeywords} ${s.metaDescription}`;
  const titleBrands = findTerms(s.title, STRONG);
  const headBrands = findTerms(head, STRONG);
  const headGeneric = findTerms(head, GAMBLING_GENERIC);
  const reporting = findTerms(s.title, ANTI_GAMBLING_CONTEXT).length > 0;
  const cta = hasCallToAction(head, headBrands);

  // Brands advertised in the head that the visible body never mentions.
  const bodyLower = s.visibleText.toLowerCase();
  const foreignBrands = headBrands.filter((b) => !bodyLower.includes(b));
  const institution = institutionMarkers(s);
  const mismatch = foreignBrands.length > 0 && institution.length >= 2;

  const hiddenSpam = s.links.filter((l) => l.hidden && findTerms(l.text, HIDDEN_ANCHOR_TERMS).length > 0);
  const hiddenTextTerms = findTerms(s.hiddenText, STRONG);

  const parts: number[] = [];
  if (headBrands.length > 0) parts.push(titleBrands.length > 0 && !reporting ? 0.45 : 0.25);
  else if (headGeneric.length > 0 && !reporting) parts.push(0.1);
  if (cta) parts.push(0.3);
  if (mismatch) parts.push(0.75);
  if (hiddenSpam.length > 0) parts.push(Math.min(0.85, 0.3 + 0.12 * hiddenSpam.length));
  if (hiddenTextTerms.length > 0) parts.push(Math.min(0.5, 0.2 + 0.1 * hiddenTextTerms.length));
  if (parts.length === 0) return null;

  const evidence: string[] = [];
  if (headBrands.length > 0) evidence.push(`title/meta: ${clip(s.title, 60)} [${headBrands.join(', ')}]`);
  if (mismatch) evidence.push(`institutional body: ${institution.slice(0, 4).join(', ')}`);
  if (hiddenSpam.length > 0) {
    const sample = hiddenSpam.slice(0, 3).map((l) => `${l.text} (${l.hiddenBy ?? 'hidden'})`);
    evidence.push(`${hiddenSpam.length} hidden gambling links: ${clip(sample.join('; '), 100)}`);
  }
  if (hiddenTextTerms.length > 0) evidence.push(`hidden text: ${hiddenTextTerms.join(', ')}`);

  const score = round2(noisyOr(parts));
  const what = mismatch
    ? 'gambling ads in the title of a page whose content is an unrelated institution'
    : hiddenSpam.length > 0
      ? 'hidden links to gambling sites'
      : 'gambling promotion in the title or meta tags';
  const whatZh = mismatch
    ? '网页标题被植入博彩广告，而正文是与之无关的政府/学校/企业内容'
    : hiddenSpam.length > 0
      ? '页面中藏有指向赌博网站的隐藏链接'
      : '标题或关键词中含有博彩推广内容';
  return {
    id: 'gambling-injection',
    score,
    reason: `This page looks hacked: ${what}.`,
    reasonZh: `此网页疑似被黑客篡改：${whatZh}。`,
    evidence,
  };
}

/** A brand followed (within a few chars) by an advert word: "凯发k8国际注册", "新葡京官网". */
function hasCallToAction(head: string, brands: readonly string[]): boolean {
  const lower = head.toLowerCase();
  for (const b of brands) {
    let at = lower.indexOf(b);
    while (at >= 0) {
      const after = lower.slice(at + b.length, at + b.length + 8);
      if (CALL_TO_ACTION.some((w) => after.includes(w))) return true;
      at = lower.indexOf(b, at + 1);
    }
  }
  return false;
}

function institutionMarkers(s: PageSnapshot): string[] {
  const found = findTerms(s.visibleText, INSTITUTION_MARKERS);
  const inst = (h: string): boolean => INSTITUTION_HOST_SUFFIXES.some((suf) => h.endsWith(suf));
  if (inst(s.host)) found.push(`host ${s.host}`);
  const instLink = s.links.find((l) => !l.hidden && inst(l.host));
  if (instLink !== undefined) found.push(`link ${instLink.host}`);
  return found;
}
