// How fast Chromium takes a 1M-domain list as declarativeNetRequest rules, and how long the
// background's longest task gets, for different rule sizes and rules per updateDynamicRules
// call. Runs in the extension's own service worker (over CDP) after the bundled lists'
// rules are in, with the benchmark's setInterval gap probe; the product's code is not used,
// only the API, so each layout is measured alike.
//   npx wxt build && npx tsx scripts/bench/dnr-chunking.ts [--size 1000000] [--layouts 20000x1,100000x1,...]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Target } from 'puppeteer-core';
import { startTestServer } from '../../tests/e2e/support/feed-server.ts';
import { CHROME_EXT_DIR, CHROMIUM_PATH, CHROMIUM_QUIET_ARGS } from '../../tests/e2e/support/paths.ts';
import { combinedDomains } from './data.ts';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? (args[at + 1] as string) : fallback;
};
const size = Number(arg('--size', '1000000'));
/** domains-per-rule x rules-per-call */
const layouts = arg('--layouts', '20000x1,50000x1,100000x1,250000x1,20000x5,50000x2,100000x10')
  .split(',')
  .map((s) => s.split('x').map(Number) as [number, number]);
const rounds = Number(arg('--rounds', '1'));

const server = await startTestServer();
// As the product's parser leaves them: lower case, ASCII (IDNs are kept as punycode there).
const ascii = combinedDomains().filter((d) => /^[\x21-\x7e]+$/.test(d) && d === d.toLowerCase());
server.setFeed('list.txt', { body: ascii.slice(0, size).join('\n'), etag: false });
const profileDir = mkdtempSync(path.join(tmpdir(), 'fs-dnrchunk-'));
const browser = await puppeteer.launch({
  executablePath: CHROMIUM_PATH,
  headless: true,
  pipe: true,
  protocolTimeout: 900_000,
  userDataDir: profileDir,
  ignoreDefaultArgs: ['--disable-extensions'],
  args: [...CHROMIUM_QUIET_ARGS, `--disable-extensions-except=${CHROME_EXT_DIR}`, `--load-extension=${CHROME_EXT_DIR}`],
});

/**
 * Runs in the worker: installs the list in rules of `perRule` domains, `perCall` rules per
 * call, with a turn of the event loop between calls (as the product does), then removes them.
 * Rule ids from 900,000: no list slot of the product uses them.
 */
const EXPERIMENT = String(async function experiment(url: string, perRule: number, perCall: number) {
  const chrome = (
    globalThis as unknown as {
      chrome: {
        declarativeNetRequest: { updateDynamicRules(o: object): Promise<void> };
        runtime: { getURL(p: string): string };
      };
    }
  ).chrome;
  const dnr = chrome.declarativeNetRequest;
  // One string, cut per rule, as the product's PackedDomains: a million live strings would
  // add garbage-collection pauses of their own to the probe.
  const text: string = await (await fetch(url)).text();
  let gaps: number[] = [];
  let last = performance.now();
  const probe = setInterval(() => {
    const now = performance.now();
    gaps.push(now - last - 10);
    last = now;
  }, 10);
  // The machine's own noise first: the probe with nothing to do for 3 s.
  await new Promise((r) => setTimeout(r, 3000));
  const idle = [...gaps].sort((a, b) => b - a).slice(0, 3);
  gaps = [];
  const calls: number[] = [];
  const syncs: number[] = [];
  const t0 = performance.now();
  let id = 900_000;
  let start = 0;
  // No named inner functions: tsx would wrap them in a __name() helper the worker lacks.
  for (;;) {
    const addRules = [];
    for (let j = 0; j < perCall && start < text.length; j++) {
      let end = start;
      for (let n = 0; n < perRule && end !== -1; n++) end = text.indexOf('\n', end + (n === 0 ? 0 : 1));
      const stop = end === -1 ? text.length : end;
      const domains = text.slice(start, stop).split('\n');
      start = stop + 1;
      addRules.push({
        id: id++,
        priority: 1,
        action: {
          type: 'redirect',
          redirect: { regexSubstitution: `${chrome.runtime.getURL('/warning.html')}#\\0` },
        },
        condition: { regexFilter: '^https?://.*', requestDomains: domains, resourceTypes: ['main_frame', 'sub_frame'] },
      });
    }
    if (addRules.length === 0) break;
    const c0 = performance.now();
    const call = dnr.updateDynamicRules({ addRules });
    // The call's synchronous part: its arguments converted and checked, on this thread.
    syncs.push(performance.now() - c0);
    await call;
    calls.push(performance.now() - c0);
    await new Promise((r) => setTimeout(r, 0));
  }
  const installMs = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 100));
  clearInterval(probe);
  const ids = Array.from({ length: id - 900_000 }, (_, k) => 900_000 + k);
  const r0 = performance.now();
  await dnr.updateDynamicRules({ removeRuleIds: ids });
  const removeMs = performance.now() - r0;
  gaps.sort((a, b) => b - a);
  return { installMs, removeMs, calls, syncs, gaps: gaps.slice(0, 5), idle };
});

