import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectGamblingInjection } from '../../../src/heuristics/detectors/gambling-injection';
import { evaluatePage, WARN_THRESHOLD } from '../../../src/heuristics/evaluate';
import { readManifest, snapshotFixture, snapshotHtml } from './fixture-dom';
import { snap } from './make-snapshot';

// A government interview page whose title carries an injected gambling brand, as on a real
// hacked site (tests/fixtures/README.md): the title is the real one, the text our own.
const INTERVIEW = fileURLToPath(new URL('../../fixtures/seed/hacked-gov-interview.txt', import.meta.url));

describe('evaluatePage on the page fixtures', () => {
  const manifest = readManifest();

  it('has bad pages and look-alikes for every detector', () => {
    const ids = ['gambling-injection', 'cloaking-redirect', 'browser-locker', 'cryptominer'];
    for (const id of ids) {
      expect(
        manifest.some((e) => e.expect === 'warn' && e.detector === id),
        id,
      ).toBe(true);
      expect(
        manifest.some((e) => e.expect === 'silent' && e.lookalikeOf === id),
        id,
      ).toBe(true);
    }
  });

  for (const entry of manifest) {
    it(`${entry.expect === 'warn' ? 'warns on' : 'stays silent on'} ${entry.file}`, async () => {
      const res = evaluatePage(await snapshotFixture(entry.file));
      expect(res.warn, JSON.stringify(res.findings)).toBe(entry.expect === 'warn');
      if (entry.expect === 'warn') {
        expect(res.findings[0]?.id).toBe(entry.detector);
        expect(res.findings[0]?.reason.length).toBeGreaterThan(10);
        expect(res.findings[0]?.reasonZh.length).toBeGreaterThan(5);
      }
    });
  }
});

describe('a hacked government interview page (title injected, text untouched)', () => {
  it('is flagged by the gambling-injection detector', async () => {
    const [title = '', ...body] = readFileSync(INTERVIEW, 'utf8').split('\n');
    const html = `<html><head><title>${title}</title></head><body>${body.map((l) => `<p>${l}</p>`).join('')}</body></html>`;
    const f = detectGamblingInjection(await snapshotHtml(html, 'http://www.tianmen.example/interview'));
    expect(f?.score).toBeGreaterThanOrEqual(WARN_THRESHOLD);
    expect(f?.evidence.join(' ')).toContain('凯发');
  });
});

describe('evaluatePage', () => {
  it('uses the strongest finding, not a sum of weak ones', () => {
    const s = snap({
      title: '新葡京 相关报道',
      visibleText: '新葡京 Windows Defender',
      phones: [{ number: '400-000-0000', prominent: true }],
      inlineScripts: ["var r = document.referrer; if (/baidu/.test(r)) console.log('seo');"],
    });
    const res = evaluatePage(s);
    expect(res.findings.length).toBeGreaterThanOrEqual(2);
    expect(res.warn).toBe(false);
    expect(res.score).toBe(res.findings[0]?.score);
  });

  it('returns no findings for an empty page', () => {
    expect(evaluatePage(snap())).toEqual({ warn: false, findings: [], score: 0 });
  });
});
