import type { Page } from 'puppeteer-core';

/**
 * Drives the real popup page opened in a tab (see openExtensionPage in harness.ts).
 * Controls are found by their accessible names, the names users' guides rely on, and
 * clicked with real mouse events.
 */
export class PopupPage {
  constructor(readonly page: Page) {}

  /** The page text; popup state is asserted on what a user reads. */
  text(): Promise<string> {
    return this.page.evaluate(() => document.body.innerText);
  }

  async waitForText(pattern: RegExp, timeoutMs = 15_000): Promise<string> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const text = await this.text();
      if (pattern.test(text)) return text;
      if (Date.now() > until) throw new Error(`Popup never showed ${pattern}; it shows:\n${text}`);
      await new Promise((r) => setTimeout(r, 150));
    }
  }

  async fill(label: string, value: string): Promise<void> {
    const selector = await this.page.evaluate((name) => {
      const found = [...document.querySelectorAll('label')].find((l) => l.textContent?.trim() === name);
      return found?.htmlFor ? `#${found.htmlFor}` : null;
    }, label);
    if (!selector) throw new Error(`No textbox labelled "${label}"`);
    await this.page.click(selector, { count: 3 });
    await this.page.type(selector, value);
  }

  async click(name: string): Promise<void> {
    const index = await this.page.evaluate((label) => {
      const buttons = [...document.querySelectorAll('button')];
      return buttons.findIndex((b) => (b.getAttribute('aria-label') ?? b.textContent ?? '').trim() === label);
    }, name);
    if (index < 0) throw new Error(`No button "${name}"`);
    const buttons = await this.page.$$('button');
    await buttons[index]!.click();
  }

  /** Clicks the checkbox with this accessible name (a real mouse click); returns whether it is checked after. */
  async toggle(name: string): Promise<boolean> {
    const index = await this.page.evaluate((label) => {
      const boxes = [...document.querySelectorAll('input[type="checkbox"]')];
      return boxes.findIndex((b) => b.getAttribute('aria-label') === label);
    }, name);
    if (index < 0) throw new Error(`No checkbox "${name}"`);
    const box = (await this.page.$$('input[type="checkbox"]'))[index]!;
    await box.click();
    return box.evaluate((b) => (b as HTMLInputElement).checked);
  }

  /** Text of the list entry whose text includes `needle`. */
  listItem(needle: string): Promise<string | null> {
    return this.page.evaluate((n) => {
      const item = [...document.querySelectorAll('[data-testid="lists"] > li')].find((li) =>
        li.textContent?.includes(n),
      );
      return item ? (item as HTMLElement).innerText : null;
    }, needle);
  }
}
