import { Window } from 'happy-dom';
import { render } from 'preact';
import { beforeAll, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import messages from '@/public/_locales/en/messages.json';
import type { Verdict } from '@/src/match/types';
import { renderEarlyWarning } from '@/src/ui/warning-page/early-render';
import { WarningPage } from '@/src/ui/warning-page/WarningPage';

type Blocked = Verdict & { kind: 'blocked' };
type Message = { message: string; placeholders?: Record<string, { content: string }> };

/** The browser's i18n over the real English messages, placeholders and all. */
function getMessage(key: string, subs?: string | string[]): string {
  const m = (messages as Record<string, Message>)[key];
  if (!m) return '';
  const args = typeof subs === 'string' ? [subs] : (subs ?? []);
  return m.message.replace(/\$([A-Z_]+)\$/g, (_, name: string) => {
    const p = m.placeholders ?? {};
    const content = (p[name] ?? p[name.toLowerCase()])?.content ?? '';
    return content.replace(/\$(\d)/g, (__, n: string) => args[Number(n) - 1] ?? '');
  });
}

const base = { listId: 'l1', listName: 'Anti-fraud list', category: 'fraud', rule: 'evil.test' } as const;
const VERDICTS: Blocked[] = [
  { kind: 'blocked', host: 'evil.test', reason: { ...base, ruleType: 'domain' } },
  {
    kind: 'blocked',
    host: 'xn--80ak6aa92e.com',
    reason: { ...base, ruleType: 'url', rule: 'xn--80ak6aa92e.com/login' },
  },
  {
    kind: 'blocked',
    host: 'paypa1.com',
    reason: {
      ...base,
      ruleType: 'lookalike',
      imitates: { domain: 'paypal.com', name: 'PayPal', nameZh: '贝宝', kind: 'typosquat' },
    },
  },
  {
    kind: 'blocked',
    host: 'shop.test',
    reason: {
      ...base,
      ruleType: 'script',
      category: 'script',
      script: { url: 'http://skim.test/a.js', stopped: true },
    },
  },
  // A list name is the list author's text: it must stay text.
  {
    kind: 'blocked',
    host: 'evil.test',
    reason: { ...base, ruleType: 'domain', listName: '<img src=x onerror=alert(1)>' },
  },
];

// Preact creates nodes through the container's own document, so a happy-dom Window will do.
const document = new Window().document as unknown as Document;

function container(): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  return root;
}

describe('warning page: the early plain-DOM warning', () => {
  beforeAll(() => {
    fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage;
    fakeBrowser.i18n.getUILanguage = () => 'en-US';
  });

  it('is exactly what Preact renders for the same verdict', () => {
    for (const verdict of VERDICTS) {
      const early = container();
      renderEarlyWarning(document, early, verdict);
      const preact = container();
      render(<WarningPage kind="blocked" target={`http://${verdict.host}/`} verdict={verdict} />, preact);
      expect(early.innerHTML).toBe(preact.innerHTML);
      expect(early.querySelector('[data-testid="host"]')?.textContent).not.toBe('');
    }
  });

  it('is taken over by Preact node for node, so nothing on screen is replaced', () => {
    const root = container();
    const verdict = VERDICTS[2] as Blocked;
    renderEarlyWarning(document, root, verdict);
    const before = [...root.querySelectorAll('*')];
    const html = root.innerHTML;
    render(<WarningPage kind="blocked" target="http://paypa1.com/" verdict={verdict} />, root);
    expect(root.innerHTML).toBe(html);
    const after = [...root.querySelectorAll('*')];
    expect(after.length).toBe(before.length);
    after.forEach((node, i) => expect(node).toBe(before[i]));
  });

  it('never parses the verdict as HTML', () => {
    const root = container();
    renderEarlyWarning(document, root, VERDICTS[4] as Blocked);
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('[data-testid="reason"]')?.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});
