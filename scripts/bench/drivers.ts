// How the benchmark drives each browser. Chromium: puppeteer-core over CDP (the service
// worker's target is reachable for the heap and the long-task probe). Firefox: the e2e
// harness (puppeteer-core over WebDriver BiDi). No product code is touched: messages go
// through the extension's own protocol from a page in the extension's origin.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type CDPSession, type Page, type Target } from 'puppeteer-core';
import { CHROME_EXT_DIR, CHROMIUM_PATH, CHROMIUM_QUIET_ARGS, FIREFOX_EXT_DIR } from '../../tests/e2e/support/paths.ts';
import { launchFirefox, openExtensionPage, type FirefoxSession } from '../../tests/e2e/firefox/harness.ts';
import { sleep } from './stats.ts';

export type BrowserName = 'chromium' | 'firefox';

export interface HeapInfo {
  /** JS heap in use after a full GC. */
  usedBytes: number;
  /** ArrayBuffer backing stores (the hash sets' Float64Arrays live here, off the JS heap). */
  backingBytes: number;
  embedderBytes: number;
}

export interface ColdStart {
  /** Wall-clock ms the harness waited after stopping the background (backing store closes). */
  settleMs: number;
}

/** A browser with the extension installed, and a tab for web pages. */
export interface ExtBrowser {
  readonly name: BrowserName;
  /** A tab for web pages. */
  readonly tab: Page;
  /** One protocol message from an extension page; resolves to `value` or throws the error. */
  send<T>(type: string, data: object): Promise<T>;
  /** navigator.storage.estimate().usage of the extension's origin. */
  storageUsage(): Promise<number>;
  /** Stops the background so the next verdict is a cold start. */
  stopBackground(): Promise<ColdStart>;
  /** After a cold start: makes send() usable again (Firefox reopens its extension page). */
  reattach(): Promise<void>;
  /** JS heap of the background after GC, or null where the browser does not expose it. */
  heap(): Promise<HeapInfo | null>;
  /** Chromium only: writes a V8 heap snapshot of the background to `file` (scripts/bench/heap-profile.ts). */
  heapSnapshot?(file: string): Promise<void>;
  /** Starts a timer in the background's event loop that records its longest stall. */
  probeStart(): Promise<void>;
  /** Longest stall (ms beyond the 10 ms period) since probeStart, and the timer's tick count. */
  probeRead(): Promise<{ longestMs: number; ticks: number } | null>;
  /** Waits until the browser (all its processes) is idle; resolves to the ms waited (see waitQuiet). */
  quiet(): Promise<number>;
  /** A DevTools session in the background's service worker (Chromium only: profiling). */
  workerCdp?(): Promise<CDPSession>;
  /** Why heap() / the probe are null here, if they are. */
  readonly notes: Record<string, string>;
  close(): Promise<void>;
}

/** The same browser without the extension: the page-load baseline and the naive store. */
export interface PlainBrowser {
  readonly tab: Page;
  close(): Promise<void>;
}

interface Reply {
  ok: boolean;
  value?: unknown;
  error?: string;
}

/** Runs in the extension page: chrome.* in Chromium, browser.* in Firefox. */
async function sendFromPage(page: Page, type: string, data: object): Promise<unknown> {
  const reply = (await page.evaluate(
    (message) => {
      const g = globalThis as unknown as {
        browser?: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
        chrome?: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
      };
      const runtime = (g.browser ?? g.chrome)?.runtime;
      if (!runtime) throw new Error('no extension runtime in this page');
      return runtime.sendMessage(message);
    },
    { type, data },
  )) as Reply | undefined;
  if (!reply) throw new Error(`${type}: no reply`);
  if (!reply.ok) throw new Error(`${type}: ${reply.error ?? 'error'}`);
  return reply.value;
}

async function usage(page: Page): Promise<number> {
  return page.evaluate(async () => (await navigator.storage.estimate()).usage ?? Number.NaN);
}

// The probe as source text: it runs in the background's realm (no bundler helpers there).
const PROBE_START = `(() => {
  const g = globalThis;
  if (g.__fsbProbe) clearInterval(g.__fsbProbe.timer);
  const p = { max: 0, last: performance.now(), ticks: 0, timer: 0 };
  p.timer = setInterval(() => {
    const now = performance.now();
    if (now - p.last > p.max) p.max = now - p.last;
    p.last = now;
    p.ticks++;
  }, 10);
  g.__fsbProbe = p;
  return true;
})()`;
const PROBE_READ = `(() => {
  const p = globalThis.__fsbProbe;
  if (!p) return null;
  clearInterval(p.timer);
  globalThis.__fsbProbe = undefined;
  const gap = Math.max(p.max, performance.now() - p.last);
  return JSON.stringify({ longestMs: Math.max(0, gap - 10), ticks: p.ticks });
})()`;


