import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { send } from '../../messaging/client';
import type { StatusSnapshot } from '../../model/protocol';

/** Polls the background while the popup is open, faster while an update runs (progress). */
export function useStatus(): {
  status: StatusSnapshot | null;
  error: string | null;
  refresh: () => Promise<void>;
  set: (s: StatusSnapshot) => void;
} {
  const [status, setStatus] = useState<StatusSnapshot | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Polls overlap: an answer older than one already shown must not bring back stale lists.
  const issued = useRef(0);
  const shown = useRef(0);
  const refresh = useCallback(async () => {
    const ticket = ++issued.current;
    try {
      const next = await send('status.get', {});
      if (ticket < shown.current) return;
      shown.current = ticket;
      setStatus(next);
      setError(null);
    } catch (e) {
      if (ticket < shown.current) return;
      setError(e instanceof Error ? e.message : String(e));
    }
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const busy = status?.update !== null && status?.update !== undefined;
  useEffect(() => {
    const timer = setInterval(() => void refresh(), busy ? 300 : 2000);
    return () => clearInterval(timer);
  }, [busy, refresh]);
  return { status, error, refresh, set: setStatus };
}
