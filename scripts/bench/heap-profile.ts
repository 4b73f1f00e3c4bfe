// Where the background's heap goes (Chromium): a V8 heap snapshot of the service worker
// after the bundled lists are in force, and another after importing an N-entry list, each
// summarised by the kinds of object that hold the most bytes and what retains them.
//   npx tsx scripts/bench/heap-profile.ts [--size 1000000] [--keep DIR]
// Build first (`npx wxt build`). The snapshots are large (~100 MB); --keep saves them for
// DevTools' Memory panel.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startTestServer } from '../../tests/e2e/support/feed-server.ts';
import { buildLists } from './data.ts';
import { launchChromiumExt } from './drivers.ts';
import { sleep } from './stats.ts';

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const size = Number(opt('size') ?? 1_000_000);
const keep = opt('keep');

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[]; edge_types: [string[]] } };
  nodes: number[];
  edges: number[];
  strings: string[];
}

/** Self size by (type, name), the largest first, and the retainers of the top groups. */
function summarise(file: string, label: string): void {
  const snap = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
  const { node_fields: nf, node_types: nt, edge_fields: ef, edge_types: et } = snap.snapshot.meta;
  const N = nf.length;
  const E = ef.length;
  const typeNames = nt[0];
  const edgeTypeNames = et[0];
  const [fType, fName, fSelf, fEdges] = [nf.indexOf('type'), nf.indexOf('name'), nf.indexOf('self_size'), nf.indexOf('edge_count')];
  const [eType, eName, eTo] = [ef.indexOf('type'), ef.indexOf('name_or_index'), ef.indexOf('to_node')];
  // The snapshot's flat arrays, read without undefined checks: every index is in range by construction.
  const node = (i: number, field: number): number => snap.nodes[i * N + field] as number;
  const edge = (e: number, field: number): number => snap.edges[e + field] as number;
  const str = (i: number): string => snap.strings[i] as string;
  const nodeCount = snap.nodes.length / N;
  const firstEdge = new Uint32Array(nodeCount + 1);
  for (let i = 0, e = 0; i < nodeCount; i++) {
    firstEdge[i] = e;
    e += node(i, fEdges) * E;
    firstEdge[i + 1] = e;
  }
  const typeOf = (i: number): string => typeNames[node(i, fType)] ?? '?';
  const nameOf = (i: number): string => str(node(i, fName));
  const keyOf = (i: number) => {
    const t = typeOf(i);
    // Strings by kind only (their names are their contents).
    return t === 'string' || t === 'concatenated string' || t === 'sliced string' ? t : `${t}:${nameOf(i).slice(0, 60)}`;
  };
  const groups = new Map<string, { bytes: number; count: number; sample: number }>();
  let total = 0;
  for (let i = 0; i < nodeCount; i++) {
    const self = node(i, fSelf);
    total += self;
    const k = keyOf(i);
    const g = groups.get(k) ?? { bytes: 0, count: 0, sample: i };
    g.bytes += self;
    g.count++;
    groups.set(k, g);
  }
  // Retainers: who points at nodes of a group (by the retainer's group and edge name).
  const retainers = new Map<string, Map<string, number>>();
  const top = [...groups.entries()].sort((a, b) => b[1].bytes - a[1].bytes).slice(0, 14);
  const topKeys = new Set(top.map(([k]) => k));
  for (let i = 0; i < nodeCount; i++) {
    for (let e = firstEdge[i] as number; e < (firstEdge[i + 1] as number); e += E) {
      const edgeType = edgeTypeNames[edge(e, eType)];
      if (edgeType === 'weak') continue;
      const to = edge(e, eTo) / N;
      const k = keyOf(to);
      if (!topKeys.has(k)) continue;
      const nameIdx = edge(e, eName);
      const edgeName = edgeType === 'element' || edgeType === 'hidden' ? `[${edgeType}]` : str(nameIdx);
      const r = `${keyOf(i)} .${edgeName}`;
      const m = retainers.get(k) ?? new Map<string, number>();
      m.set(r, (m.get(r) ?? 0) + node(to, fSelf));
      retainers.set(k, m);
    }
  }
  console.log(`\n== ${label}: ${(total / 1e6).toFixed(1)} MB in ${nodeCount} nodes`);
  for (const [k, g] of top) {
    const sample = typeOf(g.sample).includes('string') ? ` e.g. ${JSON.stringify(nameOf(g.sample).slice(0, 40))}` : '';
    console.log(`${(g.bytes / 1e6).toFixed(2).padStart(8)} MB ${String(g.count).padStart(8)}×  ${k}${sample}`);
    const rs = [...(retainers.get(k) ?? new Map<string, number>()).entries()].sort((a, b) => b[1] - a[1]).slice(0, 4);
    for (const [r, bytes] of rs) console.log(`${''.padStart(22)}← ${(bytes / 1e6).toFixed(2)} MB via ${r}`);
  }
}

const dir = keep ?? mkdtempSync(path.join(tmpdir(), 'fs-heap-'));
mkdirSync(dir, { recursive: true });
const server = await startTestServer();
const ext = await launchChromiumExt();
try {
  if (!ext.heapSnapshot) throw new Error('heap snapshots need Chromium');
  await ext.send('status.get', {});
  await ext.quiet();
  const base = path.join(dir, 'bundled.heapsnapshot');
  await ext.heapSnapshot(base);
  summarise(base, 'bundled lists only');
  if (size > 0) {
    const lists = buildLists(size, { listed: 0, oldOnly: 0, unlisted: 0 });
    server.setFeed('heap.txt', { body: lists.textA, etag: false });
    await ext.send('lists.subscribe', { url: server.feedUrl('heap.txt', '127.0.0.1') });
    await ext.quiet();
    const after = path.join(dir, `list-${size}.heapsnapshot`);
    await ext.heapSnapshot(after);
    summarise(after, `after importing ${size} entries`);
    // Chrome installs a new list's before-load rules for minutes after its import; the
    // install holds the list's domains until it ends.
    const started = Date.now();
    let domains = -1;
    for (let still = 0; still < 5 && Date.now() - started < 900_000; ) {
      await sleep(2_000);
      const now = (await ext.send<{ preload: { domains: number } | null }>('status.get', {})).preload?.domains ?? 0;
      still = now === domains && now >= size ? still + 1 : 0;
      domains = now;
    }
    console.log(`\nbefore-load install: ${domains} domains after ${((Date.now() - started) / 1000).toFixed(0)} s`);
    const installed = path.join(dir, `list-${size}-installed.heapsnapshot`);
    await ext.heapSnapshot(installed);
    summarise(installed, `after importing ${size} entries, before-load install done`);
  }
} finally {
  await ext.close();
  await server.close();
  if (!keep) rmSync(dir, { recursive: true, force: true });
}
