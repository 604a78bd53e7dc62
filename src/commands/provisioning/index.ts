// The entry of the on-demand bundle dist/provisioning.js: the vscode-free kit (snippets, credentials file) and the
// prompt flows of Copy Connection Snippet, Send Test Event, Save Credentials File, Import Users and Export Users. The main bundle holds only
// thin handlers that pick the user and call in here (see src/commands/provisioning.ts).
//
// This bundle has its own copies of every module it imports: MediumOneError carries a brand so that `instanceof` holds
// for errors the main bundle's client throws, the per-server concurrency controller is passed in (importUsersFlow.ts),
// and a cancelled prompt throws UserCancelled, a vscode.CancellationError, which `instanceof` recognises in any bundle.
export * from '../../provisioning';
export { copyConnectionSnippetFlow } from './connectionSnippet';
export { sendTestEventFlow } from './testEvent';
export { offerCredentialsFile } from './saveCredentialsFile';
export { importUsersFlow } from './importUsersFlow';
export { exportUsersFlow } from './exportUsersFlow';
export { loadUserDetails } from './userDetailsData';
