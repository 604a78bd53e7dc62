// Issue 13, the Getting started walkthrough as a newcomer meets it in the installed .vsix: "Medium One: Get Started"
// opens it on the Welcome page (not VS Code's own), its first step's button starts the Local Sandbox, and the step
// is then ticked off by its completionEvents (onCommand:mediumOne.startSandbox).
import assert from 'node:assert/strict';
import { eventually, expectVisible } from '../harness/expect.mjs';
import { SEED, VIEW } from '../harness/flows.mjs';

export const title = 'walkthrough: Get Started opens it, its first step starts the Local Sandbox and is ticked off';
export const timeoutMs = 120_000;
/** The Welcome page looks the same in every theme. */
export const themes = ['light'];

/** The walkthrough's texts, as package.nls.json gives them. */
const WALKTHROUGH = 'Get started with Medium One API Users';
const FIRST_STEP = 'Start the Local Sandbox';

/** @param {import('../harness/types').ScenarioContext} ctx */
export default async function walkthrough({ workbench, shot, step }) {
  const page = workbench.page;
  /** The walkthrough's step buttons (VS Code's Welcome page: one `.getting-started-step` per step). */
  const stepButton = (name) => page.locator('.getting-started-step').filter({ hasText: name }).first();

  await step('1. Medium One: Get Started opens this extension\'s walkthrough with its four steps', async () => {
    // The palette lists the extension's commands once the editor has loaded it: its view container shows that.
    await workbench.sideBar.openViewContainer('Medium One');
    await expectVisible(workbench.sideBar.view(VIEW), `the "${VIEW}" view`, 30_000);
    await workbench.quickInput.runCommand('Medium One: Get Started');
    await expectVisible(page.getByText(WALKTHROUGH, { exact: true }).first(), `the walkthrough "${WALKTHROUGH}"`, 30_000);
    for (const name of [FIRST_STEP, 'Add your project', 'Create a user', 'Import users from CSV']) {
      await expectVisible(stepButton(name), `the walkthrough step "${name}"`);
    }
    await shot('walkthrough');
  });

  await step('2. the first step\'s button starts the Local Sandbox, and the step is ticked off', async () => {
    await stepButton(FIRST_STEP).click();
    await page.locator('.getting-started-step.expanded a, .getting-started-step.expanded button').filter({ hasText: 'Start Local Sandbox' }).first().click();
    await expectVisible(workbench.tree.row(VIEW, SEED.project), 'the "Local Sandbox" project row', 30_000);
    // completionEvents: the step's checkbox turns into a tick once its command has run.
    await eventually(async () => {
      const done = await stepButton(FIRST_STEP).locator('.codicon-pass-filled, .complete').count();
      assert.ok(done > 0, `the step "${FIRST_STEP}" is ticked off`);
    }, { message: 'the first step is marked done' });
    await shot('walkthrough step done');
  });
}
