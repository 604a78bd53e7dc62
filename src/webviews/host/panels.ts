// The panels bundle (dist/panels.js): the three forms with their protocols' zod schemas and the page HTML, and the
// details page's events read (with the events API), loaded on first use through src/commands/panels.ts so that none
// of it weighs on the extension's start-up bundle.
export { openCreateUserPanel } from './createUserPanel';
export { openUserDetailsPanel } from './userDetailsPanel';
export { openEditProjectPanel } from './editProjectPanel';
export { readRecentEvents } from './readRecentEvents';
export { showActivity } from './activityHost';
