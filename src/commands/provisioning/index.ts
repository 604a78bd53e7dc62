// The entry of the on-demand bundle dist/provisioning.js: the vscode-free kit (snippets, credentials file) and the
// prompt flows of Copy Connection Snippet, Send Test Event, Save Credentials File and Import Users. The main bundle holds only
// thin handlers that pick the user and call in here (see src/commands/provisioning.ts).
//
// This bundle has its own copies of every module it imports. Errors from the main bundle's objects (the API client,
// the project store) are therefore never tested with `instanceof` here (see apiErrors.ts), and a cancelled prompt
// throws vscode.CancellationError, the one class both bundles share.
export * from '../../provisioning';
export { copyConnectionSnippetFlow } from './connectionSnippet';
export { sendTestEventFlow } from './testEvent';
export { offerCredentialsFile } from './saveCredentialsFile';
export { importUsersFlow } from './importUsersFlow';