/** CPU time in ms used so far by a process and all its descendants (Linux /proc; 0 elsewhere). */
function treeCpuMs(rootPid: number): number {
  const parent = new Map<number, number>();
  const ticks = new Map<number, number>();
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return 0;
  }
  for (const name of entries) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // pid (comm) state ppid … utime(14) stime(15): comm may contain spaces, so split after ')'.
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(name), Number(f[1]));
      ticks.set(Number(name), Number(f[11]) + Number(f[12]));
    } catch {
      // The process ended meanwhile.
    }
  }
  let total = 0;
  for (const [pid, t] of ticks) {
    for (let p: number | undefined = pid; p !== undefined && p > 1; p = parent.get(p)) {
      if (p === rootPid) {
        total += t;
        break;
      }
    }
  }
  return total * 10; // USER_HZ is 100 on Linux
}

/**
 * Waits until the browser is idle: its processes together use under 10 % of one core over
 * half a second (work left over from an earlier phase, such as Chrome still installing
 * declarativeNetRequest rules after an update, would otherwise be measured as page-load
 * or navigation cost). Gives up after `timeoutMs`. Resolves to the ms waited.
 */
export async function waitQuiet(pid: number | undefined, timeoutMs = 30_000): Promise<number> {
  if (!pid) return 0;
  const started = Date.now();
  const windowMs = 500;
  let before = treeCpuMs(pid);
  while (Date.now() - started < timeoutMs) {
    await sleep(windowMs);
    const now = treeCpuMs(pid);
    if (now - before < windowMs * 0.1) break;
    before = now;
  }
  return Date.now() - started;
}

/**
 * Waits until the extension's before-load rules are all installed (Chrome: no list's
 * declarativeNetRequest install queued or running; Firefox has no such layer). Resolves to
 * the ms waited, or null if installs were still running after `timeoutMs`.
 */
export async function waitRulesInstalled(ext: ExtBrowser, timeoutMs = 600_000, pollMs = 1000): Promise<number | null> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const { preload } = await ext.send<{ preload: { installing: number } | null }>('status.get', {});
    if (!preload || preload.installing === 0) return Date.now() - started;
    await sleep(pollMs);
  }
  return null;
}

async function launchChromium(
  withExtension: boolean,
  extDir = CHROME_EXT_DIR,
): Promise<{ browser: Browser; profile: string }> {
  const profile = mkdtempSync(path.join(tmpdir(), 'fs-bench-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    pipe: true,
    userDataDir: profile,
    ...(withExtension ? { ignoreDefaultArgs: ['--disable-extensions'] } : {}),
    args: [
      ...CHROMIUM_QUIET_ARGS,
      ...(withExtension ? [`--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`] : []),
    ],
  });
  return { browser, profile };
}

const isWorker = (t: Target): boolean => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://');

