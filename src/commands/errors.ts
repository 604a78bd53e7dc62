import * as vscode from 'vscode';

/**
 * Thrown (or returned as the cause) when the user backs out of a prompt: the command wrapper never reports it.
 * It is a vscode.CancellationError, so `instanceof` still holds when a lazily loaded bundle (provisioning, teams,
 * panels), which has its own copy of this class, throws it: every bundle shares the one `vscode` module.
 */
export class UserCancelled extends vscode.CancellationError {}
