import type { MessageKey } from './i18n';

/**
 * Where a person can report a fraudulent site. The extension only opens these pages on the
 * user's click; it never sends anything itself. Each address was checked against public
 * sources (docs/reporting.md names them).
 */
export interface ReportChannel {
  id: string;
  name: MessageKey;
  text: MessageKey;
  /** The page to open, given the reported site's address; null: no web form (an app). */
  url: ((site: string) => string) | null;
  region: 'china' | 'international';
}

export const REPORT_CHANNELS: readonly ReportChannel[] = [
  { id: 'app', name: 'channelAppName', text: 'channelAppText', url: null, region: 'china' },
  {
    id: 'police',
    name: 'channelPoliceName',
    text: 'channelPoliceText',
    url: () => 'http://www.cyberpolice.cn/',
    region: 'china',
  },
  {
    id: '12377',
    name: 'channel12377Name',
    text: 'channel12377Text',
    url: () => 'https://www.12377.cn/',
    region: 'china',
  },
  {
    id: '12321',
    name: 'channel12321Name',
    text: 'channel12321Text',
    url: () => 'http://www.12321.cn/',
    region: 'china',
  },
  {
    id: 'google',
    name: 'channelGoogleName',
    text: 'channelGoogleText',
    // The form takes the address as `url`, so the user need not paste it.
    url: (site) => `https://safebrowsing.google.com/safebrowsing/report_phish/?url=${encodeURIComponent(site)}`,
    region: 'international',
  },
  {
    id: 'microsoft',
    name: 'channelMicrosoftName',
    text: 'channelMicrosoftText',
    url: () => 'https://www.microsoft.com/en-us/wdsi/support/report-unsafe-site',
    region: 'international',
  },
  {
    id: 'apwg',
    name: 'channelApwgName',
    text: 'channelApwgText',
    url: () => 'https://apwg.org/reportphishing/',
    region: 'international',
  },
];

/**
 * The issue page of a list hosted on GitHub (raw.githubusercontent.com or github.com), where
 * its maintainers take reports of wrong entries; null when none is known.
 */
export function listIssuePage(listUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(listUrl);
  } catch {
    return null;
  }
  const [owner, repo] = url.pathname.split('/').filter(Boolean);
  if (!owner || !repo || !/^[\w.-]+$/.test(owner) || !/^[\w.-]+$/.test(repo)) return null;
  if (url.hostname === 'raw.githubusercontent.com' || url.hostname === 'github.com') {
    return `https://github.com/${owner}/${repo}/issues`;
  }
  return null;
}
