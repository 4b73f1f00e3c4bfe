// Fault injection for list updates, against a real HTTP server on 127.0.0.1 and the real
// service (fake-indexeddb). A list that once worked must keep protecting whatever its server
// does later, the popup must say what went wrong, and nothing may be left half-written.
//
// Not repeated here: IndexedDB failing to open at all (the service protects from the bundled
// lists in memory and says so) is tested in tests/unit/background/service-and-handler.test.ts
// ("falls back to the bundled lists in memory when IndexedDB cannot open, and says so"); the
// security report counts it with these faults.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BypassStore } from '../../../src/background/bypass';
import { SentryService } from '../../../src/background/service';
import { Matcher } from '../../../src/match/matcher';
import { ListStore } from '../../../src/store/list-store';
import { openFraudDb, type Db } from '../../../src/store/open-db';
import { newListMeta } from '../../../src/update/new-list-meta';
import type { ListMeta } from '../../../src/model/list-meta';
import type { DefaultList } from '../../../src/update/default-lists';
import type { FetchLimits } from '../../../src/update/fetch-feed';
import { Updater } from '../../../src/update/updater';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

const GOOD_ENTRIES = 150;
const GOOD_LIST = [
  '# a good list',
  'scam-shop.test',
  ...Array.from({ length: GOOD_ENTRIES - 1 }, (_, i) => `evil-${i}.test`),
]
  .join('\n')
  .concat('\n');
const LISTED_PAGE = 'https://www.scam-shop.test/pay';

const BUNDLED: DefaultList[] = [
  {
    id: 'bundled-a',
    name: 'Bundled A',
    category: 'fraud',
    bundledPath: 'lists/a.txt',
    url: 'https://lists.invalid/a.txt',
    licence: 'test',
    sharedSource: '',
  },
];

// --- one real server; each test gets its own path and swaps its behaviour -------------

const handlers = new Map<string, Handler>();
const hits = new Map<string, number>();
let server: http.Server;
let origin = '';

function serveText(body: string | Uint8Array, type = 'text/plain; charset=utf-8', status = 200): Handler {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': type, 'content-length': String(Buffer.byteLength(body)) });
    res.end(body);
  };
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    req.resume();
    const handler = handlers.get(path);
    if (handler) handler(req, res);
    else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

let seq = 0;
function uniqueName(prefix: string): string {
  return `${prefix}-${process.pid}-${seq++}`;
}

// --- the real service, subscribed to a good list at `path` ------------------------------

interface Fixture {
  service: SentryService;
  dbName: string;
  listId: string;
  path: string;
}

async function subscribedService(): Promise<Fixture> {
  const dbName = uniqueName('faults-svc');
  const path = `/lists/${dbName}.txt`;
  handlers.set(path, serveText(GOOD_LIST));
  const service = new SentryService({
    openDb: () => openFraudDb(dbName),
    readBundled: async () => '0.0.0.0 bundled-evil.test\n',
    bypass: new BypassStore(null),
    defaultLists: BUNDLED,
  });
  const { id, summary } = await service.subscribe(`${origin}${path}`);
  expect(summary.results[0]).toMatchObject({ outcome: 'updated', entryCount: GOOD_ENTRIES });
  expect(await service.verdictForPage(LISTED_PAGE, 1)).toMatchObject({ kind: 'blocked', reason: { listId: id } });
  return { service, dbName, listId: id, path };
}

/** After any fault: the old list protects, the popup shows the error, nothing is left half-written. */
async function expectOldListKept(f: Fixture, error: RegExp): Promise<void> {
  expect(await f.service.verdictForPage(LISTED_PAGE, 1)).toMatchObject({
    kind: 'blocked',
    reason: { listId: f.listId, rule: 'scam-shop.test' },
  });
  expect(await f.service.verdictForPage('https://evil-42.test/', 1)).toMatchObject({ kind: 'blocked' });
  const status = await f.service.status();
  const list = status.lists.find((l) => l.id === f.listId);
  expect(list?.entryCount).toBe(GOOD_ENTRIES);
  expect(list?.lastError).toMatch(error);
  expect(status.protectionOn).toBe(true);
  const db = await openFraudDb(f.dbName);
  try {
    expect(await new ListStore(db).removeOrphans()).toBe(0);
  } finally {
    db.close();
  }
}

