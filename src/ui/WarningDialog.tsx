import { useEffect, useRef, useState } from 'preact/hooks';
import { GUIDANCE } from '../guidance/guidance';
import { t } from '../guidance/i18n';
import type { RuleRef } from '../model/verdict';
import type { HelpTopic } from '../model/protocol';
import { displayHost } from './host-display';
import { reasonText, titleFor } from './reason-text';

export interface WarningDialogProps {
  host: string;
  reason: RuleRef;
  onGoBack: () => void;
  onProceed: (always: boolean) => void;
  onOpenSettings?: () => void;
  /** "Report this site or a wrong warning" and "I have already paid": the help page for this site. */
  onOpenHelp?: (topic: HelpTopic) => void;
  /** For a lookalike: go to the real site instead. */
  onVisitOfficial?: (domain: string) => void;
}

/**
 * The warning, shared by the in-page dialog and the extension's warning page. Every
 * action needs a real user event (`isTrusted`), so a page's synthetic clicks cannot
 * answer it on the user's behalf.
 */
/** Leaves the imitation for the real site (an https address built from our own brand list). */
function visitOfficial(domain: string): void {
  location.assign(`https://${domain}/`);
}

export function WarningDialog({
  host,
  reason,
  onGoBack,
  onProceed,
  onOpenSettings,
  onOpenHelp,
  onVisitOfficial,
}: WarningDialogProps) {
  const [confirming, setConfirming] = useState(false);
  const goBackRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const shown = displayHost(host);

  useEffect(() => {
    (confirming ? cancelRef : goBackRef).current?.focus();
  }, [confirming]);

  const trusted = (action: () => void) => (event: Event) => {
    if (event.isTrusted) action();
  };

  return (
    <div
      class="dialog"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="fs-title"
      aria-describedby="fs-lead"
      lang={t('extName') === '反诈哨兵' ? 'zh-CN' : 'en'}
    >
      <h1 id="fs-title">
        <span aria-hidden="true">⚠ </span>
        {titleFor(reason)}
      </h1>
      <p id="fs-lead" class="lead">
        {reason.ruleType === 'domain' || reason.ruleType === 'url' ? t('dialogLead') : t('dialogLeadDetector')}
      </p>
      <dl>
        <dt>{t('dialogSite')}</dt>
        <dd class="host" data-testid="host">
          {shown.unicode}
          {shown.ascii && <div class="ascii">{t('dialogSitePunycode', [shown.ascii])}</div>}
        </dd>
        <dt>{t('dialogReason')}</dt>
        <dd data-testid="reason">{reasonText(reason)}</dd>
      </dl>
      <h2>{t('dialogGuidanceTitle')}</h2>
      <ul class="guidance">
        {GUIDANCE.map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ul>
      {confirming ? (
        <div class="confirm" role="group" aria-labelledby="fs-confirm-title">
          <h2 id="fs-confirm-title">{t('confirmTitle')}</h2>
          <p>{t('confirmText')}</p>
          <div class="buttons">
            <button type="button" ref={cancelRef} class="primary" onClick={trusted(() => setConfirming(false))}>
              {t('buttonCancel')}
            </button>
            <button type="button" onClick={trusted(() => onProceed(false))}>
              {t('buttonContinueOnce')}
            </button>
            <button type="button" onClick={trusted(() => onProceed(true))}>
              {t('buttonTrustAlways')}
            </button>
          </div>
        </div>
      ) : (
        <div class="buttons">
          <button type="button" ref={goBackRef} class="primary" onClick={trusted(onGoBack)}>
            {t('buttonGoBack')}
          </button>
          {reason.imitates && (
            <button
              type="button"
              class="primary"
              onClick={trusted(() => (onVisitOfficial ?? visitOfficial)(reason.imitates?.domain ?? ''))}
            >
              {t('buttonVisitOfficial', [reason.imitates.domain])}
            </button>
          )}
          <button type="button" class="secondary" onClick={trusted(() => setConfirming(true))}>
            {t('buttonContinue')}
          </button>
        </div>
      )}
      {onOpenHelp && (
        <div class="help-links">
          <button type="button" class="help" onClick={trusted(() => onOpenHelp('paid'))}>
            {t('buttonPaid')}
          </button>
          <button type="button" class="help" onClick={trusted(() => onOpenHelp('report'))}>
            {t('buttonReport')}
          </button>
        </div>
      )}
      {onOpenSettings && (
        <p class="footer">
          <button type="button" class="link" onClick={trusted(onOpenSettings)}>
            {t('openSettings')}
          </button>
        </p>
      )}
    </div>
  );
}
