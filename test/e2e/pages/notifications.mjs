// Notification toasts: wait for one by its text, read them, press their buttons, clear them between steps.
import { builtInCommands, notifications as sel } from './selectors.mjs';

export class Notifications {
  /**
   * @param {import('playwright-core').Page} page
   * @param {{ timeoutMs: number, quickInput: import('./quickInput.mjs').QuickInput }} deps
   */
  constructor(page, { timeoutMs, quickInput }) {
    this.page = page;
    this.timeoutMs = timeoutMs;
    this.quickInput = quickInput;
  }

  toasts() { return this.page.locator(sel.toast); }
  /** The toast whose message matches (string = substring, or a RegExp); waits for it. */
  async waitFor(text, { timeoutMs = this.timeoutMs } = {}) {
    const toast = this.toasts().filter({ has: this.page.locator(sel.message, { hasText: text }) }).first();
    await toast.waitFor({ state: 'visible', timeout: timeoutMs });
    return toast;
  }
  async messages() {
    return this.page.locator(`${sel.toast} ${sel.message}`).allInnerTexts();
  }
  /** A button of a toast (e.g. `Retry`, `Show Log`). */
  button(toast, name) { return toast.getByRole('button', { name }); }

  /**
   * Clears every notification. Headless Chromium never auto-hides toasts (the page never has OS focus), and VS Code
   * shows at most three: a new one past that stays hidden in the notification center. Steps start clean with this.
   */
  async clear() {
    // The palette would replace (so cancel) an open quick pick or input box: leave the toasts then.
    if ((await this.toasts().count()) === 0 || (await this.quickInput.widget().isVisible())) return;
    await this.quickInput.runCommand(builtInCommands.clearNotifications);
    await this.toasts().first().waitFor({ state: 'hidden', timeout: this.timeoutMs }).catch(() => {});
  }
}
