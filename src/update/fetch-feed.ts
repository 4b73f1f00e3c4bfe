import { looksLikeHtmlOrBinary } from '../lists';
import { FeedError } from './feed-error';

export interface FetchLimits {
  /** Bytes; a body past this is refused while streaming, not after buffering it all. */
  maxBytes: number;
  timeoutMs: number;
}

export const DEFAULT_LIMITS: FetchLimits = { maxBytes: 64 * 1024 * 1024, timeoutMs: 60_000 };

export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export type FeedResult = { status: 'not-modified' } | { status: 'ok'; text: string; validators: Validators };

/**
 * Downloads a list with a conditional request. Sends no cookies or referrer: a list
 * server learns nothing about the user's browsing. Every failure is a FeedError with a
 * reason the popup can show.
 */
export async function fetchFeed(
  url: string,
  previous: Validators,
  limits: FetchLimits = DEFAULT_LIMITS,
  fetchImpl: typeof fetch = fetch,
): Promise<FeedResult> {
  const headers: Record<string, string> = {};
  if (previous.etag) headers['If-None-Match'] = previous.etag;
  if (previous.lastModified) headers['If-Modified-Since'] = previous.lastModified;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  try {
    let response: Response;
    try {
      response = await fetchImpl(url, {
        headers,
        signal: controller.signal,
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        cache: 'no-store',
        redirect: 'follow',
      });
    } catch (error) {
      throw controller.signal.aborted
        ? new FeedError('timeout', `No answer within ${limits.timeoutMs / 1000} s`)
        : new FeedError('network', `Could not reach the server (${describe(error)})`);
    }
    if (response.status === 304) return { status: 'not-modified' };
    if (!response.ok)
      throw new FeedError('http', `The server answered ${response.status} ${response.statusText}`.trim());

    const type = response.headers.get('content-type') ?? '';
    if (/text\/html|application\/xhtml/i.test(type))
      throw new FeedError('html', 'The server sent a web page, not a list');
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > limits.maxBytes) throw tooLarge(limits);

    const text = await readCapped(response, limits, controller.signal);
    if (text === null) throw new FeedError('encoding', 'The list is not valid UTF-8 text');
    const refused = looksLikeHtmlOrBinary(text);
    if (refused === 'html') throw new FeedError('html', 'The server sent a web page, not a list');
    if (refused) throw new FeedError('binary', 'The server sent binary data, not a list');
    if (text.trim() === '') throw new FeedError('empty', 'The list is empty');
    return {
      status: 'ok',
      text,
      validators: { etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') },
    };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Node's fetch says only "fetch failed" and keeps the reason ("redirect count exceeded",
 * ECONNREFUSED, "other side closed") in `cause`: show it, or the popup cannot tell the user why.
 */
function describe(error: unknown): string {
  const cause = error instanceof Error ? error.cause : undefined;
  return cause instanceof Error ? `${String(error)}: ${cause.message}` : String(error);
}

function tooLarge(limits: FetchLimits): FeedError {
  return new FeedError('tooLarge', `The list is larger than ${Math.round(limits.maxBytes / 1024 / 1024)} MB`);
}

/**
 * Reads the body and decodes it as UTF-8 chunk by chunk, as it arrives: decoding 20 MB in
 * one call was one of the background's longest tasks. Null when the bytes are not valid
 * UTF-8; that is only reported once the whole body is read, so a body too large or cut
 * off still gives that error first, as when the whole body was decoded at the end.
 */
async function readCapped(response: Response, limits: FetchLimits, signal: AbortSignal): Promise<string | null> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const parts: string[] = [];
  let valid = true;
  const decode = (bytes: Uint8Array, stream: boolean) => {
    if (!valid) return;
    try {
      parts.push(decoder.decode(bytes, { stream }));
    } catch {
      valid = false;
    }
  };
  if (!response.body) {
    decode(new Uint8Array(await response.arrayBuffer()), false);
    return valid ? parts.join('') : null;
  }
  const reader = response.body.getReader();
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limits.maxBytes) {
        await reader.cancel();
        throw tooLarge(limits);
      }
      decode(value, true);
    }
  } catch (error) {
    if (error instanceof FeedError) throw error;
    throw signal.aborted
      ? new FeedError('timeout', `The download did not finish within ${limits.timeoutMs / 1000} s`)
      : new FeedError('network', `The connection broke during the download (${describe(error)})`);
  }
  decode(new Uint8Array(0), false); // the end: an incomplete sequence left over is an error
  return valid ? parts.join('') : null;
}
