// Modal dialogs (a warning shown with `modal: true`): their text and buttons.
import { modalDialog as sel } from './selectors.mjs';

export class ModalDialog {
  /** @param {import('playwright-core').Page} page */
  constructor(page, { timeoutMs }) {
    this.page = page;
    this.timeoutMs = timeoutMs;
  }

  box() { return this.page.locator(sel.box); }
  /** Waits for the dialog; its message and detail. */
  async text() {
    const d = this.box();
    await d.waitFor({ state: 'visible', timeout: this.timeoutMs });
    return { message: await d.locator(sel.message).innerText(), detail: await d.locator(sel.detail).innerText().catch(() => '') };
  }
  async clickButton(name) {
    await this.box().locator(sel.button, { hasText: name }).first().click();
  }
}
