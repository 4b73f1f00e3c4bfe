// One local HTTP server for end-to-end tests, shared by the Chromium and Firefox suites.
//
// It plays two parts:
//  (a) "sites": any Host (evil.test, sub.evil.test, good.test, …) gets a tiny page whose own
//      script marks <body data-loaded="1"> and bumps a per-host counter via fetch('/__ran'),
//      so a test can tell whether the page's script actually ran (e.g. was it blocked?).
//  (b) feeds: /feeds/NAME returns whatever the test set with setFeed(), with ETag /
//      If-None-Match (304) support, so update logic can be tested against real HTTP caching.
//
// Browsers resolve the test host names to 127.0.0.1 (Chromium: --host-resolver-rules,
// Firefox: network.dns.localDomains); the port is part of every URL.
import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoggedRequest {
  method: string;
  /** Host header without the port, lower-cased. */
  host: string;
  /** Path and query, as sent. */
  url: string;
  headers: http.IncomingHttpHeaders;
  /** Date.now() when the request arrived. */
  time: number;
  /**
   * The browser sent it to this server as its HTTP proxy (absolute-form request target,
   * or CONNECT for https, which is logged and refused): see the privacy tests.
   */
  proxied?: boolean;
}

export interface FeedSpec {
  /** Default 200. */
  status?: number;
  body?: string | Uint8Array;
  /** Extra / overriding response headers (names are case-insensitive). */
  headers?: Record<string, string>;
  /**
   * Default: a strong ETag derived from the body. A string sets it explicitly; false sends
   * none (so If-None-Match never matches). An `etag` key in `headers` also wins.
   */
  etag?: string | false;
}

export interface PageSpec {
  status?: number;
  /** Full HTML document. */
  html: string;
  headers?: Record<string, string>;
}

