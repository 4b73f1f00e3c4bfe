// Where the page-load overhead (goal 5) comes from: the same measurement as the benchmark's
// (unlisted pages, extension vs none, ratio of the medians of loadEventEnd), repeated with
// copies of the built extension that each lack one part, and/or with other builds. Nothing of
// the product changes: the variants are edited copies of .output/ in a temporary directory.
//
//   npx tsx scripts/bench/overhead.ts [--browsers chromium,firefox] [--pages 40]
//       [--variants full,cs-stub,no-cs,no-cs-nowr] [--build NAME=DIR ...] [--page tiny|rich]
//
//   full        the extension as built
//   cs-stub     content scripts replaced by a 1-line one that only sends page.check
//   cs-empty    content scripts replaced by an empty one (the floor of any content script)
//   no-monitor  without the MAIN-world runtime monitor (Chromium; page-guard.js stays)
//   no-script-wr  the webRequest listener on script requests pointed at a host that never occurs
//   no-cs       no content scripts at all (the before-load layer still runs)
//   no-cs-nowr  Firefox: also no blocking webRequest listener on main_frame
//   NAME=DIR    another build (DIR holds chrome-mv3/ and/or firefox-mv2/, e.g. a copy of an
//               older .output/): compares builds, e.g. before/after a change
//   --page rich a page with stylesheets, scripts and images (rich-page.ts) instead of the
//               benchmark's tiny one
//
// All variants of one browser are open at once and take turns on every page (the order
// rotates), so machine load hits them alike; each is compared with the same browser without
// the extension, which loads the same page in the same round.
//
// full − cs-stub ≈ parsing and running the content scripts; cs-stub − no-cs ≈ the page.check
// message; no-cs − no-cs-nowr ≈ Firefox's blocking main_frame listener; the rest ≈ what
// remains (declarativeNetRequest / the script listener, the extension's mere presence).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { startTestServer } from '../../tests/e2e/support/feed-server.ts';
import { CHROME_EXT_DIR, FIREFOX_EXT_DIR } from '../../tests/e2e/support/paths.ts';
import {
  launchChromiumExt,
  launchChromiumPlain,
  launchFirefoxExt,
  launchFirefoxPlain,
  type BrowserName,
  type ExtBrowser,
  waitRulesInstalled,
} from './drivers.ts';
import { serveRichPage } from './rich-page.ts';
import { loadTime } from './scenario.ts';
import { median } from './stats.ts';

type Variant = 'full' | 'cs-stub' | 'cs-empty' | 'no-monitor' | 'no-script-wr' | 'no-cs' | 'no-cs-nowr';
const VARIANTS: readonly string[] = ['full', 'cs-stub', 'cs-empty', 'no-cs', 'no-cs-nowr'];

const STUB = `(globalThis.browser ?? globalThis.chrome).runtime.sendMessage({ type: 'page.check', data: {} });\n`;

function makeVariant(browser: BrowserName, variant: Variant, root: string): string {
  const src = browser === 'chromium' ? CHROME_EXT_DIR : FIREFOX_EXT_DIR;
  if (variant === 'full') return src;
  const dir = path.join(root, `${browser}-${variant}`);
  cpSync(src, dir, { recursive: true });
  const manifestPath = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
  if (variant === 'cs-stub' || variant === 'cs-empty') {
    writeFileSync(path.join(dir, 'fsbench-stub.js'), variant === 'cs-stub' ? STUB : 'void 0;\n');
    manifest.content_scripts = [
      { matches: ['http://*/*', 'https://*/*'], run_at: 'document_start', js: ['fsbench-stub.js'] },
    ];
  } else if (variant === 'no-monitor') {
    const scripts = manifest.content_scripts as Array<{ world?: string }>;
    manifest.content_scripts = scripts.filter((c) => c.world !== 'MAIN');
  } else if (variant !== 'no-script-wr') delete manifest.content_scripts;
  writeFileSync(manifestPath, JSON.stringify(manifest));
  const neverHost = (types: string) => {
    const bgPath = path.join(dir, 'background.js');
    const bg = readFileSync(bgPath, 'utf8');
    const filter = new RegExp(`types:\\[${types.replace(/[[\]]/g, '\\$&')}\\]`);
    if (!filter.test(bg)) throw new Error(`listener on ${types} not found in background.js`);
    writeFileSync(bgPath, bg.replace(filter, `types:[${types}],urls:[\`http://fsbench.invalid/*\`]`));
  };
  if (variant === 'no-cs-nowr') neverHost('`main_frame`,`sub_frame`');
  if (variant === 'no-script-wr') neverHost('`script`');
  return dir;
}