try {
  const isWorker = (t: Target) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://');
  const worker = await browser.waitForTarget(isWorker, { timeout: 30_000 });
  const extPage = await browser.newPage();
  await extPage.goto(`chrome-extension://${new URL(worker.url()).host}/icon/16.png`);
  const send = (type: string, data: object) =>
    extPage.evaluate(
      (m) =>
        (
          globalThis as unknown as { chrome: { runtime: { sendMessage(x: unknown): Promise<unknown> } } }
        ).chrome.runtime.sendMessage(m),
      { type, data },
    ) as Promise<{ ok: boolean; value?: { preload?: { domains: number } | null } }>;
  // The bundled lists' rules first, as in real use: the browser re-indexes them too.
  // Each list's count appears only once its install is done: wait for 10 s without change.
  let bundled = 0;
  for (let i = 0, same = 0; i < 300 && same < 10; i++) {
    const now = (await send('status.get', {})).value?.preload?.domains ?? 0;
    same = now > 0 && now === bundled ? same + 1 : 0;
    bundled = now;
    await new Promise((r) => setTimeout(r, 1000));
  }
  console.log(`bundled lists' rules in force: ${bundled} domains; list: ${size} domains`);
  const sw = await worker.createCDPSession();
  for (let round = 0; round < rounds; round++) {
    for (const [perRule, perCall] of layouts) {
      const { result, exceptionDetails } = await sw.send('Runtime.evaluate', {
        expression: `(${EXPERIMENT})(${JSON.stringify(server.feedUrl('list.txt', '127.0.0.1'))}, ${perRule}, ${perCall})`,
        awaitPromise: true,
        returnByValue: true,
      });
      if (exceptionDetails) {
        console.log(`${perRule}x${perCall}: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
        continue;
      }
      const r = result.value as {
        installMs: number;
        removeMs: number;
        calls: number[];
        syncs: number[];
        gaps: number[];
        idle: number[];
      };
      const syncs = [...r.syncs].sort((a, b) => a - b);
      const sorted = [...r.calls].sort((a, b) => a - b);
      console.log(
        `${perRule} domains/rule x ${perCall} rules/call: ${r.calls.length} calls, install ${Math.round(r.installMs)} ms` +
          ` (call first ${Math.round(r.calls[0] ?? 0)}, median ${Math.round(sorted[sorted.length >> 1] ?? 0)}, last ${Math.round(r.calls.at(-1) ?? 0)} ms),` +
          ` call's own task median ${Math.round(syncs[syncs.length >> 1] ?? 0)}, max ${Math.round(syncs.at(-1) ?? 0)} ms;` +
          ` remove ${Math.round(r.removeMs)} ms; longest gaps ${r.gaps.map(Math.round).join(', ')} ms (idle: ${r.idle.map(Math.round).join(', ')})`,
      );
    }
  }
} finally {
  await browser.close();
  rmSync(profileDir, { recursive: true, force: true });
  await server.close();
}
