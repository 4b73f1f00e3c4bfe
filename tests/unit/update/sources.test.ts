// Lists that move: mirrors, lists in parts (directly or through a manifest) and a source
// registry refreshed from the network, against a real HTTP server on 127.0.0.1 and the
// real service (fake-indexeddb).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BypassStore } from '../../../src/background/bypass';
import { SentryService } from '../../../src/background/service';
import { ListStore } from '../../../src/store/list-store';
import { openFraudDb } from '../../../src/store/open-db';
import { fetchFromSources } from '../../../src/update/fetch-source';
import type { StoredRegistry } from '../../../src/update/registry-keeper';
import type { Registry, SourceSpec } from '../../../src/update/registry-types';
import { startTestServer, type TestServer } from '../../e2e/support/feed-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

let seq = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${seq++}`;
const hosts = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i}.test`);
const BUNDLED_TEXT = `${hosts('bundled', 150).join('\n')}\n`;
const url = (name: string) => server.feedUrl(name, '127.0.0.1');

function registry(sources: SourceSpec[], version = 1): Registry {
  return {
    schema: 1,
    version,
    lists: [
      {
        id: 'moving',
        name: { en: 'Moving list', zh_CN: '会移动的名单' },
        category: 'phishing',
        licence: 'MIT',
        homepage: 'https://example.org/',
        reportUrl: 'https://example.org/report?host={host}',
        bundled: 'lists/moving.txt',
        refreshHours: 1,
        sources,
      },
    ],
  };
}

interface Setup {
  packaged: Registry;
  registryUrl?: string;
  saved?: { value: StoredRegistry | null };
}

async function service({ packaged, registryUrl, saved = { value: null } }: Setup) {
  const dbName = unique('sources');
  const svc = new SentryService({
    openDb: () => openFraudDb(dbName),
    readBundled: async () => BUNDLED_TEXT,
    bypass: new BypassStore(null),
    packagedRegistry: packaged,
    registryPersistence: { load: async () => saved.value, save: async (s) => void (saved.value = s) },
    registryUrlOverride: async () => registryUrl,
  });
  await svc.ready;
  return { svc, dbName };
}

async function listOf(svc: SentryService) {
  const status = await svc.status();
  const list = status.lists.find((l) => l.id === 'moving');
  if (!list) throw new Error('no list');
  return { list, status };
}

describe('mirrors', () => {
  it('a list whose first address fails is updated from the next, and says which served it', async () => {
    const [dead, mirror] = [unique('dead'), unique('mirror')];
    server.setFeed(dead, { status: 503 });
    server.setFeed(mirror, { body: hosts('mirrored', 200).join('\n') });
    const { svc } = await service({ packaged: registry([{ url: url(dead) }, { url: url(mirror) }]) });
    const summary = await svc.updateLists(['moving']);
    expect(summary.results[0]).toMatchObject({ outcome: 'updated', entryCount: 200 });
    const { list } = await listOf(svc);
    expect(list.origin).toMatchObject({ servedBy: url(mirror), servedRank: 2, addresses: 2, failingSince: null });
    expect(await svc.verdictForPage('https://mirrored-7.test/', 1)).toMatchObject({ kind: 'blocked' });
    expect(await svc.verdictForPage('https://bundled-7.test/', 1)).toMatchObject({ kind: 'clean' });
  });

  it('when every address fails: one error naming each, the list kept, and since when it fails', async () => {
    const [a, b] = [unique('gone'), unique('html')];
    server.setFeed(b, {
      body: '<!doctype html><html><body>moved</body></html>',
      headers: { 'content-type': 'text/html' },
    });
    let now = 1_000_000;
    const dbName = unique('sources');
    const svc = new SentryService({
      openDb: () => openFraudDb(dbName),
      readBundled: async () => BUNDLED_TEXT,
      bypass: new BypassStore(null),
      packagedRegistry: registry([{ url: url(a) }, { url: url(b) }]),
      now: () => now,
    });
    const first = await svc.updateLists(['moving']);
    expect(first.results[0]?.error).toMatch(
      new RegExp(`All 2 addresses failed\\. ${url(a)}: .*404.* · ${url(b)}: .*web page`),
    );
    now += 60_000;
    await svc.updateLists(['moving']);
    const { list } = await listOf(svc);
    expect(list.entryCount).toBe(150);
    expect(list.origin.failingSince).toBe(1_000_000);
    expect(await svc.verdictForPage('https://bundled-3.test/', 1)).toMatchObject({ kind: 'blocked' });
  });
});

