import { FeedError } from './feed-error';
import { DEFAULT_LIMITS, fetchFeed, type FetchLimits, type Validators } from './fetch-feed';
import { firstUrl, type SourceSpec } from './registry-types';

/** A manifest names its parts, one file name a line; more than this is not a list's manifest. */
const MAX_MANIFEST_PARTS = 64;
const MANIFEST_LIMITS: FetchLimits = { maxBytes: 64 * 1024, timeoutMs: 30_000 };

/** What served a list last time: its validators only count when the same source answers again. */
export interface PreviousFetch extends Validators {
  servedBy: string | null;
}

export type SourceResult =
  | { status: 'not-modified'; servedBy: string }
  | { status: 'ok'; text: string; validators: Validators; servedBy: string };

/**
 * Downloads a list from the first of its sources that gives a usable one. A source made of
 * parts counts only whole: one part missing, empty or refused and the source has failed,
 * so a list is never stored from some of its parts. All sources failing throws one
 * FeedError that names each address and why it failed.
 */
export async function fetchFromSources(
  sources: readonly SourceSpec[],
  previous: PreviousFetch,
  limits: FetchLimits = DEFAULT_LIMITS,
  fetchImpl: typeof fetch = fetch,
): Promise<SourceResult> {
  const failures: FeedError[] = [];
  for (const source of sources) {
    const servedBy = firstUrl(source);
    // Validators are the server's word about its own file: only sent back to the same source.
    const validators = previous.servedBy === servedBy ? previous : { etag: null, lastModified: null };
    try {
      const result = await fetchOne(source, validators, limits, fetchImpl);
      return { ...result, servedBy };
    } catch (error) {
      const failure = error instanceof FeedError ? error : new FeedError('network', String(error));
      failures.push(new FeedError(failure.code, `${servedBy}: ${failure.message}`));
    }
  }
  const first = failures[0];
  if (!first) throw new FeedError('network', 'The list has no address to update from');
  if (failures.length === 1) throw first;
  throw new FeedError(
    first.code,
    `All ${failures.length} addresses failed. ${failures.map((f) => f.message).join(' · ')}`,
  );
}

async function fetchOne(
  source: SourceSpec,
  validators: Validators,
  limits: FetchLimits,
  fetchImpl: typeof fetch,
): Promise<{ status: 'not-modified' } | { status: 'ok'; text: string; validators: Validators }> {
  if ('url' in source) return fetchFeed(source.url, validators, limits, fetchImpl);
  const parts = 'parts' in source ? source.parts : await manifestParts(source.manifest, limits, fetchImpl);
  return fetchParts(parts, validators, limits, fetchImpl);
}

/**
 * A manifest is a text file naming the parts, one relative file name a line (as
 * Phishing.Database publishes `…/phishing-domains-ACTIVE.manifest.txt`), each resolved
 * against the manifest's own address. A name listed twice is fetched once.
 */
export async function manifestParts(
  manifestUrl: string,
  limits: FetchLimits,
  fetchImpl: typeof fetch,
): Promise<string[]> {
  const feed = await fetchFeed(
    manifestUrl,
    { etag: null, lastModified: null },
    { maxBytes: MANIFEST_LIMITS.maxBytes, timeoutMs: Math.min(limits.timeoutMs, MANIFEST_LIMITS.timeoutMs) },
    fetchImpl,
  );
  if (feed.status !== 'ok') throw new FeedError('http', 'The manifest was not sent');
  const base = new URL(manifestUrl);
  const parts: string[] = [];
  for (const line of feed.text.split(/\r?\n/)) {
    const name = line.trim();
    if (name === '' || name.startsWith('#')) continue;
    // Names only: a manifest may not send the extension to another server or folder.
    if (!/^[\w.-]+$/.test(name) || name.startsWith('.'))
      throw new FeedError('noRules', `The manifest names "${name.slice(0, 80)}", not a file beside it`);
    const url = new URL(name, base).href;
    if (!parts.includes(url)) parts.push(url);
  }
  if (parts.length === 0) throw new FeedError('empty', 'The manifest names no parts');
  if (parts.length > MAX_MANIFEST_PARTS)
    throw new FeedError('tooLarge', `The manifest names more than ${MAX_MANIFEST_PARTS} parts`);
  return parts;
}

/**
 * Every part, in order, joined as one text. The validators of a multi-part list are each
 * part's, packed into one ETag value; when every part answers "not modified" the list is.
 * The size limit holds for all the parts together.
 */
async function fetchParts(
  urls: readonly string[],
  validators: Validators,
  limits: FetchLimits,
  fetchImpl: typeof fetch,
): Promise<{ status: 'not-modified' } | { status: 'ok'; text: string; validators: Validators }> {
  const previous = unpackPartValidators(validators.etag, urls);
  const texts: (string | null)[] = [];
  const etags: (string | null)[] = [];
  let bytesLeft = limits.maxBytes;
  for (const [i, url] of urls.entries()) {
    const feed = await fetchFeed(url, previous[i] ?? NO_VALIDATORS, { ...limits, maxBytes: bytesLeft }, fetchImpl);
    texts.push(feed.status === 'ok' ? feed.text : null);
    etags.push(feed.status === 'ok' ? feed.validators.etag : (previous[i]?.etag ?? null));
    if (feed.status === 'ok') bytesLeft -= feed.text.length;
  }
  if (texts.every((t) => t === null)) return { status: 'not-modified' };
  // Some parts changed, some did not: the unchanged ones are needed whole all the same.
  for (const [i, url] of urls.entries()) {
    if (texts[i] !== null) continue;
    const feed = await fetchFeed(url, NO_VALIDATORS, { ...limits, maxBytes: bytesLeft }, fetchImpl);
    if (feed.status !== 'ok') throw new FeedError('http', `${url} sent no body`);
    texts[i] = feed.text;
    etags[i] = feed.validators.etag;
    bytesLeft -= feed.text.length;
  }
  return {
    status: 'ok',
    text: texts.map((t) => (t ?? '').replace(/\n?$/, '\n')).join(''),
    validators: { etag: packPartValidators(urls, etags), lastModified: null },
  };
}

const NO_VALIDATORS: Validators = { etag: null, lastModified: null };
const PACKED = 'parts:';

function packPartValidators(urls: readonly string[], etags: readonly (string | null)[]): string | null {
  if (etags.every((e) => e === null)) return null;
  return PACKED + JSON.stringify(urls.map((url, i) => [url, etags[i] ?? null]));
}

/** Each part's ETag from the packed value, matched by address (a manifest may reorder or rename parts). */
function unpackPartValidators(etag: string | null, urls: readonly string[]): Validators[] {
  if (!etag?.startsWith(PACKED)) return urls.map(() => NO_VALIDATORS);
  try {
    const pairs = new Map(JSON.parse(etag.slice(PACKED.length)) as [string, string | null][]);
    return urls.map((url) => ({ etag: pairs.get(url) ?? null, lastModified: null }));
  } catch {
    return urls.map(() => NO_VALIDATORS);
  }
}
