/**
 * Every id the extension shares with package.json's `contributes`: commands, context keys, the tree view and the
 * webview panel types. It imports nothing, so any layer may use it; the manifest test checks each list against
 * package.json, so a typo here or there fails a test instead of silently hiding a menu item.
 */

/** The one list of command ids. A test checks it equals package.json's contributes.commands and the registered set. */
export const Cmd = {
  addProject: 'mediumOne.addProject',
  editProject: 'mediumOne.editProject',
  removeProject: 'mediumOne.removeProject',
  testConnection: 'mediumOne.testConnection',
  refresh: 'mediumOne.refresh',
  filterUsers: 'mediumOne.filterUsers',
  clearFilter: 'mediumOne.clearFilter',
  loadMoreUsers: 'mediumOne.loadMoreUsers',
  createUser: 'mediumOne.createUser',
  showUser: 'mediumOne.showUser',
  readUserState: 'mediumOne.readUserState',
  changePassword: 'mediumOne.changePassword',
  enableUser: 'mediumOne.enableUser',
  disableUser: 'mediumOne.disableUser',
  deleteUser: 'mediumOne.deleteUser',
  importUsers: 'mediumOne.importUsers',
  exportUsers: 'mediumOne.exportUsers',
  trackUser: 'mediumOne.trackUser',
  untrackUser: 'mediumOne.untrackUser',
  copyLoginId: 'mediumOne.copyLoginId',
  copyMqttId: 'mediumOne.copyMqttId',
  copyConnectionSnippet: 'mediumOne.copyConnectionSnippet',
  sendTestEvent: 'mediumOne.sendTestEvent',
  showRecentEvents: 'mediumOne.showRecentEvents',
  showLog: 'mediumOne.showLog',
  startSandbox: 'mediumOne.startSandbox',
  stopSandbox: 'mediumOne.stopSandbox',
  exportProjectDefinitions: 'mediumOne.exportProjectDefinitions',
  importProjectDefinitions: 'mediumOne.importProjectDefinitions',
  showActivity: 'mediumOne.showActivity',
  reportIssue: 'mediumOne.reportIssue',
  openWalkthrough: 'mediumOne.openWalkthrough',
  undoActivity: 'mediumOne.undoActivity',
} as const;

export type CommandId = (typeof Cmd)[keyof typeof Cmd];

/** Context keys set with `setContext` and read by `when` clauses in package.json. */
export const ContextKey = {
  hasProjects: 'mediumOne.hasProjects',
  sandboxRunning: 'mediumOne.sandboxRunning',
  filtered: 'mediumOne.filtered',
} as const;

export type ContextKeyId = (typeof ContextKey)[keyof typeof ContextKey];

/** The tree view's id (contributes.views). */
export const UsersViewId = 'mediumOne.users';

/** Webview panel types: VS Code restores and groups panels by these. */
export const PanelType = {
  createUser: 'mediumOne.createUser',
  userDetails: 'mediumOne.userDetails',
  editProject: 'mediumOne.editProject',
  activity: 'mediumOne.activity',
} as const;
