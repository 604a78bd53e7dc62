// The editor area, the panel (Output…) and the status bar: what the extension opens or writes there.
import { editors as sel } from './selectors.mjs';

export class Editors {
  /** @param {import('playwright-core').Page} page */
  constructor(page) {
    this.page = page;
  }

  tab(title) { return this.page.locator(sel.tab(title)); }
  /** The rendered text of the active editor (only the lines on screen: keep what is asserted near the top). */
  activeText() { return this.page.locator(sel.activeEditorLines).first(); }
  /** The rendered text of the panel's editor, e.g. the Output view (it scrolls to the newest lines). */
  panelText() { return this.page.locator(sel.panelEditorLines).first(); }
  statusBarItem(label) { return this.page.locator(sel.statusBarItem(label)); }
}
