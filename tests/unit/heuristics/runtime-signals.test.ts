// The monitor runs on a happy-dom Window. happy-dom lacks alert, Worker, WebAssembly,
// requestFullscreen, Document#referrer and the Navigation API, so each test installs small
// stand-ins for them first, exactly where the browser has them, and then the monitor wraps those.
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { evaluatePage } from '../../../src/heuristics/evaluate';
import { ownerOf } from '../../../src/heuristics/hooks';
import { installMonitor } from '../../../src/heuristics/runtime-signals';
import {
  mergeSignals,
  parseSignals,
  requestSignals,
  REPLY_EVENT,
  startMainWorldMonitor,
  watchSignals,
} from '../../../src/heuristics/signal-bridge';
import { snapshotFixture } from './fixture-dom';
import { signals } from './make-snapshot';

interface Fake {
  win: Window;
  dom: globalThis.Window;
  w: Record<string, unknown>;
  clock: { t: number };
  nav: EventTarget;
  activation: { isActive: boolean };
}

const open: Window[] = [];
afterEach(async () => {
  for (const w of open.splice(0)) await w.happyDOM.close();
});

function fakeBrowser(url = 'http://victim.example/page'): Fake {
  const win = new Window({ url });
  open.push(win);
  const w = win as unknown as Record<string, unknown>;
  for (const name of ['alert', 'confirm', 'prompt']) w[name] = () => undefined;
  w.Worker = class {
    constructor(public url: string) {}
  };
  w.WebAssembly = {
    compile: async () => ({}),
    instantiate: async () => ({}),
    Module: class {},
  };
  const nav = new win.EventTarget() as unknown as EventTarget;
  w.navigation = nav;
  const activation = { isActive: false };
  Object.defineProperty(win.navigator, 'userActivation', { value: activation, configurable: true });
  Object.defineProperty(win.Element.prototype, 'requestFullscreen', {
    value: () => Promise.resolve(),
    writable: true,
    configurable: true,
  });
  Object.defineProperty(ownerOf(win.document, 'referrer') ?? win.document, 'referrer', {
    get: () => 'https://www.baidu.com/s?wd=x',
    configurable: true,
  });
  return { win, dom: win as unknown as globalThis.Window, w, clock: { t: 1000 }, nav, activation };
}

function call(f: Fake, name: string, ...args: unknown[]): unknown {
  const fn = f.w[name] as (...a: unknown[]) => unknown;
  return fn.apply(f.win, args);
}

function navigate(f: Fake, url: string, userInitiated = false): void {
  const ev = new f.win.Event('navigate') as unknown as Event;
  Object.defineProperty(ev, 'destination', { value: { url } });
  Object.defineProperty(ev, 'userInitiated', { value: userInitiated });
  f.nav.dispatchEvent(ev);
}

