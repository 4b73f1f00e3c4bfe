import { CATEGORY_LABEL } from '../guidance/guidance';
import { isChineseUi, t, type MessageKey } from '../guidance/i18n';
import type { RuleRef } from '../model/verdict';

const LOOKALIKE_KIND: Record<NonNullable<RuleRef['imitates']>['kind'], MessageKey> = {
  homograph: 'lookalikeHomograph',
  typosquat: 'lookalikeTyposquat',
  combosquat: 'lookalikeCombosquat',
};

/** The warning's title for each kind of reason. */
export function titleFor(reason: RuleRef): string {
  if (reason.ruleType === 'script') return t('dialogTitleScript');
  if (reason.ruleType === 'lookalike') return t('dialogTitleLookalike');
  if (reason.ruleType === 'heuristic') return t('dialogTitleHeuristic');
  return t('dialogTitle');
}

/** "Why", in the user's language: which list and rule, or what a detector found. */
export function reasonText(reason: RuleRef): string {
  if (reason.ruleType === 'lookalike' && reason.imitates) {
    const i = reason.imitates;
    return t('reasonLookalike', [isChineseUi() ? i.nameZh : i.name, i.domain, t(LOOKALIKE_KIND[i.kind])]);
  }
  if (reason.ruleType === 'heuristic' && reason.why) {
    return t('reasonHeuristic', [isChineseUi() ? reason.why.zh : reason.why.en]);
  }
  if (reason.ruleType === 'script' && reason.script) {
    const stopped = reason.script.stopped ? t('scriptStopped') : t('scriptNotStopped');
    return `${t('reasonScript', [t(CATEGORY_LABEL[reason.category]), reason.listName, reason.script.url])} ${stopped}`;
  }
  return t('dialogReasonText', [reason.listName, t(CATEGORY_LABEL[reason.category]), reason.rule]);
}
