/**
 * Where the extension refreshes its source registry from: public/sources.json in the
 * project's own public repository, a static file fetched like a list. The project has no
 * confirmed public address yet, so this is null and the registry shipped in the package
 * is used as is (the popup says so). Set it here, and only here, once the repository is
 * public, e.g. 'https://raw.githubusercontent.com/OWNER/REPO/main/public/sources.json'.
 */
export const PROJECT_REGISTRY_URL: string | null = null;

/**
 * An address set in the extension's local storage (`registryUrlOverride`) replaces the one
 * above only when it is on this machine: tests and a maintainer's local mirror. Anything
 * else that could write that storage cannot send the registry requests elsewhere.
 */
export function registryUrl(override: unknown): string | null {
  if (typeof override === 'string') {
    try {
      const url = new URL(override);
      const local = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
      if (local && (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password)
        return url.href;
    } catch {
      /* not an address: ignored, the project's own is used */
    }
  }
  return PROJECT_REGISTRY_URL;
}