describe('installMonitor', () => {
  it('counts history flooding in a 2 s window and history.length growth', () => {
    const f = fakeBrowser();
    const read = installMonitor(f.dom, { now: () => f.clock.t });
    for (let i = 0; i < 30; i++) {
      f.win.history.pushState({}, '', `#x${i}`);
      f.clock.t += 10;
    }
    f.clock.t += 5000;
    f.win.history.replaceState({}, '', '#y');
    const s = read();
    expect(s.historyCalls).toBe(31);
    expect(s.historyBurst).toBe(30);
    expect(s.historyLengthGrowth).toBeGreaterThanOrEqual(0);
    expect(f.win.location.hash).toBe('#y'); // the original still ran
  });

  it('counts dialogs, fullscreen without gesture and beforeunload handlers', () => {
    const f = fakeBrowser();
    const read = installMonitor(f.dom, { now: () => f.clock.t });
    for (let i = 0; i < 4; i++) call(f, 'alert', 'locked');
    call(f, 'confirm', 'sure?');
    const el = f.win.document.documentElement as unknown as { requestFullscreen: () => Promise<void> };
    void el.requestFullscreen();
    f.activation.isActive = true;
    void el.requestFullscreen();
    f.win.addEventListener('beforeunload', () => undefined);
    f.win.document.addEventListener('click', () => undefined);
    (f.win as unknown as { onbeforeunload: unknown }).onbeforeunload = () => 'stay';
    const s = read();
    expect(s.dialogs).toBe(5);
    expect(s.dialogBurst).toBe(5);
    expect(s.fullscreenRequests).toBe(2);
    expect(s.fullscreenWithoutGesture).toBe(1);
    expect(s.beforeUnloadHandlers).toBe(2);
    expect(typeof f.win.onbeforeunload).toBe('function'); // setter still reached the page
  });

  it('counts WebAssembly, workers, pool sockets and miner globals', async () => {
    const f = fakeBrowser();
    const read = installMonitor(f.dom);
    const wasm = f.w.WebAssembly as { compile: (b: Uint8Array) => Promise<unknown>; Module: new () => object };
    await wasm.compile(new Uint8Array(8));
    const mod = new wasm.Module();
    const WorkerCtor = f.w.Worker as new (u: string) => { url: string };
    const workers = [new WorkerCtor('/a.js'), new WorkerCtor('/b.js')];
    expect(workers[0]).toBeInstanceOf(WorkerCtor);
    expect(workers[1]!.url).toBe('/b.js');
    const WS = f.w.WebSocket as new (u: string) => { close: () => void };
    for (const u of ['ws://127.0.0.1:1/chat', 'wss://pool.minexmr.example:4444/']) {
      try {
        new WS(u).close();
      } catch {
        /* no server: only the construction matters */
      }
    }
    f.w.CoinHive = { Anonymous: class {} };
    f.w.miner = { start: () => undefined, getHashesPerSecond: () => 0 };
    const s = read();
    expect(mod).toBeInstanceOf(wasm.Module);
    expect(s.wasmCompiles).toBe(2);
    expect(s.workers).toBe(2);
    expect(s.poolSockets).toEqual(['pool.minexmr.example']);
    expect(s.minerGlobals).toEqual(['CoinHive', 'miner']);
  });

  it('records a redirect to another host right after a referrer read, not user clicks or late ones', () => {
    const f = fakeBrowser();
    const pushed: string[][] = [];
    const read = installMonitor(f.dom, {
      now: () => f.clock.t,
      onRedirect: (s) => pushed.push(s.redirectsAfterReferrerRead),
    });
    navigate(f, 'https://gamble.example.invalid/'); // no referrer read yet
    expect(f.win.document.referrer).toContain('baidu');
    navigate(f, 'https://victim.example/next'); // same host
    navigate(f, 'https://clicked.example.invalid/', true); // user clicked
    // Activation carried over from the click that opened the page (Firefox) is not a gesture here.
    f.activation.isActive = true;
    navigate(f, 'https://gamble.example.invalid/');
    f.activation.isActive = false;
    // A script navigating right after the user pressed on this page: the user's choice. A
    // synthetic event does not count as one.
    f.win.dispatchEvent(new f.win.Event('pointerdown'));
    navigate(f, 'https://synthetic.example.invalid/');
    const press = new f.win.Event('pointerdown');
    Object.defineProperty(press, 'isTrusted', { value: true });
    f.win.dispatchEvent(press);
    navigate(f, 'https://button.example.invalid/');
    f.clock.t += 5000;
    expect(f.win.document.referrer).toContain('baidu'); // read again, long after the press
    navigate(f, 'https://www.baidu.com/s?wd=x'); // back to the referring site: a "back" action
    navigate(f, 'https://gamble.example.invalid/');
    call(f, 'open', 'https://popup.example.invalid/');
    f.clock.t += 10_000;
    navigate(f, 'https://late.example.invalid/');
    const s = read();
    expect(s.referrerReads).toBe(2);
    expect(s.redirectsAfterReferrerRead).toEqual([
      'gamble.example.invalid',
      'synthetic.example.invalid',
      'gamble.example.invalid',
      'popup.example.invalid',
    ]);
    expect(s.windowOpens).toBe(1);
    expect(pushed).toHaveLength(4);
  });

  it('is idempotent and survives missing APIs', () => {
    const f = fakeBrowser();
    delete f.w.WebAssembly;
    delete f.w.navigation;
    const a = installMonitor(f.dom);
    expect(installMonitor(f.dom)).toBe(a);
    f.win.history.pushState({}, '', '#1');
    expect(a().historyCalls).toBe(1);
  });
});

