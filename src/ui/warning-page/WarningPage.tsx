import { useEffect, useState } from 'preact/hooks';
import { t } from '../../guidance/i18n';
import type { Verdict } from '../../match/types';
import { send } from '../../messaging/client';
import { WarningDialog } from '../WarningDialog';

type State = { kind: 'checking' } | { kind: 'invalid' } | { kind: 'verdict'; verdict: Verdict };

/** The extension page a listed site is redirected to before it loads: the same warning as in a page. */
export function WarningPage({ target }: { target: string | null }) {
  const [state, setState] = useState<State>(target ? { kind: 'checking' } : { kind: 'invalid' });

  useEffect(() => {
    if (!target) return;
    void send('warning.check', { url: target }).then(
      (verdict) => {
        // Not (or no longer) listed, e.g. trusted in another tab meanwhile: go on to the site.
        if (verdict.kind !== 'blocked') location.replace(target);
        else setState({ kind: 'verdict', verdict });
      },
      () => setState({ kind: 'invalid' }),
    );
  }, [target]);

  if (state.kind === 'invalid') {
    return (
      <p class="notice" role="alert">
        {t('warningPageInvalid')}
      </p>
    );
  }
  if (state.kind === 'checking' || state.verdict.kind !== 'blocked' || !target) return null;
  const { verdict } = state;
  return (
    <WarningDialog
      host={verdict.host}
      reason={verdict.reason}
      onGoBack={() => void send('warning.leave', {})}
      onProceed={(always) => void send('warning.proceed', { url: target, always })}
    />
  );
}
