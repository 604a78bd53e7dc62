/** The one list of command ids. A test checks it equals package.json's contributes.commands and the registered set. */
export const Cmd = {
  addProject: 'mediumOne.addProject',
  editProject: 'mediumOne.editProject',
  removeProject: 'mediumOne.removeProject',
  testConnection: 'mediumOne.testConnection',
  refresh: 'mediumOne.refresh',
  filterUsers: 'mediumOne.filterUsers',
  clearFilter: 'mediumOne.clearFilter',
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
  showLog: 'mediumOne.showLog',
  startSandbox: 'mediumOne.startSandbox',
  stopSandbox: 'mediumOne.stopSandbox',
} as const;

export type CommandId = (typeof Cmd)[keyof typeof Cmd];
