import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  collect,
  parseJunitXml,
  parsePlaywrightJson,
  parseVitestJson,
  renderReport,
} from '../../scripts/security-report';

const ROOT = '/repo';

const VITEST = JSON.stringify({
  testResults: [
    {
      name: '/repo/tests/unit/update/faults.test.ts',
      status: 'failed',
      assertionResults: [
        { title: '[fault] the server answers 500', status: 'passed' },
        { title: '[fault] a 200 MB body | streamed', status: 'failed' },
        { title: '[fault] skipped one', status: 'skipped' },
        { title: 'an ordinary test', status: 'passed' },
      ],
    },
    {
      name: '/repo/tests/unit/background/service-and-handler.test.ts',
      status: 'passed',
      assertionResults: [
        {
          title: 'falls back to the bundled lists in memory when IndexedDB cannot open, and says so',
          status: 'passed',
        },
      ],
    },
    { name: '/repo/tests/unit/broken.test.ts', status: 'failed', assertionResults: [], message: 'SyntaxError' },
  ],
});

const PLAYWRIGHT = JSON.stringify({
  config: { rootDir: '/repo/tests/e2e/chromium' },
  suites: [
    {
      title: 'attacks.spec.ts',
      file: 'attacks.spec.ts',
      specs: [],
      suites: [
        {
          title: 'nested describe',
          file: 'attacks.spec.ts',
          specs: [
            {
              title: '[attack] page removes the warning',
              file: 'attacks.spec.ts',
              ok: true,
              tests: [{ status: 'expected' }],
            },
            {
              title: '[attack] page fakes a message',
              file: 'attacks.spec.ts',
              ok: false,
              tests: [{ status: 'unexpected' }],
            },
            { title: '[attack] not run', file: 'attacks.spec.ts', ok: true, tests: [{ status: 'skipped' }] },
            { title: 'plain flow', file: 'attacks.spec.ts', ok: true, tests: [{ status: 'expected' }] },
          ],
        },
      ],
    },
  ],
});

// As node:test 20 writes it (quotes escaped twice, no file attribute).
const JUNIT = `<?xml version="1.0" encoding="utf-8"?>
<testsuites>
  <testsuite name="attacks" tests="3">
    <testcase name="[attack] page &amp;quot;fakes&amp;quot; &amp; &lt;hides&gt; it" time="0.1" classname="test"/>
    <testcase name="[attack] fails" time="0.1" classname="test" failure="1 == 2">
      <failure type="testCodeFailure" message="1 == 2">boom</failure>
    </testcase>
    <testcase name="[attack] skipped" time="0" classname="test"><skipped type="skipped" message="true"/></testcase>
  </testsuite>
  <testcase name="untagged" time="0" classname="test"/>
</testsuites>`;

describe('security report: reading test results', () => {
  it('takes tagged Vitest tests and the known untagged IndexedDB fault, and notes files that did not run', () => {
    const { rows, notes } = parseVitestJson(VITEST, ROOT);
    expect(rows).toEqual([
      {
        kind: 'fault',
        title: 'the server answers 500',
        outcome: 'held',
        suite: 'unit',
        file: 'tests/unit/update/faults.test.ts',
      },
      {
        kind: 'fault',
        title: 'a 200 MB body | streamed',
        outcome: 'FAILED',
        suite: 'unit',
        file: 'tests/unit/update/faults.test.ts',
      },
      {
        kind: 'fault',
        title: 'skipped one',
        outcome: 'skipped',
        suite: 'unit',
        file: 'tests/unit/update/faults.test.ts',
      },
      expect.objectContaining({
        kind: 'fault',
        outcome: 'held',
        file: 'tests/unit/background/service-and-handler.test.ts',
      }),
    ]);
    expect(notes).toEqual([expect.stringContaining('tests/unit/broken.test.ts failed to run')]);
  });

  it('walks nested Playwright suites and maps spec files to the repository', () => {
    const { rows } = parsePlaywrightJson(PLAYWRIGHT, ROOT);
    expect(rows.map((r) => [r.title, r.outcome, r.suite, r.file])).toEqual([
      ['page removes the warning', 'held', 'chromium', 'tests/e2e/chromium/attacks.spec.ts'],
      ['page fakes a message', 'FAILED', 'chromium', 'tests/e2e/chromium/attacks.spec.ts'],
      ['not run', 'skipped', 'chromium', 'tests/e2e/chromium/attacks.spec.ts'],
    ]);
  });

  it('reads node:test JUnit XML, decoding entities', () => {
    const { rows } = parseJunitXml(JUNIT, ROOT, 'tests/e2e/firefox/attacks.test.ts');
    expect(rows.map((r) => [r.title, r.outcome, r.file])).toEqual([
      ['page "fakes" & <hides> it', 'held', 'tests/e2e/firefox/attacks.test.ts'],
      ['fails', 'FAILED', 'tests/e2e/firefox/attacks.test.ts'],
      ['skipped', 'skipped', 'tests/e2e/firefox/attacks.test.ts'],
    ]);
  });
});

describe('security report: writing it', () => {
  it('counts, tabulates and names the missing suites; survives a missing results folder', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'secrep-'));
    writeFileSync(path.join(dir, 'vitest.json'), VITEST.replaceAll('/repo/', `${dir}/`));
    writeFileSync(path.join(dir, 'firefox-junit-attacks.xml'), JUNIT);
    const c = collect(dir, dir);
    expect(c.missing.map((m) => m.suite)).toEqual(['chromium']);
    const md = renderReport(c, new Date('2025-01-02T03:04:05Z'));
    expect(md).toContain('| attacks | 2 | 1 | 1 |');
    expect(md).toContain('| faults | 3 | 2 | 1 |');
    expect(md).toContain('a 200 MB body \\| streamed');
    expect(md).toContain('`tests/e2e/firefox/attacks.test.ts`');
    expect(md).toContain('Chromium (Playwright): `playwright.json` was not found');
    expect(md).toContain('2025-01-02T03:04:05.000Z');

    // The slow suite's Chromium results are read beside the main ones.
    writeFileSync(path.join(dir, 'playwright-slow.json'), PLAYWRIGHT.replaceAll('/repo/', `${dir}/`));
    const withSlow = collect(dir, dir);
    expect(withSlow.missing.map((m) => m.suite)).toEqual(['chromium']);
    expect(withSlow.rows.filter((r) => r.suite === 'chromium').map((r) => r.title)).toContain(
      'page removes the warning',
    );

    const none = collect(dir, path.join(dir, 'no-such-folder'));
    expect(none.rows).toEqual([]);
    expect(none.missing).toHaveLength(3);
    expect(renderReport(none, new Date())).toContain('| attacks | 0 | 0 | 0 |');
  });

  it('reports an unreadable input instead of crashing', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'secrep-'));
    writeFileSync(path.join(dir, 'vitest.json'), '{ not json');
    const c = collect(dir, dir);
    expect(c.notes).toEqual([expect.stringContaining('vitest.json could not be read')]);
    expect(c.used).toEqual([]);
  });
});
