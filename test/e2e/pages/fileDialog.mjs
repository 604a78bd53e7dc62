// Open and save dialogs. In a browser VS Code shows its "simple" file dialog: a quick input whose box holds a path.
import { keys } from './selectors.mjs';

export class FileDialog {
  /**
   * @param {import('playwright-core').Page} page
   * @param {{ timeoutMs: number, quickInput: import('./quickInput.mjs').QuickInput }} deps
   */
  constructor(page, { timeoutMs, quickInput }) {
    this.page = page;
    this.timeoutMs = timeoutMs;
    this.quickInput = quickInput;
  }

  /** Waits for the dialog (whose title matches, when given), replaces its path with `filePath` and accepts it. */
  async answer(filePath, title) {
    if (title) await this.quickInput.waitForTitle(title);
    const box = this.quickInput.box();
    await box.waitFor({ state: 'visible', timeout: this.timeoutMs });
    // The dialog fills in its starting folder a moment after it shows: text typed before that is prefixed with it.
    // Wait for that, then type the path until it holds (and stays) as typed.
    await this.page.waitForFunction((el) => el instanceof HTMLInputElement && el.value !== '', await box.elementHandle(), { timeout: this.timeoutMs });
    for (let attempt = 1; ; attempt++) {
      await box.fill(filePath);
      await this.page.waitForTimeout(300);
      if ((await box.inputValue()) === filePath) break;
      if (attempt >= 5) throw new Error(`the file dialog's path box holds "${await box.inputValue()}", not "${filePath}"`);
    }
    await box.press(keys.accept);
  }
}