describe('a list in parts', () => {
  it('three parts named by a manifest are stored as one version, or not at all', async () => {
    const base = unique('mf');
    const parts = [1, 2, 3].map((i) => `${base}-${i}.txt`);
    const manifest = `${base}.manifest.txt`;
    // Phishing.Database's manifests name the first part twice: fetched once all the same.
    server.setFeed(manifest, { body: `${parts[0]}\n${parts.join('\n')}\n` });
    server.setFeed(parts[0]!, { body: hosts('part-one', 100).join('\n') });
    server.setFeed(parts[1]!, { body: hosts('part-two', 100).join('\n') });
    const { svc, dbName } = await service({ packaged: registry([{ manifest: url(manifest) }]) });

    // Part 3 missing: nothing of parts 1 and 2 goes in force.
    const failed = await svc.updateLists(['moving']);
    expect(failed.results[0]).toMatchObject({ outcome: 'failed' });
    expect(failed.results[0]?.error).toMatch(new RegExp(`${parts[2]}|404`));
    expect(await svc.verdictForPage('https://part-one-1.test/', 1)).toMatchObject({ kind: 'clean' });
    expect(await svc.verdictForPage('https://bundled-1.test/', 1)).toMatchObject({ kind: 'blocked' });
    expect((await listOf(svc)).list.entryCount).toBe(150);
    const db = await openFraudDb(dbName);
    expect(await new ListStore(db).removeOrphans()).toBe(0);
    db.close();

    server.setFeed(parts[2]!, { body: hosts('part-three', 100).join('\n') });
    const ok = await svc.updateLists(['moving']);
    expect(ok.results[0]).toMatchObject({ outcome: 'updated', entryCount: 300 });
    for (const host of ['part-one-5.test', 'part-two-5.test', 'part-three-5.test'])
      expect(await svc.verdictForPage(`https://${host}/`, 1)).toMatchObject({ kind: 'blocked' });
    expect(await svc.verdictForPage('https://bundled-1.test/', 1)).toMatchObject({ kind: 'clean' });
    expect(server.feedRequests(parts[0]!).length).toBe(2); // once per update, never twice in one
    const { list } = await listOf(svc);
    expect(list.origin.servedBy).toBe(url(manifest));

    // Nothing changed: every part answers 304, and the list is unchanged.
    const again = await svc.updateLists(['moving']);
    expect(again.results[0]).toMatchObject({ outcome: 'unchanged' });
    expect(server.feedRequests(parts[1]!).at(-1)?.headers['if-none-match']).toBeTruthy();
  });

  it('parts listed directly: one part empty and the whole source fails', async () => {
    const [a, b] = [unique('pa'), unique('pb')];
    server.setFeed(a, { body: hosts('direct', 10).join('\n') });
    server.setFeed(b, { body: '   \n' });
    await expect(
      fetchFromSources([{ parts: [url(a), url(b)] }], { etag: null, lastModified: null, servedBy: null }),
    ).rejects.toThrow(/empty/);
  });

  it('a manifest may only name files beside it', async () => {
    for (const line of ['../../elsewhere.txt', 'https://evil.example/list.txt', '/feeds/x.txt']) {
      const manifest = unique('bad-manifest');
      server.setFeed(manifest, { body: `${line}\n` });
      await expect(
        fetchFromSources([{ manifest: url(manifest) }], { etag: null, lastModified: null, servedBy: null }),
      ).rejects.toThrow(/not a file beside it/);
    }
  });
});

