// The page object for VS Code 1.100.3 (code-server 4.100.3). EVERY workbench selector the e2e scenarios use lives
// here: they change between VS Code versions, so a version bump should touch this file only.
// Only the workbench root (`.monaco-workbench`) is shared with scripts/editor/browser.mjs, which the ext-host runner uses.
import { WORKBENCH_ROOT, openWorkbench } from '../../../scripts/editor/browser.mjs';

/** Context menus ignore a mouse-up for about 100 ms after they render. */
const MENU_SETTLE_MS = 250;
/** A context menu shows within a frame or two of the right-click; one that has not after this was never opened. */
const MENU_APPEAR_MS = 3_000;
const MENU_ATTEMPTS = 3;
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
  activityBar: '.part.activitybar',
  sideBar: '.part.sidebar',
  sideBarTitle: '.part.sidebar .composite.title h2',
  sideBarBusy: '.part.sidebar .monaco-progress-container.active',
  // views (panes) and trees
  view: (title) => `.part.sidebar .pane:has(.pane-header[aria-label^="${css(title)}"])`,
  viewHeader: '.pane-header',
  viewBody: '.pane-body',
  viewTitleAction: (label) => `.pane-header .actions .action-label[aria-label^="${css(label)}"]`,
  // TreeView.description: in the pane header, which VS Code hides when the view is alone in its container.
  viewDescription: '.pane-header .description',
  // TreeView.message: above the rows, shown even when the header is merged into the side bar title.
  viewMessage: '.tree-explorer-viewlet-tree-view > .message',
  // A container with a single view merges the view's header (and its actions) into the side bar title.
  sideBarTitleAction: (label) => `.part.sidebar .composite.title .action-label[aria-label^="${css(label)}"]`,
  treeRow: '.monaco-list-row[role="treeitem"]',
  treeRowLabel: '.label-name',
  treeRowSelected: '.selected',
  treeRowDescription: '.label-description',
  treeRowTwistie: '.monaco-tl-twistie',
  treeRowInlineAction: (label) => `.actions .action-label[aria-label^="${css(label)}"]`,
  welcomeContent: '.welcome-view-content',
  // hovers: tooltips of rows and actions (the workbench's hover service)
  hover: '.workbench-hover',
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
  // the extension's webview pages (inside webviewInnerFrame); the ids are the product's, in src/webviews/pages/*.ts
  createUserForm: {
    loginId: '#loginId',
    password: '#password',
    confirm: '#confirm',
    generate: '#generate',
    toggleShow: '#toggleShow',
    submit: '#submit',
    cancel: '#cancel',
    strength: '#strength-text',
    fieldError: (id) => `#${id}-error.field-error`,
    anyFieldError: '.field-error',
    formError: '#formError',
  },
  editProjectForm: {
    page: 'body',
    name: '#name',
    loginId: '#loginId',
    password: '#password',
    apiKey: '#apiKey',
    submit: '#submit',
    saveAnyway: '#saveAnyway',
    cancel: '#cancel',
    fieldError: (id) => `#${id}-error.field-error`,
    formError: '#formError',
  },
  userDetails: {
    title: 'header h1',
    summary: '#summary',
    fields: '#fields',
    fieldRow: (key) => `#fields tr:has(th:text-is("${css(key)}"))`,
    fieldValue: 'td',
    userData: '#userData',
    actions: '#actions button',
    action: (name) => `#actions button[data-action="${css(name)}"]`,
    formError: '#formError',
  },
  // editor tabs and the active text editor's rendered lines
  editorTab: (title) => `.tabs-container .tab[aria-label^="${css(title)}"]`,
  activeEditorLines: '.editor-group-container.active .monaco-editor .view-lines',
  // the panel (Output, Problems…): the Output view's text is an editor inside it
  panelEditorLines: '.part.panel .monaco-editor .view-lines',
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
    await this.page.locator(selectors.activityBar).waitFor({ state: 'visible', timeout: 30_000 });
  }

  /** The workbench root carries the theme kind as a class: `vs` (light), `vs-dark`, `hc-black`, `hc-light`. */
  async expectTheme(kind) {
    const cls = { light: 'vs', dark: 'vs-dark', hc: 'hc-black' }[kind] ?? kind;
    await this.page.locator(`${selectors.workbench}.${cls}`).first().waitFor({ state: 'attached', timeout: this.timeoutMs });
  }

  // ---- command palette and quick input -------------------------------------------------------------------------

  /** Runs a palette command by its full title, e.g. `Medium One: Start Local Sandbox`. */
  async runCommand(title) {
    const row = this.quickPickItem(title).first();
    // An editor or view taking focus just after the palette opened closes it again: open it anew (bounded).
    for (let attempt = 1; ; attempt++) {
      await this.openPalette(`>${title}`);
      try {
        await row.waitFor({ state: 'visible', timeout: attempt < 3 ? 5_000 : this.timeoutMs });
        break;
      } catch (e) {
        if (attempt >= 3 || (await this.quickInput().isVisible())) throw e;
      }
    }
    await this.quickInputBox().press('Enter');
  }

  /** F1 opens the palette whatever the focus; `prefix` replaces its content (`>` = commands). */
  async openPalette(prefix = '>') {
    const box = this.quickInputBox();
    // A focus change right after F1 (a tree revealing a row, a view finishing its load) closes the palette again:
    // open it anew, a bounded number of times, until the text lands in a visible box.
    for (let attempt = 1; ; attempt++) {
      await this.page.keyboard.press('F1');
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
  /**
   * Clears every notification. Headless Chromium never auto-hides toasts (the page never has OS focus), and VS Code
   * shows at most three: a new one past that stays hidden in the notification center. Steps start clean with this.
   */
  async clearNotifications() {
    // The palette would replace (so cancel) an open quick pick or input box: leave the toasts then.
    if ((await this.toasts().count()) === 0 || (await this.quickInput().isVisible())) return;
    await this.runCommand('Notifications: Clear All Notifications');
    await this.toasts().first().waitFor({ state: 'hidden', timeout: this.timeoutMs }).catch(() => {});
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
    // A hover shown before stays a moment after the pointer leaves.
    await this.page.locator(selectors.hover).first().waitFor({ state: 'hidden', timeout: 2_000 }).catch(() => {});
  }

  /** Hovers a row's label and waits for its tooltip; returns the tooltip. */
  async hoverRow(row) {
    await this.waitForStable(row);
    await this.rowLabel(row).hover();
    const hover = this.page.locator(selectors.hover).first();
    await hover.waitFor({ state: 'visible', timeout: this.timeoutMs });
    return hover;
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
  /** A view title-bar action where it shows: the pane header, or the side bar title when the view is alone. */
  async titleAction(viewTitle, actionLabel) {
    if (await this.viewHeader(viewTitle).isVisible()) return this.view(viewTitle).locator(selectors.viewTitleAction(actionLabel)).first();
    return this.page.locator(selectors.sideBarTitleAction(actionLabel)).first();
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

  /** The view's description (TreeView.description) as set, and whether it is on screen. */
  async viewDescription(title) {
    const el = this.view(title).locator(selectors.viewDescription).first();
    return { text: ((await el.textContent().catch(() => '')) ?? '').trim(), visible: await el.isVisible().catch(() => false) };
  }
  /** The view's message (TreeView.message), shown above its rows. */
  viewMessage(title) { return this.view(title).locator(selectors.viewMessage); }

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
  async expandRow(row) { await this.setExpanded(row, true); }
  async collapseRow(row) { await this.setExpanded(row, false); }
  /** Clicks the twistie until the row says it is expanded (or collapsed): a click during a re-render can miss. */
  async setExpanded(row, expanded) {
    await row.waitFor({ state: 'visible', timeout: this.timeoutMs });
    for (let attempt = 1; ; attempt++) {
      const now = await row.getAttribute('aria-expanded');
      if (now === null || now === String(expanded)) return;
      if (attempt > 3) throw new Error(`the row did not ${expanded ? 'expand' : 'collapse'} after 3 clicks`);
      await this.waitForStable(row);
      await this.rowTwistie(row).click();
      await this.page.waitForFunction(
        ([el, want]) => el?.getAttribute('aria-expanded') === want,
        [await row.elementHandle(), String(expanded)],
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
    await row.locator(selectors.treeRowInlineAction(actionLabel)).first().click();
  }

  /** Adds rows to the selection (Ctrl+click), after a plain click on the first. */
  async selectRows(rows) {
    await this.waitForStable(rows[0]);
    await rows[0].click();
    for (const row of rows.slice(1)) await row.click({ modifiers: ['Control'] });
  }
  /** Selects every row from `first` to `last` (a click, then Shift+click). */
  async selectRange(first, last) {
    await this.waitForStable(first);
    await first.click();
    await last.click({ modifiers: ['Shift'] });
  }
  /** The selected rows' labels, in order (rendered rows only). */
  async selectedLabels(viewTitle) {
    return this.treeRows(viewTitle).and(this.page.locator(selectors.treeRowSelected)).locator(selectors.treeRowLabel).allInnerTexts();
  }
  async isSelected(row) { return /\bselected\b/.test((await row.getAttribute('class')) ?? ''); }

  /**
   * Waits until the element stops moving. Trees recycle their row elements when they re-render: a click aimed at a
   * row that is being re-rendered lands on whatever row the element shows next.
   */
  async waitForStable(locator, { timeoutMs = this.timeoutMs } = {}) {
    const deadline = Date.now() + timeoutMs;
    let last = '';
    for (;;) {
      const box = JSON.stringify(await locator.boundingBox({ timeout: timeoutMs }).catch(() => null));
      if (box !== 'null' && box === last) return;
      if (Date.now() > deadline) return;
      last = box;
      await this.page.waitForTimeout(120);
    }
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

  /**
   * Right-clicks `target`, waits for the menu to accept clicks, and returns it. Two races are retried (bounded):
   * a right-click on a row element the tree is just recycling opens no menu at all, and a row re-rendered under
   * the pointer gets the menu of another row (VS Code focuses the right-clicked row, so the focus tells).
   */
  async openContextMenu(target) {
    const isRow = (await target.getAttribute('role', { timeout: this.timeoutMs })) === 'treeitem';
    const menu = this.page.locator(selectors.contextMenu).first();
    for (let attempt = 1; ; attempt++) {
      const last = attempt >= MENU_ATTEMPTS;
      if (isRow) await this.waitForStable(target);
      await target.click({ button: 'right' });
      try {
        await menu.waitFor({ state: 'visible', timeout: last ? this.timeoutMs : MENU_APPEAR_MS });
      } catch (e) {
        if (last) throw new Error(`no context menu opened after ${MENU_ATTEMPTS} right-clicks on ${target}`, { cause: e });
        continue;
      }
      await this.page.waitForTimeout(MENU_SETTLE_MS);
      const focused = !isRow || /\bfocused\b/.test((await target.getAttribute('class').catch(() => '')) ?? '');
      if (focused || last) return menu;
      await this.page.keyboard.press('Escape');
      await menu.waitFor({ state: 'hidden', timeout: this.timeoutMs });
    }
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

  /**
   * The parts of one of the extension's webview pages (call while it is the visible one): each selector of the
   * page's map as a locator, and each selector function (`fieldError(id)`, …) as a function returning one.
   */
  webviewPage(map) {
    const doc = this.webview();
    return Object.fromEntries(Object.entries(map).map(([name, sel]) =>
      [name, typeof sel === 'function' ? (...args) => doc.locator(sel(...args)) : doc.locator(sel)]));
  }

  /** The create-user form: its inputs and buttons, `fieldError(id)`, and the field messages showing text. */
  createUserForm() {
    const form = this.webviewPage(selectors.createUserForm);
    return { ...form, shownFieldErrors: () => form.anyFieldError.filter({ hasText: /\S/ }) };
  }

  /** The edit-project form: its inputs and buttons, `fieldError(id)`, `formError`, the whole `page`. */
  editProjectForm() { return this.webviewPage(selectors.editProjectForm); }

  /** The user-details page; `field(key)` is the value cell of one field row, e.g. `mqtt_id`. */
  userDetails() {
    const d = selectors.userDetails;
    const page = this.webviewPage(d);
    return { ...page, field: (key) => page.fieldRow(key).locator(d.fieldValue) };
  }

  editorTab(title) { return this.page.locator(selectors.editorTab(title)); }
  /** The rendered text of the active editor (only the lines on screen: keep what is asserted near the top). */
  activeEditorText() { return this.page.locator(selectors.activeEditorLines).first(); }
  /** The rendered text of the panel's editor, e.g. the Output view (it scrolls to the newest lines). */
  panelText() { return this.page.locator(selectors.panelEditorLines).first(); }

  /**
   * Answers a file dialog. In a browser, VS Code's open and save dialogs are its "simple" file dialog: a quick input
   * whose box holds a path. It replaces the path with `filePath` and accepts it.
   */
  async answerFileDialog(filePath, title) {
    if (title) await this.quickInputTitle().filter({ hasText: title }).first().waitFor({ state: 'visible', timeout: this.timeoutMs });
    const box = this.quickInputBox();
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
    await box.press('Enter');
  }

  /** The activity bar and side bar, down to `height` pixels: a picture of the tree without the empty editor. */
  async sideBarClip({ height = 360, extraWidth = 0 } = {}) {
    const box = await this.page.locator(selectors.sideBar).boundingBox();
    if (!box) throw new Error('the side bar is not showing');
    return { x: 0, y: 0, width: Math.round(box.x + box.width + extraWidth), height };
  }
  statusBarItem(label) { return this.page.locator(selectors.statusBarItem(label)); }
}
