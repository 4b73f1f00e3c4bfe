import { useCallback, useEffect, useState } from 'preact/hooks';
import { send } from '../../messaging/client';
import type { StatusSnapshot } from '../../messaging/protocol';

/** Polls the background while the popup is open, faster while an update runs (progress). */
export function useStatus(): {
  status: StatusSnapshot | null;
  error: string | null;
  refresh: () => Promise<void>;
  set: (s: StatusSnapshot) => void;
} {
  const [status, setStatus] = useState<StatusSnapshot | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(async () => {
    try {
      setStatus(await send('status.get', {}));
      setError(null);
    } catch (e) {
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
