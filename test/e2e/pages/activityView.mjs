// Show Activity (mediumOne.showActivity): the history's filters and table inside the extension's webview, read as
// plain rows and driven through the buttons a user clicks (Undo, Undo run). Open it with the palette first.
import { activityColumns, activityView as sel, exactText } from './selectors.mjs';

export class ActivityView {
  /** @param {import('./workbench.mjs').Workbench} workbench */
  constructor(workbench) {
    this.workbench = workbench;
  }

  /** The page's parts (filters, exports, summary…) as locators; the page must be the visible webview. */
  parts() { return this.workbench.webview.pageParts(sel); }
  /** The table's rows, as locators. */
  rowLocators() { return this.parts().rows; }

  /** The table as `{ time, project, loginId, action, outcome, reason, undo, buttons }` per row, newest first. */
  async rows() {
    return this.rowLocators().evaluateAll((rows, { columns, cell, button }) => rows.map((r) => {
      const cells = [...r.querySelectorAll(cell)].map((c) => c.textContent?.trim() ?? '');
      const row = Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? '']));
      return { ...row, buttons: [...r.querySelectorAll(button)].map((b) => b.textContent?.trim() ?? '') };
    }), { columns: activityColumns, cell: sel.cell, button: sel.button });
  }

  /** The row of `loginId` whose action reads `action` (the newest such row). */
  row(loginId, action) {
    const cell = (text) => this.workbench.webview.document().locator(sel.cell, { hasText: exactText(text) });
    return this.rowLocators().filter({ has: cell(loginId) }).filter({ has: cell(action) }).first();
  }

  /** Types into the user filter (part of a login_id); the page filters as the user types. */
  async filterByUser(text) { await this.parts().user.fill(text); }

  /** Clicks a button of a row (e.g. `Undo`, `Undo run`). */
  async clickInRow(row, name) {
    await row.locator(sel.button, { hasText: exactText(name) }).first().click();
  }
}