async function updateFails(f: Fixture, error: RegExp): Promise<void> {
  const summary = await f.service.updateLists([f.listId]);
  expect(summary.results).toHaveLength(1);
  expect(summary.results[0]).toMatchObject({ id: f.listId, outcome: 'failed' });
  expect(summary.results[0]?.error).toMatch(error);
  await expectOldListKept(f, error);
}

// --- the Updater on a ListStore, for what the service does not expose (limits, storage) --

function metaFor(id: string, url: string): ListMeta {
  return newListMeta({ id, name: id, category: 'fraud', source: 'subscription', url }, 0);
}

interface StoreFixture {
  db: Db;
  store: ListStore;
  updater: Updater;
  path: string;
  id: string;
}

async function storeWithGoodList(limits: FetchLimits, wrap: (db: Db) => Db = (db) => db): Promise<StoreFixture> {
  const dbName = uniqueName('faults-store');
  const path = `/lists/${dbName}.txt`;
  handlers.set(path, serveText(GOOD_LIST));
  const db = await openFraudDb(dbName);
  const store = new ListStore(wrap(db));
  const id = 'list';
  await store.putMeta(metaFor(id, `${origin}${path}`));
  const updater = new Updater({ store, onListsChanged: async () => undefined, limits });
  expect((await updater.update()).results[0]).toMatchObject({ outcome: 'updated', entryCount: GOOD_ENTRIES });
  return { db, store, updater, path, id };
}

async function expectStoreKeptOldList(f: StoreFixture, error: RegExp): Promise<void> {
  const real = new ListStore(f.db);
  const matcher = new Matcher(await real.loadIndexes(), { blockedSites: [], trustedSites: [] });
  expect(matcher.check(LISTED_PAGE)).toMatchObject({ kind: 'blocked', reason: { rule: 'scam-shop.test' } });
  const meta = await real.getMeta(f.id);
  expect(meta?.entryCount).toBe(GOOD_ENTRIES);
  expect(meta?.lastError).toMatch(error);
  expect(await real.removeOrphans()).toBe(0);
}

const SMALL_LIMITS: FetchLimits = { maxBytes: 8 * 1024 * 1024, timeoutMs: 400 };

// --- the faults -------------------------------------------------------------------------

