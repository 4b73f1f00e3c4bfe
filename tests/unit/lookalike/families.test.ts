// The Chinese SMS-phishing families and phishing on free hosting (issue 14): every positive
// in tests/fixtures/lookalike/families.tsv must name its brand, every legitimate twin must
// stay silent.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkLookalike, checkLookalikeUrl, pathMatters } from '../../../src/lookalike';
import { platformOf } from '../../../src/lookalike/free-hosting';

const FIXTURE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/lookalike/families.tsv');

interface Row {
  family: string;
  address: string;
  brand: string | null;
}

const rows: Row[] = readFileSync(FIXTURE, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '' && !l.startsWith('#'))
  .map((l) => {
    const [family = '', address = '', brand = ''] = l.split('\t');
    return { family, address, brand: brand === '-' ? null : brand };
  });

function judge(address: string) {
  return address.includes('/') ? checkLookalikeUrl(new URL(address)) : checkLookalike(address);
}

describe('families of Chinese SMS phishing, and free hosting', () => {
  it('the fixture covers every family with positives and legitimate twins', () => {
    const families = new Set(rows.map((r) => r.family));
    expect([...families].sort()).toEqual(
      [
        'bank-hotline',
        'courts',
        'etc',
        'free-hosting',
        'government-service',
        'medical-insurance',
        'national-suffix-lures',
        'short-bank-names',
        'social-security',
        'tax-refund',
        'traffic-fines',
      ].sort(),
    );
    for (const f of families) {
      expect(
        rows.some((r) => r.family === f && r.brand !== null),
        `${f} positives`,
      ).toBe(true);
      expect(
        rows.some((r) => r.family === f && r.brand === null),
        `${f} twins`,
      ).toBe(true);
    }
  });

  for (const row of rows) {
    it(`${row.family}: ${row.address} → ${row.brand ?? 'silent'}`, () => {
      const match = judge(row.address);
      expect(match?.brandId ?? null).toBe(row.brand);
    });
  }
});

describe('free hosting', () => {
  it('names the platform and the words it found', () => {
    expect(checkLookalike('microsoft761login.weebly.com')?.detail).toMatch(/microsoft.*login/);
    expect(checkLookalike('netflix-clone-x.vercel.app')).toMatchObject({
      brandId: 'netflix',
      detail: '"netflix" with "clone" on free hosting (vercel.app)',
    });
    expect(checkLookalikeUrl(new URL('https://sites.google.com/view/icbc-verify'))).toMatchObject({
      brandId: 'icbc',
      officialDomain: 'icbc.com.cn',
      detail: '"icbc" with "verify" in a page address on sites.google.com',
    });
  });

  it('knows which platforms, including blogspot under country domains, and which hosts read the path', () => {
    expect(platformOf('name.weebly.com')).toBe('weebly.com');
    expect(platformOf('a.b.github.io')).toBe('github.io');
    expect(platformOf('name.blogspot.co.uk')).toBe('blogspot.co.uk');
    expect(platformOf('weebly.com')).toBeNull();
    expect(platformOf('www.example.com')).toBeNull();
    expect(pathMatters('sites.google.com')).toBe(true);
    expect(pathMatters('someone.github.io')).toBe(true);
    expect(pathMatters('www.google.com')).toBe(false);
    expect(pathMatters('www.example.com')).toBe(false);
  });

  it('reads a malformed escape in a path as it is', () => {
    expect(checkLookalikeUrl(new URL('https://someone.github.io/%E4paypal-login'))?.brandId).toBe('paypal');
  });
});