/** `extDir`: another build of the extension (scripts/bench/overhead.ts loads variants). */
export async function launchChromiumExt(extDir = CHROME_EXT_DIR): Promise<ExtBrowser> {
  const { browser, profile } = await launchChromium(true, extDir);
  const worker = await browser.waitForTarget(isWorker, { timeout: 30_000 });
  const extensionId = new URL(worker.url()).host;
  // Any document in the extension's origin has chrome.runtime; an icon runs none of the
  // popup's code (the popup polls status.get, which would wake a stopped worker).
  const extPage = await browser.newPage();
  await extPage.goto(`chrome-extension://${extensionId}/icon/16.png`);
  const tab = await browser.newPage();
  let swSession: CDPSession | null = null;

  const workerSession = async (): Promise<CDPSession> => {
    if (swSession) return swSession;
    const target = await browser.waitForTarget(isWorker, { timeout: 15_000 });
    swSession = await target.createCDPSession();
    swSession.once('CDPSession.Disconnected', () => {
      swSession = null;
    });
    return swSession;
  };
  const evalInWorker = async (expression: string): Promise<unknown> => {
    const session = await workerSession();
    const r = (await session.send('Runtime.evaluate', { expression, returnByValue: true })) as {
      result: { value?: unknown };
    };
    return r.result.value;
  };

  return {
    name: 'chromium',
    tab,
    notes: {},
    quiet: () => waitQuiet(browser.process()?.pid),
    send: async <T>(type: string, data: object) => (await sendFromPage(extPage, type, data)) as T,
    storageUsage: () => usage(extPage),
    workerCdp: workerSession,
    stopBackground: async () => {
      if (swSession) {
        await swSession.detach().catch(() => undefined);
        swSession = null;
      }
      const cdp = await extPage.createCDPSession();
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await cdp.detach();
      // Chromium closes an IndexedDB backing store ~2 s after its last connection closed:
      // wait past that so the restarted worker really opens the database cold.
      const settleMs = 2_500;
      await sleep(settleMs);
      return { settleMs };
    },
    reattach: async () => undefined,
    heap: async () => {
      const session = await workerSession();
      await session.send('HeapProfiler.enable');
      await session.send('HeapProfiler.collectGarbage');
      await session.send('HeapProfiler.collectGarbage');
      const u = await session.send('Runtime.getHeapUsage');
      await session.send('HeapProfiler.disable');
      return {
        usedBytes: u.usedSize,
        backingBytes: u.backingStorageSize ?? 0,
        embedderBytes: u.embedderHeapUsedSize ?? 0,
      };
    },
    heapSnapshot: async (file: string) => {
      const session = await workerSession();
      const chunks: string[] = [];
      const onChunk = (e: { chunk: string }) => void chunks.push(e.chunk);
      session.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
      await session.send('HeapProfiler.enable');
      await session.send('HeapProfiler.collectGarbage');
      await session.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
      session.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
      await session.send('HeapProfiler.disable');
      writeFileSync(file, chunks.join(''));
    },
    probeStart: async () => void (await evalInWorker(PROBE_START)),
    probeRead: async () => {
      const v = await evalInWorker(PROBE_READ);
      return typeof v === 'string' ? (JSON.parse(v) as { longestMs: number; ticks: number }) : null;
    },
    close: async () => {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function launchChromiumPlain(): Promise<PlainBrowser> {
  const { browser, profile } = await launchChromium(false);
  const tab = await browser.newPage();
  return {
    tab,
    close: async () => {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Firefox rounds performance.now() to 1 ms by default (fingerprinting protection), which
 * would make every sub-millisecond verdict read 0 or 1. Measurement clock only.
 */
const FIREFOX_PREFS = { 'privacy.reduceTimerPrecision': false };

interface FirefoxProbe {
  max: number;
  last: number;
  ticks: number;
  timer: number;
}
type BgWindow = Window & { __fsbProbe?: FirefoxProbe };
interface FirefoxRuntime {
  getBackgroundPage(): Promise<BgWindow>;
  reload(): void;
}

export async function launchFirefoxExt(hosts: string[], extDir = FIREFOX_EXT_DIR): Promise<ExtBrowser> {
  const session: FirefoxSession = await launchFirefox({ extensionDir: extDir, hosts, prefs: FIREFOX_PREFS });
  // An extension-origin document that runs none of the popup's code.
  let extPage = await openExtensionPage(session, 'icon/16.png');
  const tab = await session.browser.newPage();

  return {
    name: 'firefox',
    tab,
    quiet: () => waitQuiet(session.browser.process()?.pid),
    notes: {
      heap_mb:
        'Firefox exposes no JS-heap figure of the background page over WebDriver BiDi (no CDP; about:memory is not scriptable there): index_mb gives the size of the data structure instead.',
    },
    send: async <T>(type: string, data: object) => (await sendFromPage(extPage, type, data)) as T,
    storageUsage: () => usage(extPage),
    stopBackground: async () => {
      // MV2's background page is persistent: the nearest thing to a cold start is reloading
      // the extension (runtime.reload), which restarts the background; storage stays.
      await extPage
        .evaluate(() => {
          (globalThis as unknown as { browser: { runtime: FirefoxRuntime } }).browser.runtime.reload();
        })
        .catch(() => undefined);
      const settleMs = 1_000;
      await sleep(settleMs);
      return { settleMs };
    },
    reattach: async () => {
      await extPage.close().catch(() => undefined);
      extPage = await openExtensionPage(session, 'icon/16.png');
    },
    heap: async () => null,
    // The MV2 background page is a window in the extension's process, reachable from an
    // extension page with runtime.getBackgroundPage(): the probe's timer is the background
    // window's own setInterval, so it fires in (and is delayed by) the background's event loop.
    probeStart: async () =>
      extPage.evaluate(async () => {
        const g = globalThis as unknown as { browser: { runtime: FirefoxRuntime } };
        const bg = await g.browser.runtime.getBackgroundPage();
        if (bg.__fsbProbe) bg.clearInterval(bg.__fsbProbe.timer);
        const p: FirefoxProbe = { max: 0, last: bg.performance.now(), ticks: 0, timer: 0 };
        p.timer = bg.setInterval(() => {
          const now = bg.performance.now();
          if (now - p.last > p.max) p.max = now - p.last;
          p.last = now;
          p.ticks++;
        }, 10);
        bg.__fsbProbe = p;
      }),
    probeRead: async () =>
      extPage.evaluate(async () => {
        const g = globalThis as unknown as { browser: { runtime: FirefoxRuntime } };
        const bg = await g.browser.runtime.getBackgroundPage();
        const p = bg.__fsbProbe;
        if (!p) return null;
        bg.clearInterval(p.timer);
        bg.__fsbProbe = undefined;
        const gap = Math.max(p.max, bg.performance.now() - p.last);
        return { longestMs: Math.max(0, gap - 10), ticks: p.ticks };
      }),
    close: () => session.close(),
  };
}

export async function launchFirefoxPlain(hosts: string[]): Promise<PlainBrowser> {
  const session = await launchFirefox({ hosts, prefs: FIREFOX_PREFS });
  const tab = await session.browser.newPage();
  return { tab, close: () => session.close() };
}
