import { describe, expect, it } from 'vitest';
import { getDomain, getPublicSuffix } from 'tldts';
import { BRANDS } from '../../../src/lookalike/brands';
import { asciiFold, skeleton } from '../../../src/lookalike/confusables';
import { boundedOsa } from '../../../src/lookalike/distance';
import { checkLookalike } from '../../../src/lookalike/index';

const OPTS = { allowPrivateDomains: true } as const;

function kindOf(host: string): string | null {
  return checkLookalike(host)?.kind ?? null;
}

function brandOf(host: string): string | null {
  return checkLookalike(host)?.brandId ?? null;
}

describe('homographs', () => {
  it('Cyrillic "аррle.com" in punycode', () => {
    // а (U+0430), р (U+0440) ×2, as the browser hands it over.
    expect(skeleton('аррle')).toBe('apple');
    expect(checkLookalike('xn--le-6kc8da.com')).toMatchObject({ brandId: 'apple', kind: 'homograph' });
    expect(checkLookalike('аррle.com')).toMatchObject({ brandId: 'apple', kind: 'homograph' });
  });

  it('decodes real punycode labels', () => {
    // "аpple" with a Cyrillic а, as a browser hands it over.
    expect(checkLookalike('xn--pple-43d.com')).toMatchObject({ brandId: 'apple', kind: 'homograph' });
    // "pаypal" with a Cyrillic а.
    expect(checkLookalike('xn--pypal-4ve.com')).toMatchObject({ brandId: 'paypal', kind: 'homograph' });
  });

  it('Greek letters', () => {
    expect(checkLookalike('gοοgle.com')).toMatchObject({ brandId: 'google', kind: 'homograph' });
    expect(checkLookalike('αlipay.com')).toMatchObject({ brandId: 'alipay', kind: 'homograph' });
  });

  it('full-width and accented letters', () => {
    expect(checkLookalike('ａｐｐｌｅ.com')).toMatchObject({ brandId: 'apple', kind: 'homograph' });
    expect(checkLookalike('íçbc.com.cn')).toMatchObject({ brandId: 'icbc', kind: 'homograph' });
  });

  it('homograph inside a combo', () => {
    expect(checkLookalike('pаypal-login.com')).toMatchObject({ brandId: 'paypal', kind: 'homograph' });
  });

  it('leaves unmapped scripts alone', () => {
    expect(checkLookalike('黑貓宅配.top')).toBeNull();
    expect(checkLookalike('xn--fiqs8s.xn--fiqs8s')).toBeNull();
  });
});

describe('typosquats', () => {
  it.each([
    ['icdc.com.cn', 'icbc'],
    ['icbcc.com.cn', 'icbc'],
    ['paypa1.com', 'paypal'],
    ['rnicrosoft.com', 'microsoft'],
    ['aliapy.com', 'alipay'],
    ['paypall.com', 'paypal'],
    ['g00gle.com', 'google'],
    ['rnetamask.io', 'metamask'],
    ['bankofamerca.com', 'bofa'],
  ])('%s imitates %s', (host, brand) => {
    expect(checkLookalike(host)).toMatchObject({ brandId: brand, kind: 'typosquat' });
  });

  it('same name under an abused suffix, for high-value brands only', () => {
    expect(checkLookalike('alipay.top')).toMatchObject({ brandId: 'alipay', kind: 'typosquat' });
    expect(checkLookalike('95588.vip')).toMatchObject({ brandId: 'icbc' });
    expect(checkLookalike('paypal.de')).toBeNull(); // ccTLD variants are usually the brand's
    expect(checkLookalike('icbc.com.ar')).toBeNull(); // ICBC Argentina
    expect(checkLookalike('google.tk')).toBeNull();
  });

  it('ignores single edits that make ordinary names', () => {
    for (const host of [
      'small.com',
      'cloud.com',
      'mail.com',
      'cnbc.com',
      'xiaoni.com',
      'weixun.com',
      'citibank.com',
      'usgs.gov',
      'cibc.com',
    ]) {
      expect(checkLookalike(host), host).toBeNull();
    }
  });
});

describe('combosquats', () => {
  it.each([
    ['icbc-login.com', 'icbc'],
    ['95588-icbc.top', 'icbc'],
    ['alipay-secure.net', 'alipay'],
    ['qq-kefu.com', 'tencent'],
    ['jd-tuikuan.cn', 'jd'],
    ['appleid-verify.com', 'apple'],
    ['icbcdenglu.com', 'icbc'],
    ['binance-airdrop.org', 'binance'],
    ['coinbase-x7.top', 'coinbase'],
  ])('%s imitates %s', (host, brand) => {
    expect(checkLookalike(host)).toMatchObject({ brandId: brand, kind: 'combosquat' });
  });

  it.each([
    ['www.icbc.com.cn.evil.top', 'icbc'],
    ['alipay.com.verify-user.cc', 'alipay'],
    ['paypal.com-login.top', 'paypal'],
    ['login.microsoftonline.com.secure-auth.xyz', 'microsoft'],
    ['appleid-verify.weeblysite.com', 'apple'],
  ])('brand domain inside another domain: %s', (host, brand) => {
    expect(checkLookalike(host)).toMatchObject({ brandId: brand, kind: 'combosquat' });
  });
});

