// Issue 13, Japanese: the editor started with `--locale ja` (scripts/editor/codeServer.mjs registers an empty language
// pack, since the Marketplace's cannot be installed offline: VS Code's own texts stay English) and the extension in
// Japanese throughout: the welcome view, the tree and its states, a context menu, the activity history and its Undo, a
// palette command, the create-user form (a webview) and the notifications. Every text asserted here is the translation
// in package.nls.ja.json or l10n/bundle.l10n.ja.json, so a string that falls back to English fails the step showing it.
import assert from 'node:assert/strict';
import { eventually, expectText, expectVisible } from '../harness/expect.mjs';
import { SEED } from '../harness/flows.mjs';
import { ActivityView } from '../pages/activityView.mjs';

export const title = 'japanese: --locale ja, the Local Sandbox tree, a context menu, Show Activity and Undo, the create-user form and notifications in Japanese';
export const timeoutMs = 150_000;
export const themes = ['light'];
export const locale = 'ja';

/** The view's title in package.nls.ja.json ("view.users"). */
const VIEW = 'API ユーザー';
/** The user states of the tree (l10n "enabled" / "disabled"), as the rows' accessible names end. */
const STATE = { enabled: '有効', disabled: '無効' };

/** @param {import('../harness/types').ScenarioContext} ctx */
export default async function japanese({ workbench, shot, step, secret }) {
  const row = (label) => workbench.tree.row(VIEW, label);
  const activity = new ActivityView(workbench);
  const userLabels = async () => (await workbench.tree.labels(VIEW)).filter((l) => l.startsWith('device-'));
  const stateOf = async (loginId) => {
    const label = await workbench.tree.ariaLabel(row(loginId));
    assert.ok(label.startsWith(`${loginId}, `), `"${loginId}" row's accessible name is "<login_id>, <state>" (got "${label}")`);
    return label.slice(loginId.length + 2);
  };
  const expectState = (loginId, state) =>
    eventually(async () => assert.equal(await stateOf(loginId), state), { timeoutMs: 15_000, message: `"${loginId}" shows ${state}` });

  await step('the welcome view in Japanese: Start Local Sandbox and Add Project buttons', async () => {
    await workbench.sideBar.openViewContainer('Medium One');
    await expectVisible(workbench.sideBar.welcomeButton(VIEW, 'ローカル サンドボックスを開始'), 'the "ローカル サンドボックスを開始" button');
    await expectVisible(workbench.sideBar.welcomeButton(VIEW, 'プロジェクトを追加'), 'the "プロジェクトを追加" button');
    await expectVisible(workbench.sideBar.welcomeContent(VIEW).getByText('Medium One のプロジェクトがまだありません'), 'the welcome text');
    await shot('welcome view');
  });

  await step('Start Local Sandbox: the tree in Japanese, its role, states and the notification', async () => {
    await workbench.sideBar.welcomeButton(VIEW, 'ローカル サンドボックスを開始').click();
    await expectVisible(row(SEED.project), 'the "Local Sandbox" project row', 30_000);
    assert.equal(await workbench.tree.description(row(SEED.project)).innerText(), 'ビジネス', 'the project row: its role');
    await workbench.notifications.waitFor(/ローカル サンドボックスを .* で実行中です/);
    await workbench.tree.expand(row(SEED.project));
    await eventually(async () => assert.deepEqual(await userLabels(), SEED.devices), { message: 'the seeded users are listed' });
    await expectState('device-004', STATE.disabled);
    assert.equal(await stateOf('device-001'), STATE.enabled);
    await workbench.parkMouse();
    await shot('sandbox users');
  });

  await step('a user row\'s context menu in Japanese; 無効化 disables it, with a Japanese notification', async () => {
    const menu = await workbench.contextMenu.open(row('device-001'));
    const items = await workbench.contextMenu.items();
    for (const item of ['ユーザーの詳細を表示', 'パスワードを変更…', 'ユーザーを無効化', 'ユーザーを削除…', 'ログイン ID をコピー']) {
      assert.ok(items.includes(item), `the menu offers "${item}" (got ${JSON.stringify(items)})`);
    }
    assert.ok(!items.includes('Disable User'), 'no English item');
    await shot('context menu', { readme: 'japanese.png', clip: await workbench.sideBar.clip({ height: 420, extraWidth: 330 }) });
    await menu.getByRole('menuitem', { name: 'ユーザーを無効化' }).first().click();
    await workbench.notifications.waitFor('"device-001" を無効化しました。');
    await expectState('device-001', STATE.disabled);
    await workbench.parkMouse();
    await shot('disabled notification');
  });

  await step('Show Activity in Japanese: the disable recorded as 無効化 / 成功, and 元に戻す enables the user again', async () => {
    await workbench.quickInput.runCommand('Medium One: アクティビティを表示');
    await expectVisible(activity.rowLocators(), 'the activity table', 20_000);
    await eventually(async () => {
      const rows = await activity.rows();
      assert.equal(rows.length, 1, JSON.stringify(rows));
      assert.deepEqual([rows[0].loginId, rows[0].action, rows[0].outcome], ['device-001', '無効化', '成功']);
      assert.ok(rows[0].buttons.includes('元に戻す'), `the row offers 元に戻す (got ${JSON.stringify(rows[0].buttons)})`);
    }, { message: 'the disable is listed in Japanese' });
    await expectText(activity.parts().summary, '1 件のエントリ (新しい順)。', 'the summary line');
    await shot('show activity');
    await activity.clickInRow(activity.row('device-001', '無効化'), '元に戻す');
    await workbench.notifications.waitFor('"device-001" を有効化しました。');
    await expectState('device-001', STATE.enabled);
    await workbench.quickInput.runCommand('View: Close All Editors');
  });

  await step('the create-user form in Japanese: labels, a mismatch refused in Japanese, then created', async () => {
    await workbench.contextMenu.choose(row(SEED.project), 'ユーザーを作成…');
    await expectVisible(workbench.editors.tab('ユーザーを作成 — Local Sandbox'), 'the form\'s editor tab');
    const form = workbench.webview.createUserForm();
    await expectVisible(form.submit, 'the form\'s submit button');
    assert.equal((await form.submit.innerText()).trim(), '作成');
    assert.equal((await form.generate.innerText()).trim(), '生成');
    await form.loginId.fill('sensor-ja');
    await form.password.fill('Sensor-pass-ja-42');
    secret('Sensor-pass-ja-42', 'the password typed in the Japanese create form');
    await form.confirm.fill('Sensor-pass-ja-43');
    await form.submit.click();
    await eventually(async () => assert.equal((await form.fieldError('confirm').innerText()).trim(), 'パスワードが一致しません。'),
      { message: 'the mismatch is refused in Japanese' });
    await shot('create form');
    await form.confirm.fill('Sensor-pass-ja-42');
    await form.submit.click();
    await expectVisible(row('sensor-ja'), 'the new user\'s row', 30_000);
    await workbench.notifications.waitFor('ユーザー "sensor-ja" を Local Sandbox に作成しました。');
    await shot('user created');
    await workbench.quickInput.runCommand('View: Close All Editors');
  });

  await step('a palette command in Japanese: Medium One: ローカル サンドボックスを停止', async () => {
    await workbench.quickInput.runCommand('Medium One: ローカル サンドボックスを停止');
    await workbench.notifications.waitFor('ローカル サンドボックスを停止しました。');
    await expectVisible(row('ローカル サンドボックスは実行されていません。'), 'the row saying the sandbox is not running');
    await workbench.parkMouse();
    await shot('stopped');
  });
}
