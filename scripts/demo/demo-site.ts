// The local demo site for `npm start` and `npm run screenshots`: a feed that lists the demo
// hosts, and an index page linking to one page for each kind of warning. Served on
// 127.0.0.1 only; the browsers map the *.test names to it.
import { startTestServer, type TestServer } from '../../tests/e2e/support/feed-server.ts';

export interface DemoPage {
  host: string;
  path: string;
  title: string;
  titleZh: string;
}

export const DEMO_FEED = ['! Fraud Sentry demo list', '||fraud-demo.test^', '||shop-demo.test/fake-checkout'].join(
  '\n',
);

export const DEMO_PAGES: DemoPage[] = [
  { host: 'fraud-demo.test', path: '/', title: 'A site on a blocklist', titleZh: '黑名单中的网站' },
  { host: 'invest.fraud-demo.test', path: '/', title: 'A subdomain of a listed site', titleZh: '黑名单网站的子域名' },
  {
    host: 'shop-demo.test',
    path: '/fake-checkout/pay',
    title: 'A listed URL path (the rest of the site is fine)',
    titleZh: '黑名单中的网址路径',
  },
  {
    host: 'shop-demo.test',
    path: '/',
    title: 'The same shop outside that path: no warning',
    titleZh: '同一网站的其他页面：不警告',
  },
  { host: 'blocked-by-you.test', path: '/', title: 'A site you blocked by hand', titleZh: '您手动拦截的网站' },
];

export const DEMO_HOSTS = ['demo.test', ...new Set(DEMO_PAGES.map((p) => p.host))];

export async function startDemoSite(): Promise<TestServer & { indexUrl: string; feed: string }> {
  const server = await startTestServer();
  server.setFeed('demo.txt', { body: DEMO_FEED });
  const links = DEMO_PAGES.map(
    (p) =>
      `<li><a href="${server.url(p.host, p.path)}">${p.title} — ${p.titleZh}</a> <code>${p.host}${p.path}</code></li>`,
  ).join('\n');
  server.setPage('demo.test', '/', {
    html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fraud Sentry demo — 反诈哨兵演示</title>
<style>body{font:16px/1.5 system-ui,"Noto Sans CJK SC",sans-serif;max-width:760px;margin:40px auto;padding:0 16px}code{color:#6b7280}</style></head>
<body><h1>Fraud Sentry demo — 反诈哨兵演示</h1>
<p>Each link below opens a page on this machine (127.0.0.1) that shows one kind of warning.</p>
<ul>${links}</ul></body></html>`,
  });
  return Object.assign(server, { indexUrl: server.url('demo.test'), feed: server.feedUrl('demo.txt', '127.0.0.1') });
}
