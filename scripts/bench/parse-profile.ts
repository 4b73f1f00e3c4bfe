// Node micro-benchmark of the import's CPU work on the benchmark's 1M list (no browser):
// parse (parseList), hash+sort (rulesOf), and the 1 %-changed diff. Median of --runs, in
// wall-clock ms and in CPU ms of this process (less sensitive to other jobs on a shared VM).
//   npx tsx scripts/bench/parse-profile.ts [--size 1000000] [--runs 3]
import { parseList } from '../../src/lists';
import { rulesOf } from '../../src/update/import-list';
import { diffRules } from '../../src/match/rule-arrays';
import { combinedDomains } from './data.ts';

const args = process.argv.slice(2);
const opt = (name: string, def: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : def;
};
const size = opt('size', 1_000_000);
const runs = opt('runs', 3);

const domains = combinedDomains().slice(0, size);
const text = domains.join('\n') + '\n';
const changed = domains.map((d, i) => (i % 100 === 7 ? `x${i}.changed-bench.com` : d)).join('\n') + '\n';
console.log(`${domains.length} lines, ${(text.length / 1e6).toFixed(1)} MB`);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const parseMs: number[] = [];
const hashMs: number[] = [];
const deltaMs: number[] = [];
const parseCpu: number[] = [];
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
let last: ReturnType<typeof parseList> | null = null;
for (let r = 0; r < runs; r++) {
  const c0 = cpuMs();
  const t0 = performance.now();
  const parsed = parseList(text);
  const t1 = performance.now();
  parseCpu.push(cpuMs() - c0);
  const rules = rulesOf(parsed);
  const t2 = performance.now();
  const rules2 = rulesOf(parseList(changed));
  const d = diffRules(rules, rules2);
  const t3 = performance.now();
  parseMs.push(t1 - t0);
  hashMs.push(t2 - t1);
  deltaMs.push(t3 - t2);
  last = parsed;
  console.log(`run ${r + 1}: parse ${(t1 - t0).toFixed(0)} ms (cpu ${parseCpu[r]!.toFixed(0)}), hash+sort ${(t2 - t1).toFixed(0)} ms, delta (parse+hash+diff) ${(t3 - t2).toFixed(0)} ms, delta entries ${d.blockDomains.added.length + d.blockDomains.removed.length}`);
}
const s = last!.stats;
console.log(
  `median: parse ${median(parseMs).toFixed(0)} ms (cpu ${median(parseCpu).toFixed(0)}), hash+sort ${median(hashMs).toFixed(0)} ms, delta ${median(deltaMs).toFixed(0)} ms`,
);
console.log(
  `accepted ${s.accepted}, invalid ${s.invalid}, publicSuffix ${s.publicSuffix}, unsupported ${s.unsupported}, ignored ${s.ignored ?? 0}, blockDomains ${last!.blockDomains.length}, blockUrls ${last!.blockUrls.length}`,
);
