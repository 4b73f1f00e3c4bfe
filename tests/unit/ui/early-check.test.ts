import { afterEach, describe, expect, it, vi } from 'vitest';
import { startEarlyCheck, takeEarlyCheck } from '@/src/ui/warning-page/early-check';

type FakeWindow = NonNullable<Parameters<typeof startEarlyCheck>[0]>;

function fakeWindow(hash: string, framed = false): FakeWindow {
  const win: { location: { hash: string }; top?: unknown } = { location: { hash } };
  win.top = framed ? {} : win;
  return win as unknown as FakeWindow;
}

const blocked = { kind: 'blocked', host: 'evil.test', reason: { listId: 'l', listName: 'L', ruleType: 'domain' } };

describe('warning page early check', () => {
  const sendMessage = vi.fn();
  // Firefox's extension pages have `browser`, Chrome's `chrome`: the page uses whichever is there.
  vi.stubGlobal('browser', { runtime: { sendMessage } });
  afterEach(() => sendMessage.mockReset());

  it('asks the background about the #url at once, and hands the answer over once, for that URL only', async () => {
    sendMessage.mockResolvedValue({ ok: true, value: blocked });
    const win = fakeWindow('#http://evil.test/path');
    startEarlyCheck(win);
    expect(sendMessage).toHaveBeenCalledWith({ type: 'warning.check', data: { url: 'http://evil.test/path' } });
    await expect(takeEarlyCheck('http://evil.test/path', win)).resolves.toEqual(blocked);
    expect(takeEarlyCheck('http://evil.test/path', win)).toBeNull();
    const other = fakeWindow('#http://evil.test/path');
    startEarlyCheck(other);
    expect(takeEarlyCheck('http://other.test/', other)).toBeNull();
  });

  it('asks nothing once the page has asked itself (the module ran first)', () => {
    const win = fakeWindow('#http://evil.test/');
    expect(takeEarlyCheck('http://evil.test/', win)).toBeNull();
    startEarlyCheck(win);
    expect(sendMessage).not.toHaveBeenCalled();
  });

  it('asks nothing for an address that is not plain http(s), or inside a frame', () => {
    for (const hash of ['#javascript:alert(1)', '#data:text/html,x', '#', '#http://user:pw@evil.test/']) {
      const win = fakeWindow(hash);
      startEarlyCheck(win);
      expect(win.__fraudSentryWarningCheck).toBeUndefined();
    }
    startEarlyCheck(fakeWindow('#http://evil.test/', true));
    expect(sendMessage).not.toHaveBeenCalled();
  });

  it('turns a refusal into a rejection, as send() does', async () => {
    sendMessage.mockResolvedValue({ ok: false, error: 'Refused', code: 'refused' });
    const win = fakeWindow('#https://evil.test/');
    startEarlyCheck(win);
    await expect(takeEarlyCheck('https://evil.test/', win)).rejects.toThrow('Refused');
  });
});
