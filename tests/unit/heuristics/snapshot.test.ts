// DOM: happy-dom Windows created per test (fixture-dom.ts), so each fixture gets its own URL.
// happy-dom computes styles from inline styles and <style> rules, without layout: hidden
// detection is tested through those, never through geometry.
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../src/heuristics/snapshot';
import { snapshotFixture, snapshotHtml } from './fixture-dom';

describe('collectSnapshot on fixtures', () => {
  it('reads title, meta and hidden link farms of the hacked government page', async () => {
    const s = await snapshotFixture('hacked-gov.html');
    expect(s.title).toBe('市公安局:整治跨境违法犯罪突出问题 -凯发k8国际注册');
    expect(s.metaKeywords).toContain('凯发k8官网');
    expect(s.visibleText).toContain('人民政府');
    expect(s.visibleText).not.toContain('凯发');
    const hidden = s.links.filter((l) => l.hidden);
    expect(hidden.map((l) => l.text)).toEqual([
      '凯发k8国际注册',
      '凯发k8官网app',
      '百家乐官网',
      '真人娱乐平台',
      '澳门新葡京',
      '太阳城集团',
    ]);
    expect(s.links.find((l) => l.host === 'www.gov.cn')?.hidden).toBe(false);
  });

  it('detects six ways of hiding links (class rules in <style>)', async () => {
    const s = await snapshotFixture('hidden-links-company.html');
    const by = Object.fromEntries(s.links.filter((l) => l.hidden).map((l) => [l.text, l.hiddenBy]));
    expect(by).toEqual({
      皇冠体育: 'container', // parent display:none
      北京赛车pk10: 'visibility',
      澳门威尼斯人: 'font-size',
      时时彩平台: 'same-colour',
      六合彩开奖: 'container', // parent opacity:0
      线上赌场: 'container', // parent 0x0 + overflow hidden
    });
    expect(s.links.filter((l) => !l.hidden)).toHaveLength(3);
  });

  it('finds prominent phone numbers and inline scripts of the locker', async () => {
    const s = await snapshotFixture('browser-locker.html');
    expect(s.phones).toEqual([{ number: '1-800-555-0199', prominent: true }]);
    expect(s.inlineScripts).toHaveLength(1);
    expect(s.inlineScripts[0]).toContain('pushState');
  });

  it('tells a prominent hotline from a number in running text', async () => {
    const s = await snapshotFixture('company-support.html');
    expect(s.phones).toEqual([
      { number: '400-000-0000', prominent: true },
      { number: '1-800-555-0100', prominent: false },
    ]);
  });

  it('resolves script src URLs of the miner page', async () => {
    const s = await snapshotFixture('miner.html');
    expect(s.scriptSrcs).toEqual(['http://127.0.0.1:8080/miner/coinhive.min.js']);
    expect(s.inlineScripts.join('')).toContain('CoinHive.Anonymous');
  });

  it('keeps only the referrer presence and reads the cloaking script', async () => {
    const s = await snapshotFixture('cloaking-redirect.html');
    expect(s.hasReferrer).toBe(false);
    expect(s.inlineScripts[0]).toContain('document.referrer');
  });
});

describe('collectSnapshot details', () => {
  it('separates hidden prose from visible text, skips JSON scripts, reads refresh and hidden iframes', async () => {
    const s = await snapshotHtml(`<html><head><title>t</title>
      <meta http-equiv="refresh" content="5;url=/next">
      <script type="application/ld+json">{"a":1}</script><script>var x = 1;</script>
      <style>.gone{position:absolute;top:-5000px}</style></head>
      <body><p>可见文字</p><p class="gone">太阳城娱乐 百家乐</p><p style="text-indent:-9999px">真人娱乐</p>
      <iframe src="/a" width="0" height="0"></iframe><iframe src="/b" style="display:none"></iframe><iframe src="/c"></iframe></body></html>`);
    expect(s.visibleText).toBe('可见文字');
    expect(s.hiddenText).toBe('太阳城娱乐 百家乐 真人娱乐');
    expect(s.inlineScripts).toEqual(['var x = 1;']);
    expect(s.metaRefresh).toBe('5;url=/next');
    expect(s.iframes.map((f) => f.hidden)).toEqual([true, true, false]);
  });

  it('does not call text "same colour" over a background image, but does on a plain white page', async () => {
    const s = await snapshotHtml(`<html><body>
      <div style="background-color:#fff;background-image:url(banner.png)"><a href="/a" style="color:#fff">横幅</a></div>
      <a href="/b" style="color:#ffffff">白字</a><a href="/c" style="color:#333">正常</a></body></html>`);
    expect(s.links.map((l) => l.hiddenBy)).toEqual([null, 'same-colour', null]);
  });

  it('bounds every loop on a big page', async () => {
    const links = Array.from({ length: 3000 }, (_, i) => `<a href="/p${i}">link ${i}</a>`).join('');
    const paras = Array.from({ length: 6000 }, (_, i) => `<p>段落 ${i} ${'文字'.repeat(5)}</p>`).join('');
    const script = `<script>${'// x\n'.repeat(5000)}</script>`;
    const s = await snapshotHtml(`<html><body>${links}${paras}${script}</body></html>`);
    expect(s.links).toHaveLength(LIMITS.links);
    expect(s.linkTotal).toBe(3000);
    expect(s.truncated).toBe(true);
    expect(s.visibleText.length).toBeLessThanOrEqual(LIMITS.visibleText);
    expect(s.inlineScripts[0]!.length).toBe(LIMITS.inlineScriptChars);
  });
});
