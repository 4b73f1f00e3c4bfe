// Where the page-load overhead (goal 5) comes from: the same measurement as the benchmark's
// (unlisted pages, extension vs none, ratio of the medians of loadEventEnd), repeated with
// copies of the built extension that each lack one part. Nothing of the product changes:
// the variants are edited copies of .output/ in a temporary directory.
//
//   npx tsx scripts/bench/overhead.ts [--browsers chromium,firefox] [--pages 40]
//
//   full        the extension as built
//   cs-stub     content scripts replaced by a 1-line one that only sends page.check
//   no-cs       no content scripts at all (the before-load layer still runs)
//   no-cs-nowr  Firefox: also no blocking webRequest listener on main_frame
//
// full − cs-stub ≈ parsing and running the content scripts; cs-stub − no-cs ≈ the page.check
// message; no-cs − no-cs-nowr ≈ Firefox's blocking main_frame listener; the rest ≈ what
// remains (declarativeNetRequest / the script listener, the extension's mere presence).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startTestServer } from '../../tests/e2e/support/feed-server.ts';
import { CHROME_EXT_DIR, FIREFOX_EXT_DIR } from '../../tests/e2e/support/paths.ts';
import {
  launchChromiumExt,
  launchChromiumPlain,
  launchFirefoxExt,
  launchFirefoxPlain,
  type BrowserName,
} from './drivers.ts';
import { loadTime } from './scenario.ts';
import { median } from './stats.ts';

type Variant = 'full' | 'cs-stub' | 'no-cs' | 'no-cs-nowr';

const STUB = `(globalThis.browser ?? globalThis.chrome).runtime.sendMessage({ type: 'page.check', data: {} });\n`;

function makeVariant(browser: BrowserName, variant: Variant, root: string): string {
  const src = browser === 'chromium' ? CHROME_EXT_DIR : FIREFOX_EXT_DIR;
  if (variant === 'full') return src;
  const dir = path.join(root, `${browser}-${variant}`);
  cpSync(src, dir, { recursive: true });
  const manifestPath = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
  if (variant === 'cs-stub') {
    writeFileSync(path.join(dir, 'fsbench-stub.js'), STUB);
    manifest.content_scripts = [{ matches: ['http://*/*', 'https://*/*'], run_at: 'document_start', js: ['fsbench-stub.js'] }];
  } else delete manifest.content_scripts;
  writeFileSync(manifestPath, JSON.stringify(manifest));
  if (variant === 'no-cs-nowr') {
    const bgPath = path.join(dir, 'background.js');
    const bg = readFileSync(bgPath, 'utf8');
    const filter = '{urls:[`http://*/*`,`https://*/*`],types:[`main_frame`]}';
    if (!bg.includes(filter)) throw new Error('main_frame listener not found in background.js');
    writeFileSync(bgPath, bg.replace(filter, '{urls:[`http://fsbench.invalid/*`],types:[`main_frame`]}'));
  }
  return dir;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const arg = (name: string): string | undefined => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  const browsers = (arg('--browsers') ?? 'chromium,firefox').split(',') as BrowserName[];
  const pages = Number(arg('--pages') ?? 40);
  const hosts = Array.from({ length: pages + 3 }, (_, i) => `u${i}.unlisted.fsbench.test`);
  const root = mkdtempSync(path.join(tmpdir(), 'fs-bench-overhead-'));
  const server = await startTestServer();
  const rows: string[] = [];
  try {
    for (const browser of browsers) {
      const variants: Variant[] =
        browser === 'firefox' ? ['full', 'cs-stub', 'no-cs', 'no-cs-nowr'] : ['full', 'cs-stub', 'no-cs'];
      for (const variant of variants) {
        const dir = makeVariant(browser, variant, root);
        const ext = browser === 'chromium' ? await launchChromiumExt(dir) : await launchFirefoxExt(hosts, dir);
        const plain = browser === 'chromium' ? await launchChromiumPlain() : await launchFirefoxPlain(hosts);
        try {
          await ext.send('status.get', {});
          await ext.quiet();
          const withExt: number[] = [];
          const without: number[] = [];
          for (let i = 0; i < hosts.length; i++) {
            const url = server.url(hosts[i] as string, '/');
            const a = await loadTime(ext.tab, url);
            const b = await loadTime(plain.tab, url);
            if (i >= 3) {
              withExt.push(a);
              without.push(b);
            }
          }
          const e = median(withExt);
          const n = median(without);
          const row = `${browser.padEnd(8)} ${variant.padEnd(11)} ext ${e.toFixed(1).padStart(6)} ms  none ${n.toFixed(1).padStart(6)} ms  +${(e - n).toFixed(1).padStart(5)} ms  ratio ${(e / n).toFixed(3)}`;
          console.log(row);
          rows.push(row);
        } finally {
          await ext.close().catch(() => undefined);
          await plain.close().catch(() => undefined);
        }
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
