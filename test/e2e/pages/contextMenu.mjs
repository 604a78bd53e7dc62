// Context menus: open one on a row or any element, read its items, choose one.
import { waitForStable } from './pointer.mjs';
import { contextMenu as sel, keys, tree } from './selectors.mjs';

/** Context menus ignore a mouse-up for about 100 ms after they render. */
const MENU_SETTLE_MS = 250;
/** A context menu shows within a frame or two of the right-click; one that has not after this was never opened. */
const MENU_APPEAR_MS = 3_000;
const MENU_ATTEMPTS = 3;

export class ContextMenu {
  /** @param {import('playwright-core').Page} page */
  constructor(page, { timeoutMs }) {
    this.page = page;
    this.timeoutMs = timeoutMs;
  }

  menu() { return this.page.locator(sel.menu).first(); }

  /**
   * Right-clicks `target`, waits for the menu to accept clicks, and returns it. Two races are retried (bounded):
   * a right-click on a row element the tree is just recycling opens no menu at all, and a row re-rendered under
   * the pointer gets the menu of another row (VS Code focuses the right-clicked row, so the focus tells).
   */
  async open(target) {
    const isRow = (await target.getAttribute('role', { timeout: this.timeoutMs })) === tree.rowRole;
    const menu = this.menu();
    for (let attempt = 1; ; attempt++) {
      const last = attempt >= MENU_ATTEMPTS;
      if (isRow) await waitForStable(this.page, target, this.timeoutMs);
      await target.click({ button: 'right' });
      try {
        await menu.waitFor({ state: 'visible', timeout: last ? this.timeoutMs : MENU_APPEAR_MS });
      } catch (e) {
        if (last) throw new Error(`no context menu opened after ${MENU_ATTEMPTS} right-clicks on ${target}`, { cause: e });
        continue;
      }
      await this.page.waitForTimeout(MENU_SETTLE_MS);
      const focused = !isRow || tree.focusedClass.test((await target.getAttribute('class').catch(() => '')) ?? '');
      if (focused || last) return menu;
      await this.page.keyboard.press(keys.dismiss);
      await menu.waitFor({ state: 'hidden', timeout: this.timeoutMs });
    }
  }
  /** Item labels of the open context menu (without their keybindings). */
  async items() {
    return this.page.locator(sel.menu).getByRole(sel.itemRole).locator(sel.itemLabel).allInnerTexts();
  }
  /** Closes the open menu without choosing. */
  async close() { await this.page.keyboard.press(keys.dismiss); }
  /** Right-clicks `target`, then chooses the item named `name`. */
  async choose(target, name) {
    const menu = await this.open(target);
    await menu.getByRole(sel.itemRole, { name }).first().click();
  }
}