describe('signal bridge', () => {
  it('answers a synchronous request from the isolated world and pushes redirects', () => {
    const f = fakeBrowser();
    startMainWorldMonitor(f.dom);
    call(f, 'alert', 'x');
    expect(requestSignals(f.dom)?.dialogs).toBe(1);
    const seen: string[][] = [];
    const stop = watchSignals(f.dom, (s) => seen.push(s.redirectsAfterReferrerRead));
    void f.win.document.referrer;
    navigate(f, 'https://gamble.example.invalid/');
    stop();
    expect(seen).toEqual([['gamble.example.invalid']]);
  });

  it('does not take the answer to its own request for a push (a watcher that asks again would recurse)', () => {
    const f = fakeBrowser();
    startMainWorldMonitor(f.dom);
    let pushes = 0;
    const stop = watchSignals(f.dom, () => {
      pushes++;
      requestSignals(f.dom);
    });
    void f.win.document.referrer;
    expect(requestSignals(f.dom)?.referrerReads).toBe(1);
    expect(pushes).toBe(0);
    navigate(f, 'https://gamble.example.invalid/');
    stop();
    expect(pushes).toBe(1);
  });

  it('merges a forged reply with max(), so it cannot hide real counts', () => {
    const f = fakeBrowser();
    startMainWorldMonitor(f.dom);
    for (let i = 0; i < 3; i++) call(f, 'alert', 'x');
    f.win.addEventListener('fraud-sentry:signals-request', () => {
      const forged = JSON.stringify(signals()) as unknown as object; // happy-dom types detail as object
      f.win.dispatchEvent(new f.win.CustomEvent(REPLY_EVENT, { detail: forged }));
    });
    expect(requestSignals(f.dom)?.dialogs).toBe(3);
  });

  it('rejects malformed details', () => {
    expect(parseSignals('{')).toBeNull();
    expect(parseSignals(JSON.stringify({ ...signals(), dialogs: -1 }))).toBeNull();
    expect(parseSignals(JSON.stringify({ ...signals(), poolSockets: 'x' }))).toBeNull();
    expect(parseSignals({})).toBeNull();
    const ok = parseSignals(JSON.stringify(signals({ poolSockets: ['a', 'b'] })));
    expect(ok?.poolSockets).toEqual(['a', 'b']);
    expect(mergeSignals(signals({ workers: 2 }), signals({ workers: 1, minerGlobals: ['CoinHive'] }))).toMatchObject({
      workers: 2,
      minerGlobals: ['CoinHive'],
    });
  });
});

describe('runtime signals + snapshot', () => {
  it('the locker replayed under the monitor raises the score; the support page stays silent', async () => {
    const f = fakeBrowser();
    const read = installMonitor(f.dom, { now: () => f.clock.t });
    // What browser-locker.html does on load.
    for (let i = 0; i < 50; i++) f.win.history.pushState({}, '', `#locked-${i}`);
    (f.win as unknown as { onbeforeunload: unknown }).onbeforeunload = () => 'locked';
    void (f.win.document.documentElement as unknown as { requestFullscreen: () => Promise<void> }).requestFullscreen();
    for (let i = 0; i < 3; i++) call(f, 'alert', 'Security alert!');
    const locker = evaluatePage(await snapshotFixture('browser-locker.html'), read());
    const staticOnly = evaluatePage(await snapshotFixture('browser-locker.html'));
    expect(locker.warn).toBe(true);
    expect(locker.score).toBeGreaterThan(staticOnly.score);

    const g = fakeBrowser();
    const readG = installMonitor(g.dom);
    g.activation.isActive = true; // the user clicked "全屏播放"
    void (g.win.document.documentElement as unknown as { requestFullscreen: () => Promise<void> }).requestFullscreen();
    g.win.addEventListener('beforeunload', () => undefined);
    expect(evaluatePage(await snapshotFixture('company-support.html'), readG()).warn).toBe(false);
  });
});
