// The e2e page object: the workbench as a set of regions, one file each, over one selectors file (selectors.mjs,
// the only file a VS Code / code-server version bump should touch). Scenarios read `workbench.<region>.<action>`,
// e.g. `workbench.tree.row(VIEW, 'device-001')`, `workbench.quickInput.runCommand('Medium One: …')`.
import { openWorkbench } from '../../../scripts/editor/browser.mjs';
import { ContextMenu } from './contextMenu.mjs';
import { Editors } from './editors.mjs';
import { FileDialog } from './fileDialog.mjs';
import { ModalDialog } from './modalDialog.mjs';
import { Notifications } from './notifications.mjs';
import { parkMouse } from './pointer.mjs';
import { QuickInput } from './quickInput.mjs';
import { workbench as sel } from './selectors.mjs';
import { SideBar } from './sideBar.mjs';
import { Tree } from './tree.mjs';
import { WebviewForms } from './webviewForms.mjs';

const DEFAULT_TIMEOUT_MS = 15_000;

export class Workbench {
  /** @param {import('playwright-core').Page} page */
  constructor(page, { timeoutMs = DEFAULT_TIMEOUT_MS } = {}) {
    this.page = page;
    this.timeoutMs = timeoutMs;
    const deps = { timeoutMs };
    /** The command palette, quick picks and input boxes. */
    this.quickInput = new QuickInput(page, deps);
    /** Notification toasts. */
    this.notifications = new Notifications(page, { ...deps, quickInput: this.quickInput });
    /** The activity bar, view containers, views, their title actions and welcome content. */
    this.sideBar = new SideBar(page, deps);
    /** The rows of tree views. */
    this.tree = new Tree(page, { ...deps, sideBar: this.sideBar });
    /** Right-click menus. */
    this.contextMenu = new ContextMenu(page, deps);
    /** Modal dialogs. */
    this.modal = new ModalDialog(page, deps);
    /** Open and save dialogs. */
    this.fileDialog = new FileDialog(page, { ...deps, quickInput: this.quickInput });
    /** The extension's webview pages (create-user form, edit-project form, user details). */
    this.webview = new WebviewForms(page);
    /** Editors, the panel's Output and the status bar. */
    this.editors = new Editors(page);
  }

  /** Navigates and waits for the workbench to render. */
  async open(url) {
    await openWorkbench(this.page, url);
    // The activity bar renders once the layout is restored; scenarios start from there.
    await this.sideBar.activityBar().waitFor({ state: 'visible', timeout: 30_000 });
  }

  /** The workbench root carries the theme kind as a class: `vs` (light), `vs-dark`, `hc-black`, `hc-light`. */
  async expectTheme(kind) {
    const cls = sel.themeClass[kind] ?? kind;
    await this.page.locator(`${sel.root}.${cls}`).first().waitFor({ state: 'attached', timeout: this.timeoutMs });
  }

  /**
   * The text on the browser's clipboard, where VS Code's clipboard (vscode.env.clipboard) writes in code-server.
   * Headless Chromium grants the Clipboard API only with the permissions given here, and only to a focused page.
   */
  async clipboardText() {
    await this.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(this.page.url()).origin });
    await this.page.bringToFront();
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  /** Grants the page the Clipboard API before a command writes to it (else VS Code keeps the text to itself). */
  async allowClipboard() {
    await this.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(this.page.url()).origin });
  }

  /** Moves the pointer where no tooltip shows, before a screenshot. */
  async parkMouse() { await parkMouse(this.page); }
}
