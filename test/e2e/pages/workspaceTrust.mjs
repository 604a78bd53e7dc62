// Workspace trust: whether the window is in Restricted Mode, and trusting it the way a user does (Manage Workspace
// Trust, then Trust in its editor).
import { workspaceTrust as sel } from './selectors.mjs';

export class WorkspaceTrust {
  /** @param {import('./workbench.mjs').Workbench} workbench */
  constructor(workbench) {
    this.workbench = workbench;
    this.page = workbench.page;
  }

  /** The status bar's Restricted Mode entry (shown while the window is not trusted). */
  restrictedIndicator() { return this.workbench.editors.statusBarItem(sel.restrictedStatus); }

  /** Opens Manage Workspace Trust from the palette and presses Trust (see `trustInEditor`). */
  async trust() {
    await this.workbench.quickInput.runCommand(sel.manageCommand);
    await this.trustInEditor();
  }

  /** In the Workspace Trust editor (opened by a link or the palette), presses Trust; returns once it took effect. */
  async trustInEditor() {
    const editor = this.page.locator(sel.editor).first();
    await editor.waitFor({ state: 'visible', timeout: this.workbench.timeoutMs });
    await editor.getByRole('button', { name: sel.trustButton }).first().click();
    await this.restrictedIndicator().first().waitFor({ state: 'hidden', timeout: this.workbench.timeoutMs });
  }
}
