// The extension's webview pages: the create-user form, the edit-project form and the user-details page, each as
// a map of locators inside the visible webview (VS Code's outer iframe, then its `#active-frame`).
import { EXTENSION_ID } from '../harness/extension.mjs';
import * as sel from './selectors.mjs';

export class WebviewForms {
  /** @param {import('playwright-core').Page} page */
  constructor(page) {
    this.page = page;
  }

  /** The document of the extension's visible webview. */
  document(extensionId = EXTENSION_ID) {
    return this.page.frameLocator(sel.webview.frame(extensionId)).frameLocator(sel.webview.innerFrame);
  }

  /**
   * The parts of one of the extension's webview pages (call while it is the visible one): each selector of the
   * page's map as a locator, and each selector function (`fieldError(id)`, …) as a function returning one.
   */
  pageParts(map) {
    const doc = this.document();
    return Object.fromEntries(Object.entries(map).map(([name, s]) =>
      [name, typeof s === 'function' ? (...args) => doc.locator(s(...args)) : doc.locator(s)]));
  }

  /** The create-user form: its inputs and buttons, `fieldError(id)`, and the field messages showing text. */
  createUserForm() {
    const form = this.pageParts(sel.createUserForm);
    return { ...form, shownFieldErrors: () => form.anyFieldError.filter({ hasText: /\S/ }) };
  }

  /** The edit-project form: its inputs and buttons, `fieldError(id)`, `formError`, the whole `page`. */
  editProjectForm() { return this.pageParts(sel.editProjectForm); }

  /** The user-details page; `field(key)` is the value cell of one field row, e.g. `mqtt_id`. */
  userDetails() {
    const page = this.pageParts(sel.userDetails);
    return { ...page, field: (key) => page.fieldRow(key).locator(sel.userDetails.fieldValue) };
  }
}
