import { GUIDANCE } from '../../guidance/guidance';
import { t } from '../../guidance/i18n';
import type { Verdict } from '../../match/types';
import { displayHost } from '../host-display';
import { reasonText, titleFor } from '../reason-text';

type Blocked = Verdict & { kind: 'blocked' };

function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attrs: Record<string, string>,
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/**
 * The warning as WarningDialog first renders it (before "Continue anyway" is clicked), built
 * with plain DOM by the page's first, classic script as soon as the background answers: the
 * page's module and Preact are often still loading then. Preact renders over these very
 * nodes when it comes (a unit test keeps the two identical), so the user sees no change; the
 * buttons do nothing until then, a few tens of milliseconds. Text only goes in as text
 * nodes: the verdict's host and list names are never parsed as HTML.
 */
export function renderEarlyWarning(doc: Document, root: HTMLElement, verdict: Blocked): void {
  const { reason } = verdict;
  const shown = displayHost(verdict.host);
  const host = el(doc, 'dd', { class: 'host', 'data-testid': 'host' }, shown.unicode);
  if (shown.ascii) host.append(el(doc, 'div', { class: 'ascii' }, t('dialogSitePunycode', [shown.ascii])));
  const goBack = el(doc, 'button', { type: 'button', class: 'primary' }, t('buttonGoBack'));
  const buttons = el(doc, 'div', { class: 'buttons' }, goBack);
  if (reason.imitates) {
    buttons.append(
      el(doc, 'button', { type: 'button', class: 'primary' }, t('buttonVisitOfficial', [reason.imitates.domain])),
    );
  }
  buttons.append(el(doc, 'button', { type: 'button', class: 'secondary' }, t('buttonContinue')));
  const dialog = el(
    doc,
    'div',
    {
      class: 'dialog',
      role: 'alertdialog',
      'aria-modal': 'true',
      'aria-labelledby': 'fs-title',
      'aria-describedby': 'fs-lead',
      lang: t('extName') === '反诈哨兵' ? 'zh-CN' : 'en',
    },
    el(doc, 'h1', { id: 'fs-title' }, el(doc, 'span', { 'aria-hidden': 'true' }, '⚠ '), titleFor(reason)),
    el(
      doc,
      'p',
      { id: 'fs-lead', class: 'lead' },
      reason.ruleType === 'domain' || reason.ruleType === 'url' ? t('dialogLead') : t('dialogLeadDetector'),
    ),
    el(
      doc,
      'dl',
      {},
      el(doc, 'dt', {}, t('dialogSite')),
      host,
      el(doc, 'dt', {}, t('dialogReason')),
      el(doc, 'dd', { 'data-testid': 'reason' }, reasonText(reason)),
    ),
    el(doc, 'h2', {}, t('dialogGuidanceTitle')),
    el(doc, 'ul', { class: 'guidance' }, ...GUIDANCE.map((key) => el(doc, 'li', {}, t(key)))),
    buttons,
  );
  root.replaceChildren(dialog);
  goBack.focus();
}
