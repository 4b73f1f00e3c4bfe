import { t } from '../../guidance/i18n';
import type { Verdict } from '../../model/verdict';
import { send } from '../../messaging/client';
import { openHelp, openSettings } from '../open-page';
import { WarningDialog } from '../WarningDialog';

/** What the warning page shows: only ever what the background answered for its URL. */
export type WarningPageProps =
  { kind: 'invalid' } | { kind: 'blocked'; target: string; verdict: Verdict & { kind: 'blocked' } };

/**
 * The extension page a listed site is redirected to before it loads: the same warning as
 * in a page. Rendered once the background's verdict is known (see entrypoints/warning).
 */
export function WarningPage(props: WarningPageProps) {
  if (props.kind === 'invalid') {
    return (
      <p class="notice" role="alert">
        {t('warningPageInvalid')}
      </p>
    );
  }
  const { target, verdict } = props;
  return (
    <WarningDialog
      host={verdict.host}
      reason={verdict.reason}
      onGoBack={() => void send('warning.leave', {})}
      onProceed={(always) => void send('warning.proceed', { url: target, always })}
      onOpenHelp={(topic) => void openHelp(topic, target, verdict.reason.listId)}
      onOpenSettings={() => void openSettings()}
    />
  );
}
