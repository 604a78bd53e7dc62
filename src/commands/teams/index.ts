// The teams bundle (dist/teams.js): the project flows (Add and Edit Project, project definitions from settings with
// their secrets on first use, export and import), the activity history's files and Undo, loaded on first use so the
// main bundle stays under its size bar. Entry point of an esbuild target; see src/commands/teams.ts.
export { addProjectFlow } from './addProjectFlow';
export { editProjectFlow } from './editProjectFlow';
export { askSecretsOnFirstUse } from './secretsOnFirstUse';
export { editSettingsProject, settingsRemovalWords } from './editSettingsProject';
export { exportProjectDefinitions } from './exportDefinitions';
export { importProjectDefinitions } from './importDefinitions';
export { undoActivity } from './undoActivity';
export * as activityFiles from '../../activity/activityFiles';
