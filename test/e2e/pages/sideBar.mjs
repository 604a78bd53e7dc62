// The activity bar and the side bar: view containers, views (panes), their title actions, description, message
// and welcome content. The rows inside a view are the tree region's (tree.mjs).
import { parkMouse } from './pointer.mjs';
import { sideBar as sel } from './selectors.mjs';

export class SideBar {
  /** @param {import('playwright-core').Page} page */
  constructor(page, { timeoutMs }) {
    this.page = page;
    this.timeoutMs = timeoutMs;
  }

  activityBar() { return this.page.locator(sel.activityBar); }
  activityBarEntry(label) { return this.page.locator(sel.activityBarItem(label)); }

  /** Shows the view container (does not toggle it closed when it is already showing). */
  async openViewContainer(label) {
    const entry = this.activityBarEntry(label);
    await entry.waitFor({ state: 'visible', timeout: this.timeoutMs });
    if ((await entry.getAttribute(sel.activityBarItemShowing)) !== 'true') await entry.click();
    await this.page.locator(sel.title, { hasText: new RegExp(label, 'i') }).waitFor({ timeout: this.timeoutMs });
    await parkMouse(this.page);
  }

  /** Waits until the side bar shows no progress (e.g. the extension activating, a view loading). */
  async waitForIdle(timeoutMs = this.timeoutMs) {
    await this.page.locator(sel.busy).first().waitFor({ state: 'hidden', timeout: timeoutMs });
  }

  view(title) { return this.page.locator(sel.view(title)); }
  viewHeader(title) { return this.view(title).locator(sel.viewHeader); }
  /** The view's content (tree or welcome); visible when the view is expanded, even when its header is merged away. */
  viewBody(title) { return this.view(title).locator(sel.viewBody); }
  /** Expands a collapsed pane (a container with several views shows collapsible headers). */
  async expandView(title) {
    const header = this.viewHeader(title);
    await header.waitFor({ state: 'visible', timeout: this.timeoutMs });
    if ((await header.getAttribute(sel.viewHeaderExpanded)) === 'false') await header.click();
  }
  /** A view title-bar action where it shows: the pane header, or the side bar title when the view is alone. */
  async titleAction(viewTitle, actionLabel) {
    if (await this.viewHeader(viewTitle).isVisible()) return this.view(viewTitle).locator(sel.viewTitleAction(actionLabel)).first();
    return this.page.locator(sel.titleAction(actionLabel)).first();
  }
  /** A view title-bar action (refresh, add, filter…); hovering the header reveals them. */
  async clickViewTitleAction(viewTitle, actionLabel) {
    const header = this.viewHeader(viewTitle);
    if (await header.isVisible()) {
      await header.hover();
      await this.view(viewTitle).locator(sel.viewTitleAction(actionLabel)).first().click();
      return;
    }
    await this.page.locator(sel.title).hover();
    await this.page.locator(sel.titleAction(actionLabel)).first().click();
  }

  /** The view's description (TreeView.description) as set, and whether it is on screen. */
  async viewDescription(title) {
    const el = this.view(title).locator(sel.viewDescription).first();
    return { text: ((await el.textContent().catch(() => '')) ?? '').trim(), visible: await el.isVisible().catch(() => false) };
  }
  /** The view's message (TreeView.message), shown above its rows. */
  viewMessage(title) { return this.view(title).locator(sel.viewMessage); }

  welcomeContent(viewTitle) { return this.view(viewTitle).locator(sel.welcomeContent); }
  /** A button of a view's welcome content (`viewsWelcome`), e.g. `Start Local Sandbox`. */
  welcomeButton(viewTitle, name) { return this.welcomeContent(viewTitle).getByRole('button', { name }); }

  /** The activity bar and side bar, down to `height` pixels: a picture of the tree without the empty editor. */
  async clip({ height = 360, extraWidth = 0 } = {}) {
    const box = await this.page.locator(sel.part).boundingBox();
    if (!box) throw new Error('the side bar is not showing');
    return { x: 0, y: 0, width: Math.round(box.x + box.width + extraWidth), height };
  }
}
