// Build step (run by wxt.config.ts for the Chrome build): compiles each bundled list in
// public/lists/ into a static declarativeNetRequest ruleset, so the browser indexes them
// when it installs the extension and a listed site is stopped from the first second.
// The rulesets are build output, never committed.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { compileStaticRules, MAX_STATIC_RULESETS, rulesetPath } from '../src/blocking/static-rulesets';
import { parseList } from '../src/lists';
import { BUNDLED_LISTS } from '../src/update/default-lists';

export interface CompiledRulesets {
  /** Files for the package: path inside it and JSON text. */
  files: { relativeDest: string; contents: string }[];
  /** The manifest's declarative_net_request.rule_resources. */
  ruleResources: { id: string; enabled: boolean; path: string }[];
  domains: number;
  ms: number;
}

/** Every bundled list as its own ruleset, enabled; the background switches off those the user did. */
export function compileBundledRulesets(root: string, extensionId: string): CompiledRulesets {
  const started = performance.now();
  if (BUNDLED_LISTS.length > MAX_STATIC_RULESETS) {
    throw new Error(`${BUNDLED_LISTS.length} bundled lists: Chrome takes at most ${MAX_STATIC_RULESETS} rulesets`);
  }
  const warningPageUrl = `chrome-extension://${extensionId}/warning.html`;
  const files: CompiledRulesets['files'] = [];
  const ruleResources: CompiledRulesets['ruleResources'] = [];
  let domains = 0;
  for (const list of BUNDLED_LISTS) {
    const parsed = parseList(readFileSync(resolve(root, 'public', list.bundledPath), 'utf8'));
    const rules = compileStaticRules(
      parsed.blockDomains,
      parsed.allowDomains,
      warningPageUrl,
      list.category === 'script',
    );
    domains += parsed.blockDomains.length;
    const path = rulesetPath(list.id);
    files.push({ relativeDest: path, contents: JSON.stringify(rules) });
    ruleResources.push({ id: list.id, enabled: true, path: `/${path}` });
  }
  return { files, ruleResources, domains, ms: performance.now() - started };
}

/**
 * Chrome's extension id from the manifest's `key` (the public key, base64 DER): the first
 * 128 bits of its SHA-256, each hex digit written as a letter a–p. A static redirect must
 * name the warning page's full URL, so the id has to be known when the rules are built.
 */
export function extensionIdFromKey(key: string): string {
  const hex = createHash('sha256').update(Buffer.from(key, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((d) => String.fromCharCode(97 + parseInt(d, 16))).join('');
}