describe('a rolling list of recent additions', () => {
  it('has no copy in the package, is fetched at the first alarm, and may shrink at the turn of the day', async () => {
    const recent = unique('new-today');
    server.setFeed(recent, { body: hosts('new-today', 200).join('\n') });
    const packaged = registry([{ url: url(unique('full')) }]);
    packaged.lists.push({
      ...packaged.lists[0]!,
      id: 'moving-new',
      name: { en: 'Moving list, new today', zh_CN: '会移动的名单（今日新增）' },
      bundled: undefined,
      rolling: true,
      sources: [{ url: url(recent) }],
    });
    const { svc } = await service({ packaged });
    const before = (await svc.status()).lists.find((l) => l.id === 'moving-new');
    expect(before).toMatchObject({ entryCount: 0, lastSuccess: null, origin: { packaged: false, servedBy: null } });

    const due = await svc.updateDueLists();
    expect(due?.results.map((r) => [r.id, r.outcome])).toEqual([['moving-new', 'updated']]);
    expect(await svc.verdictForPage('https://new-today-9.test/', 1)).toMatchObject({ kind: 'blocked' });

    // Past midnight the file starts again, nearly empty: not held back as a suspicious shrink.
    server.setFeed(recent, { body: hosts('tomorrow', 5).join('\n') });
    const next = await svc.updateLists(['moving-new']);
    expect(next.results[0]).toMatchObject({ outcome: 'updated', entryCount: 5 });
    const after = (await svc.status()).lists.find((l) => l.id === 'moving-new');
    expect(after?.heldBack).toBeNull();
    expect(after?.origin.refreshMs).toBe(3_600_000);
  });
});

describe('the source registry', () => {
  it('a refreshed registry that moves a list is followed at the next update; an invalid one changes nothing', async () => {
    const [old, moved, reg] = [unique('old'), unique('moved'), unique('registry')];
    server.setFeed(old, { body: hosts('old', 150).join('\n') });
    server.setFeed(moved, { body: hosts('moved', 150).join('\n') });
    server.setFeed(reg, { body: JSON.stringify(registry([{ url: url(moved) }], 2)) });
    const saved: { value: StoredRegistry | null } = { value: null };
    const { svc } = await service({ packaged: registry([{ url: url(old) }]), registryUrl: url(reg), saved });

    await svc.updateLists(['moving']);
    expect(server.feedRequests(old)).toHaveLength(0);
    expect(server.feedRequests(moved)).toHaveLength(1);
    let { list, status } = await listOf(svc);
    expect(list.url).toBe(url(moved));
    expect(status.registry).toMatchObject({ version: 2, from: 'refreshed', lastError: null });
    expect(saved.value?.text).toContain(moved);

    // A newer registry that fails validation: refused, said so, the list still fetched from `moved`.
    const broken = registry([], 3);
    server.setFeed(reg, { body: JSON.stringify(broken) });
    await svc.updateLists(['moving']);
    ({ list, status } = await listOf(svc));
    expect(status.registry.version).toBe(2);
    expect(status.registry.lastError).toMatch(/refused: lists\[0\] \(moving\)\.sources: expected 1 to 8 sources/);
    expect(server.feedRequests(moved)).toHaveLength(2);
    expect(list.url).toBe(url(moved));

    // Not JSON, older, or dropping a list: refused the same way.
    for (const [body, why] of [
      ['{"schema": 1,', /not valid JSON/],
      ['<!doctype html><p>moved</p>', /could not be fetched: The server sent a web page/],
      [JSON.stringify(registry([{ url: url(old) }], 1)), /version 1 is older than 2/],
      [
        JSON.stringify({
          ...registry([{ url: url(old) }], 4),
          lists: [{ ...registry([]).lists[0], id: 'other', sources: [{ url: url(old) }] }],
        }),
        /drops moving/,
      ],
    ] as const) {
      server.setFeed(reg, { body, headers: { 'content-type': 'application/json' } });
      await svc.updateLists(['moving']);
      ({ status } = await listOf(svc));
      expect(status.registry.lastError).toMatch(why);
      expect(status.registry.version).toBe(2);
    }
    expect(server.feedRequests(old)).toHaveLength(0);

    // The next start uses the saved registry: the list is still fetched from `moved`.
    server.setFeed(reg, { status: 404 });
    const next = await service({ packaged: registry([{ url: url(old) }]), registryUrl: url(reg), saved });
    expect((await listOf(next.svc)).status.registry).toMatchObject({ version: 2, from: 'refreshed' });
  });

  it('without an address to refresh from, the packaged registry stays and nothing is fetched for it', async () => {
    const list = unique('plain');
    server.setFeed(list, { body: hosts('plain', 150).join('\n') });
    server.clearRequests();
    const { svc } = await service({
      packaged: registry([{ url: url(list) }]),
      registryUrl: 'https://evil.example/r.json',
    });
    await svc.updateLists(['moving']);
    const { status } = await listOf(svc);
    expect(status.registry).toMatchObject({ from: 'package', url: null, lastCheck: null });
    expect(server.requests.map((r) => r.url)).toEqual([`/feeds/${list}`]);
  });
});
