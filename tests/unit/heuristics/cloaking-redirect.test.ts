import { describe, expect, it } from 'vitest';
import { cloakingHosts, detectCloakingRedirect } from '../../../src/heuristics/detectors/cloaking-redirect';
import { WARN_THRESHOLD } from '../../../src/heuristics/evaluate';
import { sameSite } from '../../../src/heuristics/site';
import { signals, snap } from './make-snapshot';

/** What the background answers for a page on www.example.cn (public-suffix list). */
const onExampleCn = { sameSiteAsPage: (h: string) => sameSite(h, 'www.example.cn') };

const CLOAK = `var r = document.referrer;
if (r.indexOf('baidu') > -1 || r.indexOf('sogou') > -1 || r.indexOf('sm.cn') > -1) {
  window.location.href = 'https://www.amcp-k8.example.invalid/?id=1';
}`;

describe('detectCloakingRedirect', () => {
  it('flags referrer + search-engine check + navigation to another host', () => {
    const f = detectCloakingRedirect(snap({ inlineScripts: [CLOAK] }));
    expect(f!.score).toBeGreaterThanOrEqual(0.85);
    expect(f!.evidence.join(' ')).toContain('amcp-k8.example.invalid');
  });

  it('flags obfuscated variants (bracket access, replace, document.write meta refresh)', () => {
    const a = `var s=document["referrer"];if(/so\\.com|baidu/.test(s)){location["replace"]("/x")}`;
    const b = `if (document.referrer.match(/google\\.|bing\\./)) document.write('<meta http-equiv="refresh" content="0;url=/y">');`;
    expect(detectCloakingRedirect(snap({ inlineScripts: [a] }))!.score).toBeGreaterThanOrEqual(WARN_THRESHOLD);
    expect(detectCloakingRedirect(snap({ inlineScripts: [b] }))!.score).toBeGreaterThanOrEqual(WARN_THRESHOLD);
  });

  it('is weak for analytics that only classify the referrer', () => {
    const js = `var ref = document.referrer; var src = /baidu|google\\./.test(ref) ? 'search' : 'other'; var here = location.href; log(src, here);`;
    expect(detectCloakingRedirect(snap({ inlineScripts: [js] }))!.score).toBeLessThan(0.3);
  });

  it('does not count a back button that navigates to the referrer itself', () => {
    const js = `btn.onclick = function () { if (document.referrer) location.href = document.referrer; }; // google.com`;
    expect(detectCloakingRedirect(snap({ inlineScripts: [js] }))!.score).toBeLessThan(0.3);
  });

  it('ignores parts that are far apart in a large bundle', () => {
    const js = `var r = document.referrer; track(r);${' '.repeat(2000)}if (/google\\./.test(x)) {}${' '.repeat(2000)}location.replace('/login');`;
    expect(detectCloakingRedirect(snap({ inlineScripts: [js] }))?.score ?? 0).toBeLessThan(0.3);
  });

  it('does not take googletagmanager.com for a search-engine check', () => {
    const js = `var r = document.referrer; j.src = 'https://www.googletagmanager.com/gtm.js'; if (!ok) location.href = '/consent';`;
    expect(detectCloakingRedirect(snap({ inlineScripts: [js] }))!.score).toBeLessThan(WARN_THRESHOLD);
  });

  it('keeps a crawler user-agent check + redirect under the threshold', () => {
    const js = `if (!/baiduspider|googlebot/i.test(navigator.userAgent)) { location.href = '/m/'; }`;
    const f = detectCloakingRedirect(snap({ inlineScripts: [js] }));
    expect(f!.score).toBeGreaterThan(0.4);
    expect(f!.score).toBeLessThan(WARN_THRESHOLD);
  });

  it('uses the runtime signal and ignores same-site navigations', () => {
    const toMobile = signals({ redirectsAfterReferrerRead: ['m.example.cn'] });
    expect(detectCloakingRedirect(snap(), toMobile, onExampleCn)).toBeNull();
    // Without the background's answer only the page's own host is the same site.
    expect(detectCloakingRedirect(snap(), toMobile)?.score).toBe(0.75);
    const f = detectCloakingRedirect(
      snap({ inlineScripts: [CLOAK] }),
      signals({ redirectsAfterReferrerRead: ['x.invalid'] }),
    );
    expect(f!.score).toBeGreaterThan(0.95);
  });

  it('names exactly the hosts whose site it compares, for the background to answer', () => {
    const other = "if (document.referrer) location.href = 'https://m.example.cn/a' + 'http://evil.invalid/';";
    const noRead = "location.href = 'https://ignored.invalid/';";
    const s = snap({ inlineScripts: [other, noRead] });
    const r = signals({ redirectsAfterReferrerRead: ['www.example.cn', 'x.invalid'] });
    expect(cloakingHosts(s, r)).toEqual(['m.example.cn', 'evil.invalid', 'x.invalid']);
    // The hosts it named are all the detector asks about: answering them decides the score.
    const asked: string[] = [];
    detectCloakingRedirect(s, r, { sameSiteAsPage: (h) => (asked.push(h), false) });
    expect(new Set(asked)).toEqual(new Set(cloakingHosts(s, r)));
  });

  it('returns null for pages without referrer or user-agent reads', () => {
    expect(detectCloakingRedirect(snap({ inlineScripts: ["location.href = '/next';"] }))).toBeNull();
  });
});
