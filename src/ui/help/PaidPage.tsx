import { BANK_HOTLINES, EMERGENCY_NUMBERS } from '../../guidance/hotlines';
import { t } from '../../guidance/i18n';
import { CopyAddress } from './CopyAddress';

/**
 * "I have already paid": the interview's central advice as ordered steps. Police first,
 * because only a quick report lets a payment be stopped and frozen; then the bank; keep the
 * evidence; never pay a "fee" to get money back (the next fraud).
 */
export function PaidPage({ site, onReport }: { site: string; onReport: () => void }) {
  const { police, antiFraud } = EMERGENCY_NUMBERS;
  return (
    <article aria-labelledby="paid-title">
      <h1 id="paid-title">{t('paidTitle')}</h1>
      <p class="lead">{t('paidLead')}</p>
      <ol class="steps" data-testid="paid-steps">
        <li>
          <strong>{t('paidStep110')}</strong>{' '}
          <a class="call" href={`tel:${police}`}>
            {police}
          </a>{' '}
          <a class="call" href={`tel:${antiFraud}`}>
            {antiFraud}
          </a>
        </li>
        <li>
          {t('paidStepReady')}
          <ul>
            <li>{t('paidReadyTime')}</li>
            <li>{t('paidReadyAmount')}</li>
            <li>{t('paidReadyAccount')}</li>
            <li>{t('paidReadyTx')}</li>
            <li>
              {t('paidReadySite')} <CopyAddress site={site} />
            </li>
          </ul>
        </li>
        <li>
          {t('paidStepBank')}
          <table class="hotlines" data-testid="hotlines">
            <caption>{t('paidHotlinesCaption')}</caption>
            <tbody>
              {BANK_HOTLINES.map((h) => (
                <tr key={h.phone}>
                  <th scope="row">{t(h.name)}</th>
                  <td>
                    <a href={`tel:${h.phone}`}>{h.phone}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </li>
        <li>{t('paidStepKeep')}</li>
        <li>
          <strong>{t('paidStepNoFee')}</strong>
        </li>
      </ol>
      <p>
        {t('paidReportToo')}{' '}
        <button type="button" onClick={onReport}>
          {t('siteReport')}
        </button>
      </p>
    </article>
  );
}
