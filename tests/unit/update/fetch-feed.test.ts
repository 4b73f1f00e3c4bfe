import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFeedUrl } from '../../../src/update/feed-url';
import { fetchFeed } from '../../../src/update/fetch-feed';
import { startTestServer, type TestServer } from '../../e2e/support/feed-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const none = { etag: null, lastModified: null };
const limits = { maxBytes: 1024 * 1024, timeoutMs: 2000 };

describe('checkFeedUrl', () => {
  it('accepts https, and http only for this machine', () => {
    expect(checkFeedUrl('https://example.org/list.txt')).toEqual({ ok: true, url: 'https://example.org/list.txt' });
    expect(checkFeedUrl('http://127.0.0.1:8080/x').ok).toBe(true);
    expect(checkFeedUrl('http://localhost/x').ok).toBe(true);
    expect(checkFeedUrl('http://example.org/list.txt')).toEqual({ ok: false, error: 'feedUrlNotHttps' });
    expect(checkFeedUrl('ftp://example.org/x')).toEqual({ ok: false, error: 'feedUrlInvalid' });
    expect(checkFeedUrl('javascript:alert(1)')).toEqual({ ok: false, error: 'feedUrlInvalid' });
    expect(checkFeedUrl('https://user:pw@example.org/')).toEqual({ ok: false, error: 'feedUrlInvalid' });
    expect(checkFeedUrl('not a url').ok).toBe(false);
  });
});

describe('fetchFeed against a real HTTP server', () => {
  it('downloads a list and answers a conditional request with not-modified', async () => {
    server.setFeed('a.txt', { body: 'evil.test\n' });
    const first = await fetchFeed(server.feedUrl('a.txt', '127.0.0.1'), none, limits);
    expect(first.status).toBe('ok');
    if (first.status !== 'ok') return;
    expect(first.text).toBe('evil.test\n');
    expect(first.validators.etag).toBeTruthy();
    const second = await fetchFeed(server.feedUrl('a.txt', '127.0.0.1'), first.validators, limits);
    expect(second.status).toBe('not-modified');
    expect(server.feedRequests('a.txt').at(-1)?.headers['if-none-match']).toBe(first.validators.etag);
  });

  it.each([
    ['an HTTP error', { status: 500, body: 'oops' }, /500/],
    ['a missing list', { status: 404, body: 'nope' }, /404/],
    [
      'an HTML page',
      { body: '<!doctype html><html><body>Login</body></html>', headers: { 'content-type': 'text/html' } },
      /web page/,
    ],
    ['HTML sent as text', { body: '<!DOCTYPE html>\n<html><head><title>x</title></head></html>' }, /web page/],
    ['binary data', { body: new Uint8Array([0, 1, 2, 3, 0, 0, 255, 254, 0, 7]) }, /UTF-8|binary/],
    ['invalid UTF-8', { body: new Uint8Array([0x65, 0x76, 0x69, 0x6c, 0xff, 0xfe, 0x0a]) }, /UTF-8/],
    ['an empty body', { body: '' }, /empty/],
  ])('refuses %s with a clear error', async (_name, spec, message) => {
    server.setFeed('bad', spec);
    await expect(fetchFeed(server.feedUrl('bad', '127.0.0.1'), none, limits)).rejects.toThrow(message);
  });

  it('refuses a body over the size cap while streaming', async () => {
    server.setFeed('big', { body: 'a.example\n'.repeat(200_000) });
    await expect(
      fetchFeed(server.feedUrl('big', '127.0.0.1'), none, { maxBytes: 100_000, timeoutMs: 5000 }),
    ).rejects.toThrow(/larger than/);
  });

  it('gives up on a server that does not answer in time', async () => {
    // A real server that accepts the request and never answers.
    const silent = http.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    try {
      await expect(
        fetchFeed(`http://127.0.0.1:${port}/list.txt`, none, { maxBytes: 1000, timeoutMs: 300 }),
      ).rejects.toThrow(/No answer/);
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });

  it('reports a server that cannot be reached', async () => {
    await expect(fetchFeed('http://127.0.0.1:1/list.txt', none, limits)).rejects.toThrow(/Could not reach/);
  });
});
