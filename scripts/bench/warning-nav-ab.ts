// Navigation to the warning page in Chromium, two builds A/B interleaved in the same run
// (one browser each, alternating which goes first): sites the user blocked, so the
// declarativeNetRequest redirect is in force at once, each navigation from about:blank as
// in the benchmark's navigation phase (scenario.ts navToWarning, same mark and fallbacks).
//   npx tsx scripts/bench/warning-nav-ab.ts OLD_EXT_DIR NEW_EXT_DIR [--navs 30] [--new-list N]
// --new-list N: the NEW browser also subscribes to the first N names of the shared list and
// waits for their before-load rules (the same build twice then measures what a large
// ruleset costs a navigation).
import { startTestServer } from '../../tests/e2e/support/feed-server.ts';
import { combinedDomains } from './data.ts';
import { launchChromiumExt, waitRulesInstalled, type ExtBrowser } from './drivers.ts';
import { navToWarning, WARNING_OBSERVER } from './scenario.ts';

const [oldDir, newDir] = process.argv.slice(2, 4) as [string, string];
const navsAt = process.argv.indexOf('--navs');
const navs = navsAt >= 0 ? Number(process.argv[navsAt + 1]) : 30;
const hosts = Array.from({ length: navs }, (_, i) => `blocked-${i}.fsnav.example`);
const listAt = process.argv.indexOf('--new-list');
const listSize = listAt >= 0 ? Number(process.argv[listAt + 1]) : 0;
const server = listSize > 0 ? await startTestServer() : null;
server?.setFeed('list.txt', { body: combinedDomains().slice(0, listSize).join('\n'), etag: false });

async function prepare(dir: string, withList = false): Promise<ExtBrowser> {
  const b = await launchChromiumExt(dir);
  if (withList && server) {
    await b.send('lists.subscribe', { url: server.feedUrl('list.txt', '127.0.0.1') });
    const waited = await waitRulesInstalled(b);
    console.log(`new: ${listSize} more names, rules in after ${waited === null ? '>600' : (waited / 1000).toFixed(0)} s`);
  }
  // The bundled lists' rules first (each list's count appears once it is in): the browser
  // applies an extension's rule updates one at a time, so the user's blocks wait behind them.
  let domains = 0;
  for (let i = 0, same = 0; i < 300 && same < 5; i++) {
    const now = (await b.send<{ preload?: { domains: number } }>('status.get', {})).preload?.domains ?? 0;
    same = now > 0 && now === domains ? same + 1 : 0;
    domains = now;
    await new Promise((r) => setTimeout(r, 1000));
  }
  for (const host of hosts) await b.send('sites.block', { site: host });
  await b.tab.evaluateOnNewDocument(WARNING_OBSERVER);
  // In force once a navigation is redirected (also starts the extension's renderer).
  for (let i = 0; i < 150; i++) if ((await navToWarning(b.tab, `http://${hosts.at(-1)}/`, 3000))?.where === 'extension') break;
  await b.quiet();
  return b;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.floor((s.length - 1) / 2)] as number) : NaN;
};
const p95 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)] as number) : NaN;
};

const [oldB, newB] = await Promise.all([prepare(oldDir), prepare(newDir, true)]);
const builds = { old: oldB, new: newB };
try {
  for (const b of Object.values(builds)) await b.quiet();
  type Build = 'old' | 'new';
  const times: Record<Build, number[]> = { old: [], new: [] };
  const notes: Record<Build, Record<string, number>> = { old: {}, new: {} };
  const phases: Record<Build, Record<string, number[]>> = { old: {}, new: {} };
  for (let i = 0; i < navs; i++) {
    const order = i % 2 === 0 ? (['old', 'new'] as const) : (['new', 'old'] as const);
    for (const name of order) {
      const t = await navToWarning(builds[name].tab, `http://${hosts[i]}/`);
      const key = t ? `${t.where}/${t.how}` : 'missed';
      notes[name][key] = (notes[name][key] ?? 0) + 1;
      if (t) times[name].push(t.ms);
      if (t?.how === 'mark') {
        // Where the page's own part went: parsed, the two scripts fetched, the mark.
        const d = (await builds[name].tab
          .evaluate(() => {
            const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
            const res = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
            // No named inner functions: tsx would wrap them in a __name() helper the page lacks.
            const early = res.find((r) => r.name.includes('warning-check.js'))?.responseEnd ?? NaN;
            const module = res.find((r) => r.name.includes('/chunks/warning'))?.responseEnd ?? NaN;
            const mark = performance.getEntriesByName('fraud-sentry:warning-shown')[0]?.startTime ?? NaN;
            return { interactive: nav.domInteractive, early, module, mark };
          })
          .catch(() => null)) as Record<string, number> | null;
        if (d) for (const [k, v] of Object.entries(d)) (phases[name][k] ??= []).push(v);
      }
    }
  }
  for (const name of ['old', 'new'] as const) {
    const xs = times[name];
    const ph = phases[name];
    const marks = ph.mark ?? [];
    const interactive = ph.interactive ?? [];
    console.log(
      `${name}: p50 ${median(xs).toFixed(1)} ms, p95 ${p95(xs).toFixed(1)} ms, n=${xs.length} ${JSON.stringify(notes[name])}`,
    );
    console.log(
      `  medians from navigation start: ${Object.entries(ph)
        // NaN comes back from the page as null: a part the page's timing did not list.
        .map(([k, v]) => `${k} ${Number(median(v.filter((x) => typeof x === 'number'))).toFixed(1)}`)
        .join(', ')}; mark − domInteractive ${Number(median(marks.map((m, i) => m - (interactive[i] ?? NaN)))).toFixed(1)}`,
    );
  }
} finally {
  for (const b of Object.values(builds)) await b.close();
  await server?.close();
}
