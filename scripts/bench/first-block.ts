// How soon after install a bundled-list site is stopped before load, in a fresh profile:
// `tsx scripts/bench/first-block.ts [chromium|firefox] [runs]` after `npx wxt build`
// (and `npx wxt build -b firefox`). Visits the last host of two bundled lists as soon as
// the extension is installed and times the navigation until it lands on the warning page;
// the local server's request log proves the site was never contacted.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startTestServer } from '../../tests/e2e/support/feed-server';
import { PROJECT_ROOT } from '../../tests/e2e/support/paths';
import { launchWithExtension } from '../../tests/e2e/chromium/extension';
import { FIREFOX_EXT_DIR } from '../../tests/e2e/support/paths';
import { launchFirefox } from '../../tests/e2e/firefox/harness';

function lastHost(file: string): string {
  const lines = readFileSync(path.join(PROJECT_ROOT, 'public/lists', file), 'utf8')
    .trim()
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'));
  return (lines.at(-1) ?? '').trim().split(/\s+/).at(-1) ?? '';
}

const HOSTS = [lastHost('phishing-database.txt'), lastHost('hostsvn-gambling.txt')];
const browserName = process.argv[2] ?? 'chromium';
const runs = Number(process.argv[3] ?? 3);
const server = await startTestServer();

for (let run = 0; run < runs; run++) {
  const launched = performance.now();
  const session =
    browserName === 'firefox'
      ? await launchFirefox({ extensionDir: FIREFOX_EXT_DIR, hosts: HOSTS })
      : await launchWithExtension();
  const installed = performance.now();
  const times: string[] = [];
  try {
    for (const host of HOSTS) {
      const visitAt = performance.now();
      const page =
        'context' in session ? await session.context.newPage() : await session.browser.newPage();
      const url = server.url(host);
      // Firefox holds the request until the background answers: the navigation may take long.
      void page.goto(url, { timeout: 120_000 }).catch(() => undefined);
      for (;;) {
        // Firefox's driver may not report an extension page's URL: ask the page itself.
        const at = page.url().startsWith('about:') ? await (page as { evaluate(fn: () => string): Promise<string> }).evaluate(() => location.href).catch(() => '') : page.url();
        if (/^(chrome|moz)-extension:\/\/[^/]+\/warning\.html/.test(at)) break;
        if (performance.now() - visitAt > 60_000) throw new Error(`${host}: no warning page (at ${page.url()}, contacted: ${server.requests.some((r) => r.host === host)})`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const contacted = server.requests.some((r) => r.host === host);
      times.push(
        `${host}: warning page ${Math.round(performance.now() - installed)} ms after install (visit ${Math.round(performance.now() - visitAt)} ms)${contacted ? ' — SITE CONTACTED' : ''}`,
      );
      await page.close();
    }
  } finally {
    await ('context' in session ? session.context.close() : session.close());
  }
  console.log(`${browserName} run ${run + 1}: launch+install ${Math.round(installed - launched)} ms; ${times.join('; ')}`);
}
await server.close();
