import { describe, expect, it } from 'vitest';
import { PRIORITY } from '../../../src/blocking/dnr-rules';
import { compileStaticRules, STATIC_DOMAINS_PER_RULE, staticAllowRuleIds } from '../../../src/blocking/static-rulesets';
import { compileBundledRulesets, extensionIdFromKey } from '../../../scripts/static-rulesets';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../e2e/support/paths';

const URL = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/warning.html';
const domains = (n: number, tag = 'd') => Array.from({ length: n }, (_, i) => `${tag}${i}.example`);

describe('a bundled list compiled into a static ruleset', () => {
  it('redirects listed frames to the warning page with the original URL after the #, below allow entries', () => {
    const rules = compileStaticRules(['evil.example'], ['fine.example'], URL, false);
    expect(rules).toEqual([
      {
        id: 1,
        priority: PRIORITY.listAllow,
        action: { type: 'allow' },
        condition: { requestDomains: ['fine.example'], resourceTypes: ['main_frame', 'sub_frame'] },
      },
      {
        id: 2,
        priority: PRIORITY.listBlock,
        action: { type: 'redirect', redirect: { regexSubstitution: `${URL}#\\0` } },
        condition: {
          regexFilter: '^https?://.*',
          requestDomains: ['evil.example'],
          resourceTypes: ['main_frame', 'sub_frame'],
        },
      },
    ]);
    // Lists' entries rank under the user's own blocks and trusted sites (dynamic rules).
    expect(PRIORITY.listBlock).toBeLessThan(PRIORITY.listAllow);
    expect(PRIORITY.listAllow).toBeLessThan(PRIORITY.userBlock);
    expect(PRIORITY.userBlock).toBeLessThan(PRIORITY.trusted);
  });

  it('puts many domains in a rule (requestDomains), sorted and without duplicates, allow rules first', () => {
    const block = [...domains(STATIC_DOMAINS_PER_RULE * 2 + 5), 'd0.example'];
    const allow = domains(3, 'a');
    const rules = compileStaticRules(block.reverse(), allow, URL, false);
    expect(rules.map((r) => r.condition.requestDomains?.length)).toEqual([
      3,
      STATIC_DOMAINS_PER_RULE,
      STATIC_DOMAINS_PER_RULE,
      5,
    ]);
    expect(rules.map((r) => r.id)).toEqual([1, 2, 3, 4]);
    expect(staticAllowRuleIds(allow.length)).toEqual([1]);
    const all = rules.slice(1).flatMap((r) => r.condition.requestDomains ?? []);
    expect(all).toEqual([...new Set(block)].sort());
  });

  it('a script-host list also blocks its hosts’ scripts on any page', () => {
    const rules = compileStaticRules(['skimmer.example'], [], URL, true);
    expect(rules.map((r) => [r.action.type, r.condition.resourceTypes])).toEqual([
      ['redirect', ['main_frame', 'sub_frame']],
      ['block', ['script']],
    ]);
    expect(rules[1]?.priority).toBe(PRIORITY.listBlock);
  });

  it('refuses a list that would pass Chrome’s 1000 regex rules a ruleset', () => {
    expect(compileStaticRules(domains(1000), [], URL, false, 1)).toHaveLength(1000);
    expect(() => compileStaticRules(domains(1001), [], URL, false, 1)).toThrow(/regex rules/);
  });

  it('the extension id follows from the manifest key, as Chrome derives it', () => {
    // The package's key (wxt.config.ts, read as text: importing it would load WXT), and the
    // id Chromium 156 gave the unpacked build carrying it.
    const config = readFileSync(path.join(PROJECT_ROOT, 'wxt.config.ts'), 'utf8');
    const key = /CHROME_PUBLIC_KEY =\s*'([^']+)'/.exec(config)?.[1] ?? '';
    expect(extensionIdFromKey(key)).toBe('clhfnkgibnbnkionkdnjejbacicdgbob');
  });

  it('every bundled list becomes one enabled ruleset, within Chrome’s limits', () => {
    const compiled = compileBundledRulesets(PROJECT_ROOT, 'abcdefghijklmnopabcdefghijklmnop');
    expect(compiled.ruleResources.length).toBe(compiled.files.length);
    expect(compiled.ruleResources.length).toBeLessThanOrEqual(50);
    for (const r of compiled.ruleResources) expect(r).toMatchObject({ enabled: true, path: `/rulesets/${r.id}.json` });
    expect(compiled.domains).toBeGreaterThan(100_000);
  }, 60_000);
});
