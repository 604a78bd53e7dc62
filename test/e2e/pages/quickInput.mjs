// The command palette and every quick input the extension shows: quick picks and input boxes.
import { exactText, keys, quickInput as sel } from './selectors.mjs';

export class QuickInput {
  /** @param {import('playwright-core').Page} page */
  constructor(page, { timeoutMs }) {
    this.page = page;
    this.timeoutMs = timeoutMs;
  }

  /** Runs a palette command by its full title, e.g. `Medium One: Start Local Sandbox`. */
  async runCommand(title) {
    const row = this.item(title).first();
    // An editor or view taking focus just after the palette opened closes it again: open it anew (bounded).
    for (let attempt = 1; ; attempt++) {
      await this.openPalette(`${sel.commandPrefix}${title}`);
      try {
        await row.waitFor({ state: 'visible', timeout: attempt < 3 ? 5_000 : this.timeoutMs });
        break;
      } catch (e) {
        if (attempt >= 3 || (await this.widget().isVisible())) throw e;
      }
    }
    await this.box().press(keys.accept);
  }

  /** Opens the palette whatever the focus; `prefix` replaces its content (`>` = commands). */
  async openPalette(prefix = sel.commandPrefix) {
    const box = this.box();
    // A focus change right after opening (a tree revealing a row, a view finishing its load) closes the palette
    // again: open it anew, a bounded number of times, until the text lands in a visible box.
    for (let attempt = 1; ; attempt++) {
      await this.page.keyboard.press(keys.palette);
      try {
        await box.waitFor({ state: 'visible', timeout: this.timeoutMs });
        await box.fill(prefix, { timeout: 3_000 });
        return;
      } catch (e) {
        if (attempt >= 3) throw e;
        await this.page.waitForTimeout(300);
      }
    }
  }

  widget() { return this.page.locator(sel.widget); }
  box() { return this.page.locator(sel.box); }
  /** Visible quick pick rows (the list renders only what is on screen). */
  rows() { return this.page.locator(sel.rows); }
  /** The quick pick row whose label is exactly `label`. */
  item(label) {
    return this.rows().filter({ has: this.page.locator(sel.rowLabel, { hasText: exactText(label) }) });
  }
  async labels() {
    return this.rows().locator(sel.rowLabel).allInnerTexts();
  }
  /** The quick input's title (e.g. a step counter "(2/8)"). */
  title() { return this.page.locator(sel.title); }
  /** The validation / prompt text under the input box. */
  message() { return this.page.locator(sel.message); }

  /** Types into an open input box / quick pick (when `text` is given) and accepts it. */
  async submit(text) {
    const box = this.box();
    await box.waitFor({ state: 'visible', timeout: this.timeoutMs });
    if (text !== undefined) await box.fill(text);
    await box.press(keys.accept);
  }
  /** Accepts what the focused quick input holds (e.g. a multi-select pick's checked items). */
  async accept() { await this.page.keyboard.press(keys.accept); }
  async pick(label) {
    const row = this.item(label).first();
    await row.waitFor({ state: 'visible', timeout: this.timeoutMs });
    await row.click();
  }
  /** Waits for the input box whose prompt matches, then types the answer and accepts it. */
  async answerInput(prompt, text) {
    await this.message().filter({ hasText: prompt }).first().waitFor({ state: 'visible', timeout: this.timeoutMs });
    await this.box().fill(text);
    await this.box().press(keys.accept);
  }
  /** Waits for the input box whose prompt matches, then accepts what it holds (its prefilled value). */
  async acceptInput(prompt) {
    await this.message().filter({ hasText: prompt }).first().waitFor({ state: 'visible', timeout: this.timeoutMs });
    await this.box().press(keys.accept);
  }
  /** Waits for the quick pick whose title matches (when given), then picks the item. */
  async answerPick(label, title) {
    if (title) await this.waitForTitle(title);
    await this.pick(label);
  }
  async waitForTitle(title) {
    await this.title().filter({ hasText: title }).first().waitFor({ state: 'visible', timeout: this.timeoutMs });
  }
  /** Closes the quick input when one is open. */
  async close() {
    if (await this.widget().isVisible()) await this.page.keyboard.press(keys.dismiss);
  }
}