describe('list update faults: the last good list keeps protecting', () => {
  it('[fault] the list URL answers 404: old list kept, "404" shown', async () => {
    const f = await subscribedService();
    handlers.set(f.path, serveText('no such list', 'text/plain', 404));
    await updateFails(f, /404/);
  });

  it('[fault] the server answers 500: old list kept, "500" shown', async () => {
    const f = await subscribedService();
    handlers.set(f.path, serveText('internal error', 'text/plain', 500));
    await updateFails(f, /500/);
  });

  it('[fault] the server redirects in a loop: old list kept, a network error shown', async () => {
    const f = await subscribedService();
    handlers.set(f.path, (_req, res) => {
      res.writeHead(302, { location: f.path });
      res.end();
    });
    // Node's fetch names the reason; a browser's says only "Failed to fetch".
    await updateFails(f, /Could not reach the server.*redirect/);
    expect(hits.get(f.path)).toBeLessThan(40); // fetch gives up (20 redirects), no endless loop
  });

  it('[fault] the server never answers: the update times out, old list kept', async () => {
    const f = await storeWithGoodList(SMALL_LIMITS);
    handlers.set(f.path, () => undefined);
    const started = Date.now();
    const summary = await f.updater.update();
    expect(Date.now() - started).toBeLessThan(5000);
    expect(summary.results[0]).toMatchObject({ outcome: 'failed', error: expect.stringMatching(/No answer within/) });
    await expectStoreKeptOldList(f, /No answer within/);
  });

  it('[fault] the server sends headers, then stalls mid-body: the update times out, old list kept', async () => {
    const f = await storeWithGoodList(SMALL_LIMITS);
    handlers.set(f.path, (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '100000' });
      res.write('stalled-1.test\nstalled-2.test\n');
    });
    const summary = await f.updater.update();
    expect(summary.results[0]?.outcome).toBe('failed');
    await expectStoreKeptOldList(f, /did not finish within/);
  });

  it('[fault] the connection is cut halfway through the body: old list kept, "connection broke" shown', async () => {
    const f = await subscribedService();
    const half = `${'cut-entry.test\n'.repeat(2000)}`;
    handlers.set(f.path, (req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(half.length * 2) });
      res.write(half, () => setTimeout(() => req.socket.destroy(), 20));
    });
    await updateFails(f, /connection broke/);
  });

  it('[fault] the connection is cut in a chunked body (no length): old list kept', async () => {
    const f = await subscribedService();
    handlers.set(f.path, (req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('cut-entry.test\n'.repeat(2000), () => setTimeout(() => req.socket.destroy(), 20));
    });
    await updateFails(f, /connection broke/);
  });

  it('[fault] a web page with content-type text/html: refused, old list kept', async () => {
    const f = await subscribedService();
    handlers.set(f.path, serveText('<!doctype html><html><body>Sign in to Wi-Fi</body></html>', 'text/html'));
    await updateFails(f, /web page/);
  });

  it('[fault] a web page sent as text/plain: refused, old list kept', async () => {
    const f = await subscribedService();
    handlers.set(f.path, serveText('\n<html>\n<head><title>Portal</title></head><body>a.test</body></html>\n'));
    await updateFails(f, /web page/);
  });

  it('[fault] a 200 MB body streamed without a length: refused while streaming at 64 MB, quickly', async () => {
    const f = await subscribedService();
    let sent = 0;
    const chunk = Buffer.from('big-entry.example\n'.repeat(3641)); // ~64 KB
    handlers.set(f.path, (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      // Lazily: the next chunk only when the socket wants more; never 200 MB in memory.
      const pump = (): void => {
        while (sent < 200 * 1024 * 1024 && !res.destroyed) {
          sent += chunk.length;
          if (!res.write(chunk)) {
            res.once('drain', pump);
            return;
          }
        }
        res.end();
      };
      res.on('close', () => undefined);
      pump();
    });
    const started = Date.now();
    await updateFails(f, /larger than 64 MB/);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(sent).toBeLessThan(150 * 1024 * 1024); // the client stopped reading long before the end
  }, 60_000);

  it('[fault] a 200 MB Content-Length: refused before reading the body', async () => {
    const f = await subscribedService();
    handlers.set(f.path, (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(200 * 1024 * 1024) });
      res.write('big-entry.example\n');
    });
    const started = Date.now();
    await updateFails(f, /larger than 64 MB/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('[fault] binary data (a zip) instead of a list: refused, old list kept', async () => {
    const f = await subscribedService();
    const zip = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    zip.set([0x50, 0x4b, 0x03, 0x04, 0, 0]);
    handlers.set(f.path, serveText(zip, 'application/octet-stream'));
    await updateFails(f, /UTF-8|binary/);
  });

  it('[fault] invalid UTF-8 in the list: refused, old list kept', async () => {
    const f = await subscribedService();
    const bytes = Buffer.concat([
      Buffer.from('evil-new.test\n'),
      Buffer.from([0xc3, 0x28, 0xff, 0xfe]),
      Buffer.from('\n'),
    ]);
    handlers.set(f.path, serveText(bytes));
    await updateFails(f, /not valid UTF-8/);
  });

  it('[fault] a single 10 MB garbage line: no hang, no crash, refused as "no usable rules"', async () => {
    const f = await subscribedService();
    handlers.set(f.path, serveText('evil.'.repeat(2 * 1024 * 1024)));
    const started = Date.now();
    await updateFails(f, /No usable rules/);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('[fault] a 10 MB line inside a good list: the line is counted invalid, the rest applies', async () => {
    const f = await subscribedService();
    const changed = GOOD_LIST.replace('evil-0.test', 'evil-new.test');
    handlers.set(f.path, serveText(`${changed}||${'x'.repeat(10 * 1024 * 1024)}^\n`));
    const started = Date.now();
    const summary = await f.service.updateLists([f.listId]);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(summary.results[0]).toMatchObject({ outcome: 'updated', entryCount: GOOD_ENTRIES });
    expect(await f.service.verdictForPage('https://evil-new.test/', 1)).toMatchObject({ kind: 'blocked' });
    expect(await f.service.verdictForPage(LISTED_PAGE, 1)).toMatchObject({ kind: 'blocked' });
    const list = (await f.service.status()).lists.find((l) => l.id === f.listId);
    expect(list?.stats?.invalid).toBe(1);
    expect(list?.stats?.invalidSamples[0]?.length).toBeLessThanOrEqual(201); // a sample, not 10 MB
  });

  it('[fault] an empty body where a list was before: refused as empty, old list kept', async () => {
    const f = await subscribedService();
    handlers.set(f.path, serveText(''));
    await updateFails(f, /empty/);
  });

  it('[fault] a body of only comments: refused as "no usable rules", old list kept', async () => {
    const f = await subscribedService();
    handlers.set(f.path, serveText('# list moved\n! nothing here\n\n'));
    await updateFails(f, /No usable rules/);
  });

  it('[fault] the list suddenly shrinks by more than 90 %: held back with a message, until the user accepts it', async () => {
    const f = await subscribedService();
    handlers.set(f.path, serveText('evil-1.test\nevil-2.test\nevil-3.test\n'));
    await updateFails(f, /shrank from 150 to 3 entries/);
    const held = (await f.service.status()).lists.find((l) => l.id === f.listId);
    expect(held).toMatchObject({ entryCount: 150, heldBack: { entryCount: 3 } });
    // The user looked and accepts the smaller list: now it is in force, and nothing is held back.
    const accepted = await f.service.acceptShrunkList(f.listId);
    expect(accepted.results[0]).toMatchObject({ outcome: 'updated', entryCount: 3 });
    expect((await f.service.status()).lists.find((l) => l.id === f.listId)).toMatchObject({
      entryCount: 3,
      heldBack: null,
      lastError: null,
    });
    expect(await f.service.verdictForPage('https://evil-100.test/', 1)).toMatchObject({ kind: 'clean' });
    expect(await f.service.verdictForPage('https://evil-2.test/', 1)).toMatchObject({ kind: 'blocked' });
  });

  it('[fault] two "Update now" at once: one download, both get the same result', async () => {
    const f = await subscribedService();
    const before = hits.get(f.path) ?? 0;
    const changed = GOOD_LIST.replace('evil-0.test', 'evil-new.test');
    handlers.set(f.path, (req, res) => setTimeout(() => serveText(changed)(req, res), 200));
    const [a, b] = await Promise.all([f.service.updateLists([f.listId]), f.service.updateLists([f.listId])]);
    expect(a).toBe(b);
    expect(hits.get(f.path)! - before).toBe(1);
    expect(a.results[0]).toMatchObject({ outcome: 'updated', entryCount: GOOD_ENTRIES });
    expect(await f.service.verdictForPage('https://evil-new.test/', 1)).toMatchObject({ kind: 'blocked' });
    const db = await openFraudDb(f.dbName);
    expect(await new ListStore(db).removeOrphans()).toBe(0);
    db.close();
  });

  it('[fault] storage quota exceeded while writing the new version: old list kept, "Could not save" shown', async () => {
    let failWrites = false;
    const quota = (db: Db): Db =>
      new Proxy(db, {
        get(target, prop, receiver) {
          const value = Reflect.get(target, prop, receiver) as unknown;
          if (prop === 'put' && typeof value === 'function') {
            return (store: string, ...rest: unknown[]) => {
              if (failWrites && (store === 'listData' || store === 'listDelta')) {
                return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
              }
              return (value as (...a: unknown[]) => unknown).call(target, store, ...rest);
            };
          }
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
      });
    const f = await storeWithGoodList(SMALL_LIMITS, quota);
    failWrites = true;
    handlers.set(f.path, serveText(GOOD_LIST.replace(/evil-/g, 'other-')));
    const summary = await f.updater.update();
    expect(summary.results[0]).toMatchObject({ outcome: 'failed' });
    await expectStoreKeptOldList(f, /Could not save the list.*quota/i);
  });
});