export interface TestServer {
  readonly port: number;
  /** `http://HOST:PORT` */
  origin(host: string): string;
  /** `http://HOST:PORT/PATH` (path defaults to '/'). */
  url(host: string, path?: string): string;
  /** URL of a feed as the extension should fetch it, e.g. feedUrl('phish.txt'). */
  feedUrl(name: string, host?: string): string;
  setFeed(name: string, spec: FeedSpec): void;
  deleteFeed(name: string): void;
  /** Override the default page for HOST + PATH (path includes the query, if any). */
  setPage(host: string, path: string, spec: PageSpec): void;
  /** Every request, oldest first (also /__ran and CORS preflights). Mutable: clear with clearRequests(). */
  readonly requests: LoggedRequest[];
  clearRequests(): void;
  /** Requests for /feeds/NAME (any host). */
  feedRequests(name: string): LoggedRequest[];
  /** How many times a default page's own script ran on HOST. */
  ranCount(host: string): number;
  /** Resolves with the first request (already logged or future) matching the predicate. */
  waitForRequest(predicate: (r: LoggedRequest) => boolean, timeoutMs?: number): Promise<LoggedRequest>;
  close(): Promise<void>;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The default page for a host. The inline script is the "page's own script". */
export function defaultSiteHtml(host: string): string {
  const h = escapeHtml(host);
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>${h}</title></head>
<body><h1 id="site">${h}</h1>
<script>
document.body.dataset.loaded = '1';
fetch('/__ran', { method: 'POST', cache: 'no-store' });
</script>
</body></html>
`;
}

function pathAndQuery(absolute: string): string {
  const url = new URL(absolute);
  return `${url.pathname}${url.search}`;
}

function etagFor(body: Uint8Array | string): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

/** RFC 9110 If-None-Match: a list of entity tags, weak comparison, or '*'. */
function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const strip = (t: string): string => t.trim().replace(/^W\//, '');
  return header.split(',').some((t) => strip(t) === strip(etag));
}

export async function startTestServer(): Promise<TestServer> {
  const feeds = new Map<string, FeedSpec>();
  const pages = new Map<string, PageSpec>();
  const ran = new Map<string, number>();
  const requests: LoggedRequest[] = [];
  const events = new EventEmitter();

  const server = http.createServer((req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    // As a proxy, the browser sends the whole URL ("GET http://host:port/path"): keep the path.
    const proxied = /^https?:\/\//i.test(req.url ?? '');
    const url = proxied ? pathAndQuery(req.url ?? '/') : (req.url ?? '/');
    const entry: LoggedRequest = {
      method: req.method ?? 'GET',
      host,
      url,
      headers: req.headers,
      time: Date.now(),
      ...(proxied ? { proxied } : {}),
    };
    requests.push(entry);
    events.emit('request', entry);
    // Drain any body so keep-alive connections stay usable.
    req.resume();

    const pathname = url.split('?')[0] ?? '/';

    if (pathname === '/__ran') {
      ran.set(host, (ran.get(host) ?? 0) + 1);
      res.writeHead(204, { 'cache-control': 'no-store' });
      res.end();
      return;
    }

    if (pathname.startsWith('/feeds/')) {
      // The extension fetches feeds from its own origin, so feeds are CORS-open, as public
      // list hosts (e.g. raw.githubusercontent.com) are. A test can override these headers.
      const cors: Record<string, string> = {
        'access-control-allow-origin': '*',
        'access-control-allow-headers': '*',
        'access-control-expose-headers': 'ETag, Last-Modified',
      };
      if (req.method === 'OPTIONS') {
        res.writeHead(204, cors);
        res.end();
        return;
      }
      const name = decodeURIComponent(pathname.slice('/feeds/'.length));
      const spec = feeds.get(name);
      if (!spec) {
        res.writeHead(404, { ...cors, 'content-type': 'text/plain' });
        res.end(`no feed ${name}`);
        return;
      }
      const body = spec.body ?? '';
      const extra = Object.fromEntries(Object.entries(spec.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
      const etag = extra.etag ?? (spec.etag === false ? undefined : (spec.etag ?? etagFor(body)));
      const status = spec.status ?? 200;
      const headers: Record<string, string> = {
        ...cors,
        'content-type': 'text/plain; charset=utf-8',
        // Make browsers revalidate every time, so a second fetch shows up here as a
        // conditional request instead of being served silently from the HTTP cache.
        'cache-control': 'no-cache',
        ...(etag ? { etag } : {}),
        ...extra,
      };
      if (status === 200 && etag && ifNoneMatchHits(req.headers['if-none-match'], etag)) {
        // 304 carries the validators but no body.
        delete headers['content-type'];
        res.writeHead(304, headers);
        res.end();
        return;
      }
      res.writeHead(status, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }

    const page = pages.get(`${host} ${url}`);
    if (page) {
      res.writeHead(page.status ?? 200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        ...page.headers,
      });
      res.end(page.html);
      return;
    }
    if (pathname === '/favicon.ico') {
      res.writeHead(404, { 'cache-control': 'no-store' });
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(defaultSiteHtml(host));
  });

  // An https request through the proxy: note where it wanted to go, and refuse it (the
  // tests never use https, so the browser's or extension's attempt is all we need to see).
  server.on('connect', (req: http.IncomingMessage, socket: import('node:stream').Duplex) => {
    const target = req.url ?? '';
    const entry: LoggedRequest = {
      method: 'CONNECT',
      host: target.replace(/:\d+$/, '').toLowerCase(),
      url: target,
      headers: req.headers,
      time: Date.now(),
      proxied: true,
    };
    requests.push(entry);
    events.emit('request', entry);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  const api: TestServer = {
    port,
    origin: (host) => `http://${host}:${port}`,
    url: (host, path = '/') => `http://${host}:${port}${path.startsWith('/') ? '' : '/'}${path}`,
    feedUrl: (name, host = 'feeds.test') => `http://${host}:${port}/feeds/${encodeURIComponent(name)}`,
    setFeed: (name, spec) => void feeds.set(name, spec),
    deleteFeed: (name) => void feeds.delete(name),
    setPage: (host, path, spec) => void pages.set(`${host.toLowerCase()} ${path}`, spec),
    requests,
    clearRequests: () => void requests.splice(0),
    feedRequests: (name) => requests.filter((r) => r.url.split('?')[0] === `/feeds/${encodeURIComponent(name)}`),
    ranCount: (host) => ran.get(host.toLowerCase()) ?? 0,
    waitForRequest: (predicate, timeoutMs = 10_000) => {
      const already = requests.find(predicate);
      if (already) return Promise.resolve(already);
      return new Promise<LoggedRequest>((resolve, reject) => {
        const onRequest = (r: LoggedRequest): void => {
          if (!predicate(r)) return;
          clearTimeout(timer);
          events.off('request', onRequest);
          resolve(r);
        };
        const timer = setTimeout(() => {
          events.off('request', onRequest);
          reject(new Error(`waitForRequest: no matching request within ${timeoutMs} ms`));
        }, timeoutMs);
        events.on('request', onRequest);
      });
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Without this, browsers' keep-alive sockets hold the process open for ~30 s.
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
  return api;
}
