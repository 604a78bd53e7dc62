import * as vscode from 'vscode';
import type { Role } from './capabilities';

/** A role's name as the user reads it, in the editor's language (the API and the settings say 'business', …). */
export function roleLabel(role: Role): string {
  switch (role) {
    case 'business':
      return vscode.l10n.t('Business');
    case 'registration':
      return vscode.l10n.t('Registration');
    case 'basic':
      return vscode.l10n.t('Basic');
  }
}
