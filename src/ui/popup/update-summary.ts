import { t } from '../../guidance/i18n';
import type { UpdateSummary } from '../../model/status';

/** An update's outcome as the user reads it; any failure is shown as one, never as success. */
export function updateSummaryText(summary: UpdateSummary): { text: string; error: boolean } {
  const count = (outcome: string) => summary.results.filter((r) => r.outcome === outcome).length;
  const counts = [count('updated'), count('unchanged'), count('failed')];
  if (counts[2] === 0) return { text: t('popupUpdateResult', counts), error: false };
  return { text: t('popupUpdatePartial', counts), error: true };
}