describe('negatives', () => {
  it('official domains and their subdomains', () => {
    const hosts = [
      'www.icbc.com.cn',
      'b2c.icbc.com.cn',
      'mybank.icbc.com.cn',
      'alipay.com',
      'auth.alipay.com',
      'login.microsoftonline.com',
      'www.gov.cn',
      'si.12333.gov.cn',
      'etax.chinatax.gov.cn',
      'kyfw.12306.cn',
      'www.mps.gov.cn',
      'weixin.qq.com',
      'pay.weixin.qq.com',
      'appleid.apple.com',
      'www.icloud.com',
      'item.jd.com',
      'mobile.yangkeduo.com',
      'accounts.google.com',
    ];
    for (const h of hosts) expect(checkLookalike(h), h).toBeNull();
  });

  it('every official domain passes', () => {
    for (const b of BRANDS) for (const d of b.officialDomains) expect(checkLookalike(d), d).toBeNull();
  });

  it('short and generic brand names need a lure word', () => {
    for (const host of [
      'qqmusic-fan.com',
      'jd-sports.com',
      'apple-pie.com',
      'pineapple.com',
      'line-shop.jp',
      'abc.com',
      'qq.net',
      'tmall-fans.com',
    ]) {
      expect(checkLookalike(host), host).toBeNull();
    }
    expect(brandOf('qq-login.com')).toBe('tencent');
  });

  it('brand names next to neutral words', () => {
    for (const host of [
      'tencent-cloud.cn',
      'alipay-corp.com',
      'hb12333.com',
      '12306bypass.com',
      'baidu-cdn-xyz.com',
      'amazonservices.com',
      'douyinpay.com',
    ]) {
      expect(kindOf(host), host).toBeNull();
    }
  });

  it('ignores IPs, bare suffixes and junk', () => {
    for (const host of ['', '127.0.0.1', 'com', 'com.cn', 'localhost', '.', 'xn--zzzzzzzz.com']) {
      expect(checkLookalike(host), host).toBeNull();
    }
  });

  it('a sample of real top-list domains raises nothing', () => {
    const sample = [
      'google.com',
      'baidu.com',
      'qq.com',
      'taobao.com',
      'jd.com',
      'weibo.com',
      'bilibili.com',
      'zhihu.com',
      'douban.com',
      'csdn.net',
      '163.com',
      'sohu.com',
      'sina.com.cn',
      'xiaohongshu.com',
      'meituan.com',
      'ctrip.com',
      'cmbchina.com',
      'ccb.com',
      'boc.cn',
      'abchina.com',
      'bankcomm.com',
      'psbc.com',
      'cib.com.cn',
      'spdb.com.cn',
      'qunar.com',
      'ele.me',
      'dianping.com',
      'iqiyi.com',
      'youku.com',
      'toutiao.com',
      'kuaishou.com',
      'pinduoduo.com',
      'github.com',
      'microsoft.com',
      'apple.com',
      'amazon.com',
      'facebook.com',
      'paypal.com',
      'binance.com',
      'cloud.com',
      'mail.ru',
      'cnbc.com',
      'usgs.gov',
      'ucloud.cn',
      'qcloud.com',
      'alipan.com',
      'zaobao.com.sg',
      'citibank.com',
      'cibc.com',
      'ocbc.com',
      'telegra.ph',
      'tiktokv.com',
      'express.co.uk',
      'lexpress.fr',
      'xiami.com',
      'email.com',
      'debank.com',
      'finance.ua',
      'sharepoint.de',
      'googl.com',
      'amazon.jobs',
      'jcloud.com',
      'steamgifts.com',
      'payline.com',
      'linebank.com.tw',
      'visaonline.com',
      'tencentclb.work',
      'weibo-ddns.top',
      'fc-aliyun.xyz',
      'huawei-eu.store',
      'amazon.com.be',
      'apple.com.com',
      'icbc-axa.com',
      'pingancdn.com',
      'webankwealth.com',
      'mastercardconnect.com',
      'wellsfargoadvisors.com',
      'abchinalife.com',
    ];
    const flagged = sample.filter((h) => checkLookalike(h) !== null);
    expect(flagged).toEqual([]);
  });
});

describe('data and helpers', () => {
  it('official domains are registrable and unique per brand id', () => {
    const ids = new Set<string>();
    for (const b of BRANDS) {
      expect(ids.has(b.id), b.id).toBe(false);
      ids.add(b.id);
      for (const d of b.officialDomains) {
        // Registrable, or a brand-run public suffix such as googleapis.com (its users'
        // subdomains are then NOT official: they are someone else's registrable domain).
        const ok = getDomain(d, OPTS) === d || getPublicSuffix(d, OPTS) === d;
        expect(ok, d).toBe(true);
      }
      for (const l of [...b.labels, ...(b.weakLabels ?? [])]) expect(l).toMatch(/^[a-z0-9]+$/);
    }
    expect(BRANDS.length).toBeGreaterThanOrEqual(60);
  });

  it('folds ASCII look-alikes but keeps numbers', () => {
    expect(asciiFold('paypa1')).toBe('paypal');
    expect(asciiFold('rnicrosoft')).toBe('microsoft');
    expect(asciiFold('12306')).toBe('12306');
    expect(asciiFold('95588-icbc')).toBe('95588-icbc');
  });

  it('bounded OSA distance', () => {
    expect(boundedOsa('aliapy', 'alipay', 1)).toBe(1);
    expect(boundedOsa('icdc', 'icbc', 1)).toBe(1);
    expect(boundedOsa('abcdef', 'ghijkl', 1)).toBe(2);
  });

  it('returns a well-formed match', () => {
    const m = checkLookalike('icbc-login.com');
    expect(m).not.toBeNull();
    expect(m?.brandNameZh).toBe('中国工商银行');
    expect(m?.officialDomain).toBe('icbc.com.cn');
    expect(m?.score).toBeGreaterThan(0);
    expect(m?.score).toBeLessThanOrEqual(1);
  });
});
