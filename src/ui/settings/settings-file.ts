/**
 * The user's settings as a file: blocked and trusted sites and list subscriptions (their
 * URLs; the lists are downloaded again). Checked as a whole before anything is applied, so
 * a bad file changes nothing.
 */
export interface SettingsFile {
  format: 'fraud-sentry-settings';
  version: 1;
  blockedSites: string[];
  trustedSites: string[];
  subscriptions: string[];
}

export function settingsFile(blockedSites: string[], trustedSites: string[], subscriptions: string[]): SettingsFile {
  return { format: 'fraud-sentry-settings', version: 1, blockedSites, trustedSites, subscriptions };
}

/** The file's content, or why it is not a settings file (in English: shown inside a translated sentence). */
export function parseSettingsFile(text: string): SettingsFile | { error: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { error: 'not JSON' };
  }
  if (typeof data !== 'object' || data === null) return { error: 'not an object' };
  const d = data as Record<string, unknown>;
  if (d.format !== 'fraud-sentry-settings') return { error: 'no "format": "fraud-sentry-settings"' };
  if (d.version !== 1) return { error: `unknown version ${JSON.stringify(d.version)}` };
  for (const key of ['blockedSites', 'trustedSites', 'subscriptions'] as const) {
    const value = d[key];
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v.length > 0 && v.length <= 4096)) {
      return { error: `"${key}" is not a list of texts` };
    }
  }
  return data as SettingsFile;
}
