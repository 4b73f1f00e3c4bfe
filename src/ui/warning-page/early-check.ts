import type { Verdict } from '../../model/verdict';
import { targetFromHash } from './target-url';

/**
 * The warning page's question to the background, asked by a tiny async classic script
 * (entrypoints/warning-check.ts) as soon as it is fetched, while the browser still fetches
 * and runs the page's module and Preact: the answer then travels in parallel with them.
 */
interface EarlyCheck {
  url: string;
  reply: Promise<unknown>;
}

/** 'taken': the page's module came first and asked itself; the early script then asks nothing. */
type PageWindow = Window & { __fraudSentryWarningCheck?: EarlyCheck | 'taken' };

interface RuntimeLike {
  runtime?: { sendMessage(message: unknown): Promise<unknown> };
}

/** Sends `warning.check` for the page's #url, in the top frame only (a framed warning page does nothing). */
export function startEarlyCheck(win: PageWindow = window): void {
  if (win.top !== win || win.__fraudSentryWarningCheck) return;
  const url = targetFromHash(win.location.hash);
  const g = globalThis as unknown as { browser?: RuntimeLike; chrome?: RuntimeLike };
  const runtime = g.browser?.runtime ?? g.chrome?.runtime;
  if (!url || !runtime) return;
  const reply = runtime.sendMessage({ type: 'warning.check', data: { url } });
  // Never an unhandled rejection when the page's module does not come to take it.
  reply.catch(() => undefined);
  win.__fraudSentryWarningCheck = { url, reply };
}

/**
 * The early answer for `url`, once; null when none was asked for exactly this URL (the
 * caller then asks itself). Rejects like messaging/client's send() on a refusal.
 */
export function takeEarlyCheck(url: string, win: PageWindow = window): Promise<Verdict> | null {
  const early = win.__fraudSentryWarningCheck;
  // Either way the question is asked once: an early script that runs after this asks nothing.
  win.__fraudSentryWarningCheck = 'taken';
  if (!early || early === 'taken' || early.url !== url) return null;
  return early.reply.then((reply) => {
    const r = reply as { ok?: boolean; value?: Verdict; error?: string } | undefined;
    if (!r?.ok || !r.value) throw new Error(r?.error ?? 'No answer from the background');
    return r.value;
  });
}
