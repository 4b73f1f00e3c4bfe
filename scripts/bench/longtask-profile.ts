// Where the background's long tasks come from during a 1M-domain subscribe in Chromium:
// a CPU profile of the service worker (CDP) over the whole subscribe, including the
// before-load rules installed after it, cut into tasks (runs of non-idle samples). Prints
// the longest tasks with their heaviest functions, and the long-task probe of the benchmark.
//   npx wxt build && npx tsx scripts/bench/longtask-profile.ts [--size 1000000]
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
  args: [...CHROMIUM_QUIET_ARGS, `--disable-extensions-except=${CHROME_EXT_DIR}`, `--load-extension=${CHROME_EXT_DIR}`],
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
  await sw.send('Runtime.evaluate', {
    expression: `globalThis.__p = { max: 0, last: performance.now() }; setInterval(() => { const n = performance.now(); globalThis.__p.max = Math.max(globalThis.__p.max, n - globalThis.__p.last); globalThis.__p.last = n; }, 10); 1`,
  });
  const t0 = Date.now();
  const sub = await send('lists.subscribe', { url: server.feedUrl('bench.txt', '127.0.0.1') });
  const subscribeMs = Date.now() - t0;
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
  const probe = await sw.send('Runtime.evaluate', { expression: 'globalThis.__p.max - 10', returnByValue: true });
  const { profile } = (await sw.send('Profiler.stop')) as unknown as { profile: Profile };
  console.log(`subscribe ${sub.ok ? 'ok' : sub.error} in ${subscribeMs} ms; before-load rules done after ${totalMs} ms (${domains} domains)`);
  console.log(`probe: longest stall ${Math.round(probe.result.value as number)} ms`);

  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n: ProfileNode) =>
    `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}:${n.callFrame.columnNumber + 1}`;
  const idle = (id: number) => ['(idle)', '(program)'].includes(byId.get(id)?.callFrame.functionName ?? '');
  // Tasks: runs of samples that are not idle.
  const tasks: Array<{ start: number; ms: number; samples: number[] }> = [];
  let t = 0;
  let cur: { start: number; ms: number; samples: number[] } | null = null;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    t += dt;
    const id = profile.samples[i] as number;
    if (idle(id)) {
      if (cur) tasks.push(cur);
      cur = null;
      continue;
    }
    cur ??= { start: t, ms: 0, samples: [] };
    cur.ms += dt;
    cur.samples.push(id);
  }
  if (cur) tasks.push(cur);
  tasks.sort((a, b) => b.ms - a.ms);
  for (const task of tasks.slice(0, 8)) {
    console.log(`\ntask at ${Math.round(task.start)} ms: ${Math.round(task.ms)} ms`);
    const self = new Map<string, number>();
    const inclusive = new Map<string, number>();
    for (const id of task.samples) {
      const n = byId.get(id) as ProfileNode;
      self.set(name(n), (self.get(name(n)) ?? 0) + 1);
      const seen = new Set<string>();
      for (let p: number | undefined = id; p !== undefined; p = parent.get(p)) {
        const k = name(byId.get(p) as ProfileNode);
        if (!seen.has(k)) inclusive.set(k, (inclusive.get(k) ?? 0) + 1);
        seen.add(k);
      }
    }
    const per = task.ms / task.samples.length;
    const top = (m: Map<string, number>) =>
      [...m].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => `    ${Math.round(v * per).toString().padStart(5)} ms  ${k}`);
    console.log('  self:\n' + top(self).join('\n'));
    console.log('  inclusive:\n' + top(inclusive).join('\n'));
  }
} finally {
  await browser.close();
  rmSync(profileDir, { recursive: true, force: true });
  await server.close();
}
