import { t } from '../../guidance/i18n';
import type { StatusSnapshot } from '../../model/protocol';
import type { WarningKind } from '../../model/list-meta';
import { warningsText } from '../popup/plural';

const KIND_LABEL: Record<WarningKind, Parameters<typeof t>[0]> = {
  domain: 'statsKindDomain',
  url: 'statsKindUrl',
  lookalike: 'statsKindLookalike',
  heuristic: 'statsKindHeuristic',
  script: 'statsKindScript',
};

/** Warnings shown since install: in total, by list (or detector) and by kind. */
export function StatsSection({ status }: { status: StatusSnapshot }) {
  const kinds = (Object.keys(KIND_LABEL) as WarningKind[]).filter((k) => (status.warningsByKind[k] ?? 0) > 0);
  return (
    <section aria-labelledby="stats-title">
      <h2 id="stats-title">{t('settingsStats')}</h2>
      <p data-testid="warnings-shown">{t('settingsStatsWarnings', [status.warningsShown])}</p>
      {status.warningsByList.length > 0 && (
        <>
          <h3>{t('settingsStatsByList')}</h3>
          <ul data-testid="warnings-by-list">
            {status.warningsByList.map((row) => (
              <li key={row.id}>
                {row.name}: {warningsText(row.count)}
              </li>
            ))}
          </ul>
          <h3>{t('settingsStatsByKind')}</h3>
          <ul data-testid="warnings-by-kind">
            {kinds.map((kind) => (
              <li key={kind}>
                {t(KIND_LABEL[kind])}: {warningsText(status.warningsByKind[kind] ?? 0)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
