import { describe, expect, it } from 'vitest';
import { bundledDelta } from '../../../src/blocking/bundled-delta';
import { BUNDLED_FIRST_ID, BUNDLED_RANGE, type BundledDelta } from '../../../src/blocking/bundled-rules';
import { PRIORITY } from '../../../src/blocking/dnr-rules';
import { bundledRules, memoryDnr, memoryParked, WARNING_URL } from './memory-dnr';

const lists = (block: string[], allow: string[] = []) => ({ blockDomains: block, allowDomains: allow });
const none = () => false;

describe('what an update of a bundled list changed against the package’s copy', () => {
  it('added domains are blocked, removed ones let through, unchanged ones left to the ruleset', () => {
    const delta = bundledDelta(lists(['a.example', 'b.example']), lists(['b.example', 'c.example']), none);
    expect(delta).toMatchObject({ added: ['c.example'], removed: ['a.example'], keep: [], allow: null });
  });

  it('a removed domain another list still names, or whose parent this list still names, is not let through', () => {
    const delta = bundledDelta(
      lists(['elsewhere.example', 'sub.parent.example', 'gone.example']),
      lists(['parent.example']),
      (d) => d === 'elsewhere.example',
    );
    expect(delta.removed).toEqual(['gone.example']);
  });

  it('subdomains the list still names stay out of their removed parent’s allow', () => {
    const delta = bundledDelta(lists(['parent.example', 'x.parent.example']), lists(['x.parent.example']), none);
    expect(delta).toMatchObject({ removed: ['parent.example'], keep: ['x.parent.example'] });
  });

  it('changed allow entries are given whole, with the count of the copy’s', () => {
    expect(bundledDelta(lists([], ['a.example']), lists([], ['a.example']), none).allow).toBeNull();
    expect(bundledDelta(lists([], ['a.example', 'a.example']), lists([], ['b.example']), none)).toMatchObject({
      allow: ['b.example'],
      builtAllowCount: 1,
    });
  });
});

const delta = (d: Partial<BundledDelta>): BundledDelta => ({
  added: [],
  removed: [],
  keep: [],
  allow: null,
  builtAllowCount: 0,
  ...d,
});

describe('bundled lists’ rules at run time', () => {
  it('an update’s added domains go in as dynamic redirects at the lists’ priority, removed ones as an allow above them', async () => {
    const api = memoryDnr();
    const rules = bundledRules(api);
    await rules.applyDelta(
      'built-b',
      delta({ added: ['new.example'], removed: ['gone.example'], keep: ['x.gone.example'] }),
    );
    const first = BUNDLED_FIRST_ID + BUNDLED_RANGE;
    expect([...api.dynamic.values()]).toEqual([
      {
        id: first,
        priority: PRIORITY.listAllow,
        action: { type: 'allow' },
        condition: {
          requestDomains: ['gone.example'],
          resourceTypes: ['main_frame', 'sub_frame'],
          excludedRequestDomains: ['x.gone.example'],
        },
      },
      {
        id: first + 1,
        priority: PRIORITY.listBlock,
        action: { type: 'redirect', redirect: { regexSubstitution: `${WARNING_URL}#\\0` } },
        condition: {
          regexFilter: '^https?://.*',
          requestDomains: ['new.example'],
          resourceTypes: ['main_frame', 'sub_frame'],
        },
      },
    ]);
    // The user's own blocks still outrank a removed domain's allow.
    expect(PRIORITY.userBlock).toBeGreaterThan(PRIORITY.listAllow);
  });

  it('a script-host list’s difference covers its scripts too', async () => {
    const api = memoryDnr();
    await bundledRules(api).applyDelta('built-scripts', delta({ added: ['skim.example'], removed: ['old.example'] }));
    expect([...api.dynamic.values()].map((r) => [r.action.type, r.condition.resourceTypes])).toEqual([
      ['allow', ['main_frame', 'sub_frame', 'script']],
      ['redirect', ['main_frame', 'sub_frame']],
      ['block', ['script']],
    ]);
  });

  it('the next update replaces the difference; a new release drops it (the new rulesets are the new copies)', async () => {
    const api = memoryDnr();
    const rules = bundledRules(api);
    await rules.applyDelta('built-a', delta({ added: ['one.example', 'two.example'] }));
    await rules.applyDelta('built-a', delta({ removed: ['three.example'] }));
    expect([...api.dynamic.values()].map((r) => [r.action.type, r.condition.requestDomains])).toEqual([
      ['allow', ['three.example']],
    ]);
    await rules.applyDelta('built-b', delta({ added: ['b.example'] }));
    await rules.reset();
    expect(api.dynamic.size).toBe(0);
  });

  it('changed allow entries switch the ruleset’s own allow rules off and go in dynamically; back to the copy’s, on again', async () => {
    const api = memoryDnr();
    const rules = bundledRules(api);
    await rules.applyDelta('built-a', delta({ allow: ['kept.example'], builtAllowCount: 2 }));
    expect([...(api.disabledRules.get('built-a') ?? [])]).toEqual([1]);
    expect([...api.dynamic.values()].map((r) => [r.action.type, r.condition.requestDomains])).toEqual([
      ['allow', ['kept.example']],
    ]);
    await rules.applyDelta('built-a', delta({ builtAllowCount: 2 }));
    expect([...(api.disabledRules.get('built-a') ?? [])]).toEqual([]);
    expect(api.dynamic.size).toBe(0);
  });

  it('switching a list off disables its ruleset and parks its update’s rules; on again restores both', async () => {
    const api = memoryDnr();
    const parked = memoryParked();
    const rules = bundledRules(api, parked);
    await rules.applyDelta('built-a', delta({ added: ['new.example'] }));
    await rules.setEnabled('built-a', false);
    expect([...api.enabled].sort()).toEqual(['built-b', 'built-scripts']);
    expect(api.dynamic.size).toBe(0);
    // An update while off is kept for later, not installed.
    await rules.applyDelta('built-a', delta({ added: ['newer.example'] }));
    expect(api.dynamic.size).toBe(0);
    await rules.setEnabled('built-a', true);
    expect([...api.enabled].sort()).toEqual(['built-a', 'built-b', 'built-scripts']);
    expect([...api.dynamic.values()].flatMap((r) => r.condition.requestDomains)).toEqual(['newer.example']);
    expect(parked.saved).toEqual({});
  });

  it('at start, the enabled rulesets follow the user’s choice (a new release enables them all again)', async () => {
    const api = memoryDnr();
    const rules = bundledRules(api);
    await rules.syncEnabled(['built-b']);
    expect([...api.enabled].sort()).toEqual(['built-a', 'built-scripts']);
    api.enabled.add('built-b');
    api.enabled.delete('built-a');
    await rules.syncEnabled([]);
    expect([...api.enabled].sort()).toEqual(['built-a', 'built-b', 'built-scripts']);
  });
});

describe('a failure of the browser', () => {
  it('an update’s difference the browser refuses is kept for the popup, and the next success clears it', async () => {
    const api = memoryDnr(1);
    const rules = bundledRules(api);
    await expect(rules.applyDelta('built-a', delta({ added: ['a.example', 'b.example'] }))).rejects.toThrow();
    expect(rules.lastError).toMatch(/Rule count exceeded/);
    await rules.applyDelta('built-a', delta({ added: ['a.example'] }));
    expect(rules.lastError).toBeNull();
  });
});