interface Contender {
  name: string;
  ext: ExtBrowser;
  loads: number[];
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const arg = (name: string): string | undefined => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  const browsers = (arg('--browsers') ?? 'chromium,firefox').split(',') as BrowserName[];
  const pages = Number(arg('--pages') ?? 40);
  const builds = argv.flatMap((a, i) => (a === '--build' ? [argv[i + 1] as string] : []));
  const variantArg = arg('--variants');
  const hosts = Array.from({ length: pages + 3 }, (_, i) => `u${i}.unlisted.fsbench.test`);
  const root = mkdtempSync(path.join(tmpdir(), 'fs-bench-overhead-'));
  const server = await startTestServer();
  const pagePath = arg('--page') === 'rich' ? serveRichPage(server, hosts) : '/';
  console.log(`page ${pagePath}, ${pages} pages (+3 warm-up), load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  try {
    for (const browser of browsers) {
      const variants = (variantArg ?? (builds.length > 0 ? 'full' : VARIANTS.join(',')))
        .split(',')
        .filter((v) => v !== '' && (v !== 'no-cs-nowr' || browser === 'firefox')) as Variant[];
      const dirs: Array<[string, string]> = variants.map((v) => [v, makeVariant(browser, v, root)]);
      for (const b of builds) {
        const [name, dir] = b.split('=') as [string, string];
        dirs.push([name, path.join(dir, browser === 'chromium' ? 'chrome-mv3' : 'firefox-mv2')]);
      }
      const contenders: Contender[] = [];
      const plain = browser === 'chromium' ? await launchChromiumPlain() : await launchFirefoxPlain(hosts);
      const plainLoads: number[] = [];
      try {
        for (const [name, dir] of dirs) {
          const ext = browser === 'chromium' ? await launchChromiumExt(dir) : await launchFirefoxExt(hosts, dir);
          contenders.push({ name, ext, loads: [] });
        }
        // Steady state: the bundled lists' before-load rules in, the browsers idle.
        for (const c of contenders) {
          const waited = await waitRulesInstalled(c.ext);
          console.log(`  ${c.name}: rules ${waited === null ? 'still installing' : `in after ${(waited / 1000).toFixed(0)} s`}`);
        }
        await contenders[0]?.ext.quiet();
        for (let i = 0; i < hosts.length; i++) {
          const url = server.url(hosts[i] as string, pagePath);
          // Rotate who goes first: the page's first load may warm something (DNS, the server).
          const order = [...contenders.slice(i % contenders.length), ...contenders.slice(0, i % contenders.length)];
          for (const c of order) {
            const t = await loadTime(c.ext.tab, url);
            if (i >= 3) c.loads.push(t);
          }
          const b = await loadTime(plain.tab, url);
          if (i >= 3) plainLoads.push(b);
        }
        const n = median(plainLoads);
        for (const c of contenders) {
          const e = median(c.loads);
          const paired = median(c.loads.map((x, k) => x - (plainLoads[k] as number)));
          console.log(
            `${browser.padEnd(8)} ${c.name.padEnd(11)} ext ${e.toFixed(1).padStart(6)} ms  none ${n.toFixed(1).padStart(6)} ms  +${(e - n).toFixed(1).padStart(5)} ms  ratio ${(e / n).toFixed(3)}  paired +${paired.toFixed(1)} ms`,
          );
        }
        console.log(`  load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
      } finally {
        for (const c of contenders) await c.ext.close().catch(() => undefined);
        await plain.close().catch(() => undefined);
      }
    }
  } finally {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
