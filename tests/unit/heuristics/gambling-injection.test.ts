import { describe, expect, it } from 'vitest';
import { detectGamblingInjection } from '../../../src/heuristics/detectors/gambling-injection';
import { WARN_THRESHOLD } from '../../../src/heuristics/evaluate';
import { hiddenLink, snap, visibleLink } from './make-snapshot';

const GOV_BODY = '欢迎访问市人民政府网。市公安局召开会议，部署政务公开工作。';

describe('detectGamblingInjection', () => {
  it('is silent on an ordinary page', () => {
    expect(detectGamblingInjection(snap({ title: '市人民政府 - 首页', visibleText: GOV_BODY }))).toBeNull();
  });

  it('flags a gambling brand injected into the title of a government page', () => {
    const f = detectGamblingInjection(
      snap({ title: '市公安局:整治跨境违法犯罪突出问题 -凯发k8国际注册', visibleText: GOV_BODY }),
    );
    expect(f?.id).toBe('gambling-injection');
    expect(f!.score).toBeGreaterThanOrEqual(WARN_THRESHOLD);
    expect(f!.reasonZh).toContain('篡改');
    expect(f!.evidence.join(' ')).toContain('凯发');
  });

  it('counts a .gov.cn host or link as institutional', () => {
    const f = detectGamblingInjection(
      snap({
        host: 'www.tianmen.gov.cn',
        title: '通知公告 - 澳门新葡京官网',
        visibleText: '关于做好防汛工作的通知',
        links: [visibleLink('中国政府网', 'www.gov.cn')],
      }),
    );
    expect(f!.score).toBeGreaterThanOrEqual(WARN_THRESHOLD);
  });

  it('stays under the threshold for news about gambling (brand also in the body)', () => {
    const f = detectGamblingInjection(
      snap({
        title: '警方打击跨境赌博 威尼斯人、新葡京加强监管',
        visibleText: '记者报道：公安局查处冒用威尼斯人、新葡京名义的网络赌博平台。',
      }),
    );
    expect(f!.score).toBeLessThan(WARN_THRESHOLD);
  });

  it('treats a brand with a call to action, but no mismatch, as below the threshold', () => {
    const f = detectGamblingInjection(snap({ title: '太阳城娱乐官网', visibleText: '太阳城 欢迎您' }));
    expect(f!.score).toBeGreaterThan(0.5);
    expect(f!.score).toBeLessThan(WARN_THRESHOLD);
  });

  it('flags many hidden gambling links and ignores hidden lottery menu items', () => {
    const spam = ['皇冠体育', '百家乐', '六合彩', '真人娱乐', '线上赌场'].map((t) => hiddenLink(t));
    expect(detectGamblingInjection(snap({ links: spam }))!.score).toBeGreaterThanOrEqual(WARN_THRESHOLD);
    const menu = ['体育', '彩票', '福利彩票', '财经'].map((t) => hiddenLink(t, 'www.example.cn'));
    expect(detectGamblingInjection(snap({ links: menu }))).toBeNull();
  });

  it('does not count visible gambling links (a news page may link to its own reports)', () => {
    const f = detectGamblingInjection(snap({ links: [visibleLink('六合彩诈骗案告破')] }));
    expect(f).toBeNull();
  });

  it('gives one or two hidden links only a partial score', () => {
    const f = detectGamblingInjection(snap({ links: [hiddenLink('百家乐')] }));
    expect(f!.score).toBeLessThan(WARN_THRESHOLD);
  });

  it('does not treat ASCII look-alikes such as "k8s" as the k8 brand', () => {
    expect(
      detectGamblingInjection(snap({ title: 'Deploying k8s clusters - 某某有限公司', visibleText: GOV_BODY })),
    ).toBeNull();
  });
});
