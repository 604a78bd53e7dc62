// The teams bundle (dist/teams.js): flows for project definitions from settings, loaded on first use so the main
// bundle stays under its size bar. Entry point of an esbuild target; see src/commands/teams.ts.
export { askSecretsOnFirstUse } from './secretsOnFirstUse';
export { editSettingsProject, settingsRemovalWords } from './editSettingsProject';
export { exportProjectDefinitions } from './exportDefinitions';
export { importProjectDefinitions } from './importDefinitions';
export { undoActivity } from './undoActivity';
export * as activityFiles from '../../activity/activityFiles';
