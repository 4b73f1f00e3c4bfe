import { describe, expect, it } from 'vitest';
import { detectCryptominer } from '../../../src/heuristics/detectors/cryptominer';
import { WARN_THRESHOLD } from '../../../src/heuristics/evaluate';
import { signals, snap } from './make-snapshot';

describe('detectCryptominer', () => {
  it('flags a known miner script by name', () => {
    for (const src of [
      'https://coinhive.com/lib/coinhive.min.js',
      'https://x.test/js/cryptoloot.js',
      'https://x.test/deepMiner.js',
    ]) {
      expect(detectCryptominer(snap({ scriptSrcs: [src] }))!.score, src).toBeGreaterThanOrEqual(WARN_THRESHOLD);
    }
  });

  it('flags inline miner start-up code', () => {
    const f = detectCryptominer(snap({ inlineScripts: ["var miner = new CoinHive.Anonymous('k'); miner.start();"] }));
    expect(f!.score).toBeGreaterThanOrEqual(WARN_THRESHOLD);
    expect(f!.evidence.join(' ')).toContain('CoinHive.Anonymous');
  });

  it('flags runtime miner globals and pool sockets', () => {
    expect(detectCryptominer(snap(), signals({ minerGlobals: ['CoinHive'] }))!.score).toBeGreaterThanOrEqual(
      WARN_THRESHOLD,
    );
    const f = detectCryptominer(
      snap(),
      signals({ poolSockets: ['pool.example.invalid'], wasmCompiles: 1, workers: 8 }),
    );
    expect(f!.score).toBeGreaterThanOrEqual(WARN_THRESHOLD);
  });

  it('does not warn on WebAssembly + workers alone', () => {
    expect(detectCryptominer(snap(), signals({ wasmCompiles: 3, workers: 1 }))).toBeNull();
    expect(detectCryptominer(snap(), signals({ wasmCompiles: 3, workers: 8 }))!.score).toBeLessThan(WARN_THRESHOLD);
  });

  it('does not match ordinary names', () => {
    const f = detectCryptominer(
      snap({
        scriptSrcs: ['https://x.test/js/mining-news.js', 'https://x.test/admin.min.js'],
        inlineScripts: ['throttle(fn, 100)'],
      }),
    );
    expect(f).toBeNull();
  });
});
