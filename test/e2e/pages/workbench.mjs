// The page object for VS Code 1.100.3 (code-server 4.100.3). EVERY workbench selector the e2e scenarios use lives
// here: they change between VS Code versions, so a version bump should touch this file only.
// Only the workbench root (`.monaco-workbench`) is shared with scripts/editor/browser.mjs, which the ext-host runner uses.
import { WORKBENCH_ROOT, openWorkbench } from '../../../scripts/editor/browser.mjs';

/** Context menus ignore a mouse-up for about 100 ms after they render. */
const MENU_SETTLE_MS = 250;
const DEFAULT_TIMEOUT_MS = 15_000;

export const EXTENSION_ID = 'mediumone-tools.mediumone-api-users';

const css = (s) => s.replace(/["\\]/g, '\\$&');
const exact = (text) => new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);

export const selectors = {
  workbench: WORKBENCH_ROOT,
  // palette and quick input (quick picks, input boxes)
  quickInput: '.quick-input-widget',
  quickInputBox: '.quick-input-widget .quick-input-box input',
  quickInputRows: '.quick-input-widget .quick-input-list .monaco-list-row',
  quickInputRowLabel: '.quick-input-list-label .label-name',
  quickInputMessage: '.quick-input-widget .quick-input-message',
  // notifications (toasts auto-hide: assert promptly) and the notification center
  toast: '.notifications-toasts .notification-list-item',
  toastMessage: '.notification-list-item-message',
  notificationCenterItem: '.notifications-center .notification-list-item',
  // activity bar and side bar
  activityBarItem: (label) => `.part.activitybar .action-item[role="tab"]:has(.action-label[aria-label^="${css(label)}"])`,
  sideBarTitle: '.part.sidebar .composite.title h2',
  sideBarBusy: '.part.sidebar .monaco-progress-container.active',
  // views (panes) and trees
  view: (title) => `.part.sidebar .pane:has(.pane-header[aria-label^="${css(title)}"])`,
  viewHeader: '.pane-header',
  viewBody: '.pane-body',
  viewTitleAction: (label) => `.pane-header .actions .action-label[aria-label^="${css(label)}"]`,
  // A container with a single view merges the view's header (and its actions) into the side bar title.
  sideBarTitleAction: (label) => `.part.sidebar .composite.title .action-label[aria-label^="${css(label)}"]`,
  treeRow: '.monaco-list-row[role="treeitem"]',
  treeRowLabel: '.label-name',
  treeRowDescription: '.label-description',
  treeRowTwistie: '.monaco-tl-twistie',
  treeRowInlineAction: (label) => `.actions .action-label[aria-label^="${css(label)}"]`,
  welcomeContent: '.welcome-view-content',
  quickInputTitle: '.quick-input-widget .quick-input-title',
  // modal dialogs (showWarningMessage with modal: true)
  dialog: '.monaco-dialog-box',
  dialogMessage: '.dialog-message-text',
  dialogDetail: '.dialog-message-detail',
  dialogButton: '.dialog-buttons .monaco-button',
  // context menus (rendered in an open shadow root: Playwright locators pierce it)
  contextMenu: '.context-view .monaco-menu',
  menuItemLabel: '.action-label',
  // webviews: outer iframe per panel, inner #active-frame holds the extension's document
  webviewFrame: (extensionId) => `iframe.webview.ready[src*="extensionId=${css(extensionId)}"]`,
  webviewInnerFrame: '#active-frame',
  // editor tabs
  editorTab: (title) => `.tabs-container .tab[aria-label^="${css(title)}"]`,
  // status bar
  statusBarItem: (label) => `.part.statusbar .statusbar-item:has([aria-label*="${css(label)}"])`,
};

export class Workbench {
  /** @param {import('playwright-core').Page} page */
  constructor(page, { timeoutMs = DEFAULT_TIMEOUT_MS } = {}) {
    this.page = page;
    this.timeoutMs = timeoutMs;
  }

  /** Navigates and waits for the workbench to render. */
  async open(url) {
    await openWorkbench(this.page, url);
    // The activity bar renders once the layout is restored; scenarios start from there.
    await this.page.locator('.part.activitybar').waitFor({ state: 'visible', timeout: 30_000 });
  }

  /** The workbench root carries the theme kind as a class: `vs` (light), `vs-dark`, `hc-black`, `hc-light`. */
  async expectTheme(kind) {
    const cls = { light: 'vs', dark: 'vs-dark' }[kind] ?? kind;
    await this.page.locator(`${selectors.workbench}.${cls}`).first().waitFor({ state: 'attached', timeout: this.timeoutMs });
  }

  // ---- command palette and quick input -------------------------------------------------------------------------

  /** Runs a palette command by its full title, e.g. `Medium One: Start Local Sandbox`. */
  async runCommand(title) {
    await this.openPalette(`>${title}`);
    const row = this.quickPickItem(title);
    await row.first().waitFor({ state: 'visible', timeout: this.timeoutMs });
    await this.quickInputBox().press('Enter');
  }

  /** F1 opens the palette whatever the focus; `prefix` replaces its content (`>` = commands). */
  async openPalette(prefix = '>') {
    await this.page.keyboard.press('F1');
    const box = this.quickInputBox();
    await box.waitFor({ state: 'visible', timeout: this.timeoutMs });
    await box.fill(prefix);
  }

  quickInput() { return this.page.locator(selectors.quickInput); }
  quickInputBox() { return this.page.locator(selectors.quickInputBox); }
  /** Visible quick pick rows (the list renders only what is on screen). */
  quickPickRows() { return this.page.locator(selectors.quickInputRows); }
  /** The quick pick row whose label is exactly `label`. */
  quickPickItem(label) {
    return this.quickPickRows().filter({ has: this.page.locator(selectors.quickInputRowLabel, { hasText: exact(label) }) });
  }
  async quickPickLabels() {
    return this.quickPickRows().locator(selectors.quickInputRowLabel).allInnerTexts();
  }
  /** Types into an open input box / quick pick and accepts it. */
  async quickInputSubmit(text) {
    const box = this.quickInputBox();
    await box.waitFor({ state: 'visible', timeout: this.timeoutMs });
    if (text !== undefined) await box.fill(text);
    await box.press('Enter');
  }
  async pickQuickItem(label) {
    const row = this.quickPickItem(label).first();
    await row.waitFor({ state: 'visible', timeout: this.timeoutMs });
    await row.click();
  }
  /** Waits for the input box whose prompt matches, then types the answer and accepts it. */
  async answerInput(prompt, text) {
    await this.quickInputMessage().filter({ hasText: prompt }).first().waitFor({ state: 'visible', timeout: this.timeoutMs });
    await this.quickInputBox().fill(text);
    await this.quickInputBox().press('Enter');
  }
  /** Waits for the quick pick whose title matches (when given), then picks the item. */
  async answerPick(label, title) {
    if (title) await this.page.locator(selectors.quickInputTitle).filter({ hasText: title }).first().waitFor({ state: 'visible', timeout: this.timeoutMs });
    await this.pickQuickItem(label);
  }
  quickInputTitle() { return this.page.locator(selectors.quickInputTitle); }
  /** The validation / prompt text under the input box. */
  quickInputMessage() { return this.page.locator(selectors.quickInputMessage); }
  async closeQuickInput() {
    if (await this.quickInput().isVisible()) await this.page.keyboard.press('Escape');
  }

  // ---- notifications -------------------------------------------------------------------------------------------

  toasts() { return this.page.locator(selectors.toast); }
  /** The toast whose message matches (string = substring, or a RegExp); waits for it. */
  async waitForNotification(text, { timeoutMs = this.timeoutMs } = {}) {
    const toast = this.toasts().filter({ has: this.page.locator(selectors.toastMessage, { hasText: text }) }).first();
    await toast.waitFor({ state: 'visible', timeout: timeoutMs });
    return toast;
  }
  async notificationMessages() {
    return this.page.locator(`${selectors.toast} ${selectors.toastMessage}`).allInnerTexts();
  }
  /** A button of a toast (e.g. `Retry`, `Show Log`). */
  notificationButton(toast, name) { return toast.getByRole('button', { name }); }

  // ---- activity bar, side bar, views ---------------------------------------------------------------------------

  activityBarEntry(label) { return this.page.locator(selectors.activityBarItem(label)); }

  /** Shows the view container (does not toggle it closed when it is already showing). */
  async openViewContainer(label) {
    const entry = this.activityBarEntry(label);
    await entry.waitFor({ state: 'visible', timeout: this.timeoutMs });
    if ((await entry.getAttribute('aria-selected')) !== 'true') await entry.click();
    await this.page.locator(selectors.sideBarTitle, { hasText: new RegExp(label, 'i') }).waitFor({ timeout: this.timeoutMs });
    await this.parkMouse();
  }

  /** Moves the pointer to an empty spot of the editor area, so no hover tooltip sits in the next screenshot. */
  async parkMouse() {
    const size = this.page.viewportSize() ?? { width: 1400, height: 900 };
    await this.page.mouse.move(size.width - 20, Math.round(size.height * 0.75));
  }

  /** Waits until the side bar shows no progress (e.g. the extension activating, a view loading). */
  async waitForSideBarIdle(timeoutMs = this.timeoutMs) {
    await this.page.locator(selectors.sideBarBusy).first().waitFor({ state: 'hidden', timeout: timeoutMs });
  }

  view(title) { return this.page.locator(selectors.view(title)); }
  viewHeader(title) { return this.view(title).locator(selectors.viewHeader); }
  /** The view's content (tree or welcome); visible when the view is expanded, even when its header is merged away. */
  viewBody(title) { return this.view(title).locator(selectors.viewBody); }
  /** Expands a collapsed pane (a container with several views shows collapsible headers). */
  async expandView(title) {
    const header = this.viewHeader(title);
    await header.waitFor({ state: 'visible', timeout: this.timeoutMs });
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
  }
  /** A view title-bar action (refresh, add, filter…); hovering the header reveals them. */
  async clickViewTitleAction(viewTitle, actionLabel) {
    const header = this.viewHeader(viewTitle);
    if (await header.isVisible()) {
      await header.hover();
      await this.view(viewTitle).locator(selectors.viewTitleAction(actionLabel)).first().click();
      return;
    }
    await this.page.locator(selectors.sideBarTitle).hover();
    await this.page.locator(selectors.sideBarTitleAction(actionLabel)).first().click();
  }

  // ---- tree rows -----------------------------------------------------------------------------------------------

  /** Rendered tree rows of a view (trees render only visible rows). */
  treeRows(viewTitle) { return this.view(viewTitle).locator(selectors.treeRow); }
  /** The row whose label is exactly `label`. */
  treeRow(viewTitle, label) {
    return this.treeRows(viewTitle).filter({ has: this.page.locator(selectors.treeRowLabel, { hasText: exact(label) }) }).first();
  }
  rowLabel(row) { return row.locator(selectors.treeRowLabel).first(); }
  rowDescription(row) { return row.locator(selectors.treeRowDescription).first(); }
  rowTwistie(row) { return row.locator(selectors.treeRowTwistie).first(); }
  /** Labels of the rendered rows, in order. */
  async treeLabels(viewTitle) {
    return this.treeRows(viewTitle).locator(selectors.treeRowLabel).allInnerTexts();
  }
  /** `{ label, description, level, expanded }` of each rendered row. */
  async treeSnapshot(viewTitle) {
    return this.treeRows(viewTitle).evaluateAll((rows, sel) =>
      rows.map((r) => ({
        label: r.querySelector(sel.label)?.textContent?.trim() ?? '',
        description: r.querySelector(sel.description)?.textContent?.trim() ?? '',
        level: Number(r.getAttribute('aria-level')),
        expanded: r.hasAttribute('aria-expanded') ? r.getAttribute('aria-expanded') === 'true' : undefined,
      })),
    { label: selectors.treeRowLabel, description: selectors.treeRowDescription });
  }
  /** The row's accessible name: the extension sets it to "<label>, <state>" for user rows. */
  async rowAriaLabel(row) {
    return (await row.getAttribute('aria-label')) ?? '';
  }
  async expandRow(row) {
    await row.waitFor({ state: 'visible', timeout: this.timeoutMs });
    if ((await row.getAttribute('aria-expanded')) === 'false') await this.rowTwistie(row).click();
  }
  async collapseRow(row) {
    if ((await row.getAttribute('aria-expanded')) === 'true') await this.rowTwistie(row).click();
  }
  /** An inline (hover) action of a row, by its title. */
  async clickInlineAction(row, actionLabel) {
    await row.hover();
    await row.locator(selectors.treeRowInlineAction(actionLabel)).first().click();
  }

  /** Adds rows to the selection (Ctrl+click), after a plain click on the first. */
  async selectRows(rows) {
    await rows[0].click();
    for (const row of rows.slice(1)) await row.click({ modifiers: ['Control'] });
  }

  // ---- modal dialogs -------------------------------------------------------------------------------------------

  dialog() { return this.page.locator(selectors.dialog); }
  async dialogText() {
    const d = this.dialog();
    await d.waitFor({ state: 'visible', timeout: this.timeoutMs });
    return { message: await d.locator(selectors.dialogMessage).innerText(), detail: await d.locator(selectors.dialogDetail).innerText().catch(() => '') };
  }
  async clickDialogButton(name) {
    await this.dialog().locator(selectors.dialogButton, { hasText: name }).first().click();
  }

  // ---- context menus -------------------------------------------------------------------------------------------

  /** Right-clicks `target`, waits for the menu to accept clicks, and returns the menu's item names. */
  async openContextMenu(target) {
    await target.click({ button: 'right' });
    const menu = this.page.locator(selectors.contextMenu).first();
    await menu.waitFor({ state: 'visible', timeout: this.timeoutMs });
    await this.page.waitForTimeout(MENU_SETTLE_MS);
    return menu;
  }
  /** Item labels of the open context menu (without their keybindings). */
  async contextMenuItems() {
    return this.page.locator(selectors.contextMenu).getByRole('menuitem').locator(selectors.menuItemLabel).allInnerTexts();
  }
  /** Right-click `target`, then choose the item named `name`. */
  async chooseContextMenuItem(target, name) {
    const menu = await this.openContextMenu(target);
    await menu.getByRole('menuitem', { name }).first().click();
  }

  // ---- welcome views, webviews, editors ------------------------------------------------------------------------

  /** A button of a view's welcome content (`viewsWelcome`), e.g. `Start Local Sandbox`. */
  welcomeButton(viewTitle, name) {
    return this.view(viewTitle).locator(selectors.welcomeContent).getByRole('button', { name });
  }
  welcomeContent(viewTitle) { return this.view(viewTitle).locator(selectors.welcomeContent); }

  /** The document of the extension's visible webview (outer iframe, then `#active-frame`). */
  webview(extensionId = EXTENSION_ID) {
    return this.page.frameLocator(selectors.webviewFrame(extensionId)).frameLocator(selectors.webviewInnerFrame);
  }

  editorTab(title) { return this.page.locator(selectors.editorTab(title)); }
  statusBarItem(label) { return this.page.locator(selectors.statusBarItem(label)); }
}
