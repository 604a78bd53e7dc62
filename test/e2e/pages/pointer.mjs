// Where the pointer goes and when it may click, for every region: wait for a target to stop moving before a click
// (tree rows, menu targets), and park the pointer where no tooltip shows up in a screenshot.
import { workbench } from './selectors.mjs';

/**
 * Waits until the element's box stops changing (or `timeoutMs` passes). Trees recycle their row elements when they
 * re-render: a click aimed at a row that is being re-rendered lands on whatever row the element shows next.
 * @param {import('playwright-core').Page} page
 * @param {import('playwright-core').Locator} locator
 */
export async function waitForStable(page, locator, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    const box = JSON.stringify(await locator.boundingBox({ timeout: timeoutMs }).catch(() => null));
    if (box !== 'null' && box === last) return;
    if (Date.now() > deadline) return;
    last = box;
    await page.waitForTimeout(120);
  }
}

/**
 * Moves the pointer to an empty spot of the editor area, so no hover tooltip sits in the next screenshot.
 * @param {import('playwright-core').Page} page
 */
export async function parkMouse(page) {
  const size = page.viewportSize() ?? { width: 1400, height: 900 };
  await page.mouse.move(size.width - 20, Math.round(size.height * 0.75));
  // A hover shown before stays a moment after the pointer leaves.
  await page.locator(workbench.hover).first().waitFor({ state: 'hidden', timeout: 2_000 }).catch(() => {});
}
