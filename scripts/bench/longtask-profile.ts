// Where the background's long tasks come from during a 1M-domain subscribe in Chromium:
// a CPU profile of the service worker (CDP) over the whole subscribe, including the
// before-load rules installed after it, and (FS_UPDATE=1) a 15 %-changed update. The
// benchmark's long-task probe notes where each stall began; the samples in the longest
// stalls are summed by function.
//   npx wxt build && [FS_UPDATE=1] [FS_DNR_WAIT_S=60] npx tsx scripts/bench/longtask-profile.ts [--size 1000000] [--ext DIR]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Target } from 'puppeteer-core';
import { startTestServer } from '../../tests/e2e/support/feed-server.ts';
import { CHROME_EXT_DIR, CHROMIUM_PATH, CHROMIUM_QUIET_ARGS } from '../../tests/e2e/support/paths.ts';
import { combinedDomains } from './data.ts';

const args = process.argv.slice(2);
const sizeAt = args.indexOf('--size');
const size = sizeAt >= 0 ? Number(args[sizeAt + 1]) : 1_000_000;
const extAt = args.indexOf('--ext');
const extDir = extAt >= 0 ? path.resolve(args[extAt + 1] as string) : CHROME_EXT_DIR;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const server = await startTestServer();
server.setFeed('bench.txt', { body: combinedDomains().slice(0, size).join('\n') + '\n', etag: false });
const profileDir = mkdtempSync(path.join(tmpdir(), 'fs-longtask-'));
const browser = await puppeteer.launch({
  executablePath: CHROMIUM_PATH,
  headless: true,
  pipe: true,
  userDataDir: profileDir,
  ignoreDefaultArgs: ['--disable-extensions'],
  args: [...CHROMIUM_QUIET_ARGS, `--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`],
});
try {
  const isWorker = (t: Target) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://');
  const worker = await browser.waitForTarget(isWorker, { timeout: 30_000 });
  const extPage = await browser.newPage();
  await extPage.goto(`chrome-extension://${new URL(worker.url()).host}/icon/16.png`);
  const send = (type: string, data: object) =>
    extPage.evaluate(
      (m) => (globalThis as unknown as { chrome: { runtime: { sendMessage(x: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(m),
      { type, data },
    ) as Promise<{ ok: boolean; value?: { preload?: { domains: number } | null }; error?: string }>;
  await send('status.get', {});
  // Let the bundled lists' before-load rules finish installing.
  for (let i = 0; i < 100; i++) {
    const s = await send('status.get', {});
    if ((s.value?.preload?.domains ?? 0) > 300_000) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const before = (await send('status.get', {})).value?.preload?.domains ?? 0;
  const sw = await worker.createCDPSession();
  await sw.send('Profiler.enable');
  await sw.send('Profiler.setSamplingInterval', { interval: 500 });
  await sw.send('Profiler.start');
  // The benchmark's probe, also noting where each stall over 50 ms began (ms after it started,
  // which is within a few ms of the profile's start).
  await sw.send('Runtime.evaluate', {
    expression: `(() => { const p = { origin: performance.now(), last: performance.now(), gaps: [] }; globalThis.__p = p;
      setInterval(() => { const n = performance.now(); if (n - p.last > 60) p.gaps.push({ at: p.last - p.origin, ms: n - p.last - 10 }); p.last = n; }, 10); })()`,
  });
  const t0 = Date.now();
  const sub = await send('lists.subscribe', { url: server.feedUrl('bench.txt', '127.0.0.1') });
  const subscribeMs = Date.now() - t0;
  if (process.env.FS_UPDATE) {
    // As the benchmark's update B: 15 % of the entries replaced, a full rewrite.
    const changed = combinedDomains()
      .slice(0, size)
      .map((d, i) => (i % 100 < 15 ? `b${i}.changed.fsbench.example` : d));
    server.setFeed('bench.txt', { body: changed.join('\n') + '\n', etag: false });
    const t1 = Date.now();
    const up = await send('lists.update', { ids: [(sub.value as unknown as { id: string }).id] });
    console.log(`update ${up.ok ? 'ok' : up.error} in ${Date.now() - t1} ms`);
  }
  let domains = 0;
  const waitS = Number(process.env.FS_DNR_WAIT_S ?? 60);
  for (let i = 0; i < waitS * 5; i++) {
    const s = (await send('status.get', {})).value as { preload?: { domains: number; error: string | null } } | undefined;
    domains = s?.preload?.domains ?? 0;
    if (s?.preload?.error) console.log(`before-load error: ${s.preload.error}`);
    if (domains >= before + size * 0.99) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const totalMs = Date.now() - t0;
  const probe = await sw.send('Runtime.evaluate', { expression: 'JSON.stringify(globalThis.__p.gaps)', returnByValue: true });
  const gaps = (JSON.parse(probe.result.value as string) as Array<{ at: number; ms: number }>).sort((a, b) => b.ms - a.ms);
  const { profile } = (await sw.send('Profiler.stop')) as unknown as { profile: Profile };
  console.log(`subscribe ${sub.ok ? 'ok' : sub.error} in ${subscribeMs} ms; before-load rules: ${domains} domains after ${totalMs} ms`);
  console.log(`probe: longest stalls ${gaps.slice(0, 10).map((g) => Math.round(g.ms)).join(', ')} ms`);
  // After the subscribe's answer only the before-load rules are left to install.
  const afterImport = gaps.filter((g) => g.at > subscribeMs);
  console.log(
    `probe after the import (rules only): longest ${afterImport.slice(0, 10).map((g) => Math.round(g.ms)).join(', ')} ms; over 150 ms: ${afterImport.filter((g) => g.ms > 150).length}`,
  );

  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n: ProfileNode) =>
    `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}:${n.callFrame.columnNumber + 1}`;
  // Sample times, ms from the profile's start.
  const times: number[] = [];
  let t = 0;
  for (const dt of profile.timeDeltas) times.push((t += dt / 1000));
  for (const gap of gaps.slice(0, 6)) {
    const ids = profile.samples.filter((_, i) => (times[i] as number) >= gap.at && (times[i] as number) <= gap.at + gap.ms + 10);
    console.log(`\nstall at ${Math.round(gap.at)} ms: ${Math.round(gap.ms)} ms (${ids.length} samples)`);
    const self = new Map<string, number>();
    const inclusive = new Map<string, number>();
    for (const id of ids) {
      const n = byId.get(id) as ProfileNode;
      self.set(name(n), (self.get(name(n)) ?? 0) + 1);
      const seen = new Set<string>();
      for (let p: number | undefined = id; p !== undefined; p = parent.get(p)) {
        const k = name(byId.get(p) as ProfileNode);
        if (!seen.has(k)) inclusive.set(k, (inclusive.get(k) ?? 0) + 1);
        seen.add(k);
      }
    }
    const top = (m: Map<string, number>) =>
      [...m]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 7)
        .map(([k, v]) => `    ${v.toString().padStart(5)}  ${k}`);
    console.log('  self (samples):\n' + top(self).join('\n'));
    console.log('  inclusive:\n' + top(inclusive).join('\n'));
  }
} finally {
  await browser.close();
  rmSync(profileDir, { recursive: true, force: true });
  await server.close();
}
