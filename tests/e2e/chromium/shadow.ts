import type { CDPSession, Page } from '@playwright/test';

/** The element the content script puts the warning in (its shadow root is closed). */
export const WARNING_TAG = 'FRAUD-SENTRY-WARNING';

interface CdpNode {
  nodeId: number;
  backendNodeId: number;
  nodeType: number;
  nodeName: string;
  nodeValue: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

export interface WarningView {
  text: string;
  role: string | null;
  buttons: { text: string; backendNodeId: number }[];
  /** 'page': the in-page dialog (closed shadow root); 'extension': the before-load warning page. */
  where: 'page' | 'extension';
}

/**
 * Reads the warning: the in-page dialog inside its closed shadow root, or the extension's
 * warning page a before-load redirect led to. Playwright's locators stop at a closed root;
 * CDP's pierce option does not, and is what assistive technology would see too.
 */
export async function readWarning(page: Page): Promise<WarningView | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const host = find(root, (n) => n.nodeName === WARNING_TAG);
    const scope = host?.shadowRoots?.[0] ?? root;
    const dialog = find(scope, (n) => attr(n, 'role') === 'alertdialog');
    if (!dialog) return null;
    const buttons: WarningView['buttons'] = [];
    walk(dialog, (n) => {
      if (n.nodeName === 'BUTTON') buttons.push({ text: textOf(n).trim(), backendNodeId: n.backendNodeId });
    });
    return { text: textOf(dialog), role: 'alertdialog', buttons, where: host ? 'page' : 'extension' };
  } finally {
    await cdp.detach();
  }
}

/** Clicks a button of the warning with a real mouse event at its position on screen. */
export async function clickWarningButton(page: Page, label: string): Promise<void> {
  const view = await readWarning(page);
  const button = view?.buttons.find((b) => b.text === label);
  if (!button)
    throw new Error(`No button "${label}" in the warning (buttons: ${view?.buttons.map((b) => b.text).join(', ')})`);
  const cdp: CDPSession = await page.context().newCDPSession(page);
  try {
    // A long warning scrolls: bring the button into view as a user would before clicking.
    await cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: button.backendNodeId });
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: button.backendNodeId })) as {
      model: { content: number[] };
    };
    const [x1, y1, , , x3, y3] = model.content as [number, number, number, number, number, number];
    await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
  } finally {
    await cdp.detach();
  }
}

/** Waits until the warning is on the page (or throws after the timeout). */
export async function waitForWarning(page: Page, timeoutMs = 10_000): Promise<WarningView> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const view = await readWarning(page).catch(() => null);
    if (view && view.buttons.length > 0) return view;
    if (Date.now() > until) throw new Error('No warning appeared');
    await page.waitForTimeout(100);
  }
}

function walk(node: CdpNode, visit: (n: CdpNode) => void): void {
  visit(node);
  for (const c of node.children ?? []) walk(c, visit);
  for (const s of node.shadowRoots ?? []) walk(s, visit);
}

function find(node: CdpNode, predicate: (n: CdpNode) => boolean): CdpNode | undefined {
  let found: CdpNode | undefined;
  walk(node, (n) => {
    if (!found && predicate(n)) found = n;
  });
  return found;
}

function attr(node: CdpNode, name: string): string | null {
  const a = node.attributes ?? [];
  for (let i = 0; i < a.length; i += 2) if (a[i] === name) return a[i + 1] ?? null;
  return null;
}

function textOf(node: CdpNode): string {
  if (node.nodeType === 3) return node.nodeValue;
  if (node.nodeName === 'STYLE') return '';
  return (node.children ?? []).map(textOf).join(' ');
}
