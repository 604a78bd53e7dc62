// The rows of a tree view: find them by label, read them, expand, select, hover, click their inline actions and
// the commands rows run. Trees render only the rows on screen and recycle row elements when they re-render, so
// every click first waits for its row to stop moving.
import { waitForStable } from './pointer.mjs';
import { exactText, keys, tree as sel, workbench } from './selectors.mjs';

export class Tree {
  /**
   * @param {import('playwright-core').Page} page
   * @param {{ timeoutMs: number, sideBar: import('./sideBar.mjs').SideBar }} deps
   */
  constructor(page, { timeoutMs, sideBar }) {
    this.page = page;
    this.timeoutMs = timeoutMs;
    this.sideBar = sideBar;
  }

  /** Rendered tree rows of a view (trees render only visible rows). */
  rows(viewTitle) { return this.sideBar.view(viewTitle).locator(sel.row); }
  /** The row whose label is exactly `label`. */
  row(viewTitle, label) {
    return this.rows(viewTitle).filter({ has: this.page.locator(sel.label, { hasText: exactText(label) }) }).first();
  }
  label(row) { return row.locator(sel.label).first(); }
  description(row) { return row.locator(sel.description).first(); }
  twistie(row) { return row.locator(sel.twistie).first(); }
  /** Labels of the rendered rows, in order. */
  async labels(viewTitle) {
    return this.rows(viewTitle).locator(sel.label).allInnerTexts();
  }
  /** `{ label, description, level, expanded }` of each rendered row. */
  async snapshot(viewTitle) {
    return this.rows(viewTitle).evaluateAll((rows, s) =>
      rows.map((r) => ({
        label: r.querySelector(s.label)?.textContent?.trim() ?? '',
        description: r.querySelector(s.description)?.textContent?.trim() ?? '',
        level: Number(r.getAttribute(s.level)),
        expanded: r.hasAttribute(s.expanded) ? r.getAttribute(s.expanded) === 'true' : undefined,
      })),
    { label: sel.label, description: sel.description, level: sel.levelAttribute, expanded: sel.expandedAttribute });
  }
  /** The row's accessible name: the extension sets it to "<label>, <state>" for user rows. */
  async ariaLabel(row) {
    return (await row.getAttribute(sel.nameAttribute)) ?? '';
  }

  async expand(row) { await this.setExpanded(row, true); }
  async collapse(row) { await this.setExpanded(row, false); }
  /** Clicks the twistie until the row says it is expanded (or collapsed): a click during a re-render can miss. */
  async setExpanded(row, expanded) {
    await row.waitFor({ state: 'visible', timeout: this.timeoutMs });
    for (let attempt = 1; ; attempt++) {
      const now = await row.getAttribute(sel.expandedAttribute);
      if (now === null || now === String(expanded)) return;
      if (attempt > 3) throw new Error(`the row did not ${expanded ? 'expand' : 'collapse'} after 3 clicks`);
      await this.waitForStable(row);
      await this.twistie(row).click();
      await this.page.waitForFunction(
        ([el, attribute, want]) => el?.getAttribute(attribute) === want,
        [await row.elementHandle(), sel.expandedAttribute, String(expanded)],
        { timeout: 2_000 },
      ).catch(() => {});
    }
  }

  /**
   * Clicks a row whose TreeItem runs a command (an error row's Retry), until `done()` resolves true (bounded).
   * VS Code hands a row's command to the extension host under an id made for that render; a click that lands just
   * as the tree re-renders the row finds the id gone ("Actual command not found" in the console) and does nothing.
   * Only for idempotent row commands, which a user would simply click again.
   */
  async clickRowCommand(row, done, { attempts = 3, settleMs = 5_000 } = {}) {
    for (let attempt = 1; ; attempt++) {
      await this.waitForStable(row);
      await row.click();
      const deadline = Date.now() + settleMs;
      while (Date.now() < deadline) {
        if (await done()) return;
        await this.page.waitForTimeout(200);
      }
      if (attempt >= attempts || !(await row.isVisible())) return;
    }
  }
  /** An inline (hover) action of a row, by its title. */
  async clickInlineAction(row, actionLabel) {
    await row.hover();
    await row.locator(sel.inlineAction(actionLabel)).first().click();
  }

  /** Hovers a row's label and waits for its tooltip; returns the tooltip (the workbench's `parkMouse()` hides it). */
  async hover(row) {
    await this.waitForStable(row);
    await this.label(row).hover();
    const hover = this.page.locator(workbench.hover).first();
    await hover.waitFor({ state: 'visible', timeout: this.timeoutMs });
    return hover;
  }

  /** Adds rows to the selection (Ctrl+click), after a plain click on the first. */
  async select(rows) {
    await this.waitForStable(rows[0]);
    await rows[0].click();
    for (const row of rows.slice(1)) await row.click({ modifiers: [keys.addToSelection] });
  }
  /** Selects every row from `first` to `last` (a click, then Shift+click). */
  async selectRange(first, last) {
    await this.waitForStable(first);
    await first.click();
    await last.click({ modifiers: [keys.extendSelection] });
  }
  /** The selected rows' labels, in order (rendered rows only). */
  async selectedLabels(viewTitle) {
    return this.rows(viewTitle).and(this.page.locator(sel.selected)).locator(sel.label).allInnerTexts();
  }
  async isSelected(row) { return sel.selectedClass.test((await row.getAttribute('class')) ?? ''); }

  /** Waits until the row (or any element) stops moving: see pointer.mjs. */
  async waitForStable(locator, { timeoutMs = this.timeoutMs } = {}) {
    await waitForStable(this.page, locator, timeoutMs);
  }
}
