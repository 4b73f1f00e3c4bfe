import { BRANDS } from './brands';
import { EXACT, SUBSTR, type LabelInfo } from './indexes';
import { GLUE_LURES, LURE_WORDS } from './lures';
import { tokens } from './util';

/**
 * Free hosting, site builders, cloud storage and dynamic DNS: anyone gets a site at
 * `name.platform` (or at a path of a shared host) in minutes, so a domain list can only
 * block one site at a time. Chosen from the platforms that host the most phishing sites in
 * Phishing.Database, OpenPhish and UT1 (the hosts per platform are counted in
 * docs/lookalike.md); each platform's address form is the one it documents for its users.
 * Many are also in the private section of the Public Suffix List (publicsuffix.org), which
 * tldts carries; the others (weebly.com, 000webhostapp.com, glitch.me, blogspot.<cc> …) are
 * ordinary domains there and are treated as suffixes here.
 */
export const FREE_HOSTING_PLATFORMS: ReadonlySet<string> = new Set([
  // Static and app hosting
  'vercel.app',
  'pages.dev',
  'workers.dev',
  'r2.dev',
  'github.io',
  'gitlab.io',
  'netlify.app',
  'firebaseapp.com',
  'web.app',
  'appspot.com',
  'azurewebsites.net',
  'herokuapp.com',
  'onrender.com',
  'fly.dev',
  'glitch.me',
  'surge.sh',
  'repl.co',
  'replit.dev',
  'replit.app',
  '000webhostapp.com',
  'pantheonsite.io',
  'mybluehost.me',
  'ewp.live',
  'webcindario.com',
  // Site builders and blogs
  'weebly.com',
  'weeblysite.com',
  'wixsite.com',
  'wixstudio.io',
  'wixstudio.com',
  'webflow.io',
  'square.site',
  'godaddysites.com',
  'blogspot.com',
  'wordpress.com',
  'gitbook.io',
  'typedream.app',
  'framer.app',
  'framer.website',
  'notion.site',
  'carrd.co',
  'yolasite.com',
  'jimdosite.com',
  'mystrikingly.com',
  'myportfolio.com',
  'multiscreensite.com',
  'filesusr.com',
  'site123.me',
  'tilda.ws',
  'webnode.page',
  // Cloud storage, gateways and dynamic DNS used to serve pages
  's3.amazonaws.com',
  'dweb.link',
  'ipfs.dweb.link',
  'translate.goog',
  'duckdns.org',
  'ddns.net',
]);

/** Shared hosts where one site is a path ("sites.google.com/view/name"). */
export const PATH_SITE_HOSTS: ReadonlySet<string> = new Set(['sites.google.com']);

/**
 * The platform `host` is a site of, or null. Blogger serves every blog under country
 * domains too (name.blogspot.ie, name.blogspot.co.uk).
 */
export function platformOf(host: string): string | null {
  for (let i = host.indexOf('.'); i >= 0; i = host.indexOf('.', i + 1)) {
    const rest = host.slice(i + 1);
    if (FREE_HOSTING_PLATFORMS.has(rest)) return rest;
    if (rest.startsWith('blogspot.') && rest.length <= 'blogspot.'.length + 6 && !rest.endsWith('.')) return rest;
  }
  return null;
}

/** Extra words that mark a copy of a brand's page on free hosting ("netflix-clone", "coinbase-auth"). */
const SITE_LURES: readonly string[] = [...GLUE_LURES, 'login', 'signin', 'auth', 'clone', 'password', 'support'];
/** Chinese lure words, for page addresses (paths are often Chinese: "/支付宝-退款"). */
const ZH_LURES: readonly string[] =
  '登录 登陆 认证 验证 退款 退税 退费 补贴 领取 申领 解冻 冻结 客服 账户 激活 失效 罚款 违章 缴费 理赔 中奖'.split(' ');

interface ZhName {
  readonly text: string;
  readonly info: LabelInfo;
}

/** Brands' Chinese names ("支付宝", "中国工商银行"), for page addresses. */
const ZH_NAMES: readonly ZhName[] = BRANDS.flatMap((brand) => {
  const official = brand.officialDomains[0] ?? brand.id;
  const info: LabelInfo = {
    text: brand.nameZh,
    brand,
    official,
    weak: false,
    numeric: false,
    suffixes: new Set(),
  };
  return brand.nameZh
    .split('/')
    .map((s) => s.trim())
    .filter((s) => /^[\u4e00-\u9fff]{2,}$/.test(s))
    .map((text) => ({ text, info: { ...info, text } }));
});

export interface SiteHit {
  readonly info: LabelInfo;
  readonly name: string;
  readonly lure: string;
}

/**
 * A protected brand's name and a lure word, both in `text` (a site's name on a platform or
 * a page's path there, lower case): "microsoft761login", "instagram-secure",
 * "/view/icbc-verify", "/支付宝退款". The lure must lie outside the name ("trustwallet"
 * alone is no lure). Strong names count anywhere; short and weak names ("qq", "etc") only
 * as a whole token.
 */
export function brandWithLure(text: string): SiteHit | null {
  let found: { info: LabelInfo; name: string; at: number } | null = null;
  for (const t of tokens(text)) {
    const info = EXACT.get(t)?.[0];
    if (info) {
      found = { info, name: t, at: text.indexOf(t) };
      break;
    }
  }
  if (!found) {
    const info = SUBSTR.find((x) => text.includes(x.text));
    if (info) found = { info, name: info.text, at: text.indexOf(info.text) };
  }
  if (!found) {
    const zh = ZH_NAMES.find((x) => text.includes(x.text));
    if (zh) found = { info: zh.info, name: zh.text, at: text.indexOf(zh.text) };
  }
  if (!found) return null;
  const rest = text.slice(0, found.at) + ' ' + text.slice(found.at + found.name.length);
  const lure =
    tokens(rest).find((t) => LURE_WORDS.has(t)) ??
    SITE_LURES.find((w) => rest.includes(w)) ??
    ZH_LURES.find((w) => rest.includes(w));
  return lure ? { info: found.info, name: found.name, lure } : null;
}
