// The packaged extension loads in code-server: its activity-bar container opens and shows the "API Users" view.
import { expectVisible } from '../harness/expect.mjs';

export const title = 'smoke: Medium One container shows the API Users view';
/** 01-sandbox opens the same view in both themes; this quick check runs once. */
export const themes = ['light'];

/** @param {import('../harness/types').ScenarioContext} ctx */
export default async function smoke({ workbench, shot }) {
  await expectVisible(workbench.sideBar.activityBarEntry('Medium One'), 'the "Medium One" activity-bar entry');
  await workbench.sideBar.openViewContainer('Medium One');
  await expectVisible(workbench.sideBar.view('API Users'), 'the "API Users" view');
  await expectVisible(workbench.sideBar.viewBody('API Users'), 'the "API Users" view content');
  await workbench.sideBar.waitForIdle();
  await shot('api-users-view');
}
