import * as vscode from 'vscode';
import type { Services } from '../../services';

/** The walkthrough's id in package.json (contributes.walkthroughs), qualified by this extension's id. */
const WALKTHROUGH_ID = 'gettingStarted';

/** Get Started: opens the "Get started with Medium One API Users" walkthrough in the editor's Welcome page. */
export const openWalkthrough = (s: Services) => () =>
  vscode.commands.executeCommand('workbench.action.openWalkthrough', `${s.context.extension.id}#${WALKTHROUGH_ID}`, false);
