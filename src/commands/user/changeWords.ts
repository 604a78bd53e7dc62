import * as vscode from 'vscode';

/** The changes a command makes to users; each has its own whole sentences, so a translator never builds a verb form. */
export type UserChange = 'create' | 'changePassword' | 'enable' | 'disable' | 'delete';

/** "None of the selected users can be disabled here." */
export function noneCanTake(change: Exclude<UserChange, 'create' | 'changePassword'>): string {
  switch (change) {
    case 'enable': return vscode.l10n.t('None of the selected users can be enabled here.');
    case 'disable': return vscode.l10n.t('None of the selected users can be disabled here.');
    case 'delete': return vscode.l10n.t('None of the selected users can be deleted here.');
  }
}

/** "3 selected rows cannot be disabled and were left out." */
export function leftOut(change: Exclude<UserChange, 'create' | 'changePassword'>, count: number): string {
  switch (change) {
    case 'enable': return vscode.l10n.t('{0} selected rows cannot be enabled and were left out.', count);
    case 'disable': return vscode.l10n.t('{0} selected rows cannot be disabled and were left out.', count);
    case 'delete': return vscode.l10n.t('{0} selected rows cannot be deleted and were left out.', count);
  }
}

/** The role may not make this change (Registration, Basic): `role` is already in words, `detail` the server's. */
export function roleMayNot(change: UserChange, role: string, detail: string): string {
  switch (change) {
    case 'create': return vscode.l10n.t("This project's {0} user may not create users. ({1})", role, detail);
    case 'changePassword': return vscode.l10n.t("This project's {0} user may not change users' passwords. ({1})", role, detail);
    case 'enable': return vscode.l10n.t("This project's {0} user may not enable users. ({1})", role, detail);
    case 'disable': return vscode.l10n.t("This project's {0} user may not disable users. ({1})", role, detail);
    case 'delete': return vscode.l10n.t("This project's {0} user may not delete users. ({1})", role, detail);
  }
}

/** A Business project was refused: most likely the account is not a Business one after all. */
export function businessRefused(change: UserChange, loginId: string, detail: string): string {
  switch (change) {
    case 'create': return vscode.l10n.t('Medium One refused to let "{0}" create users: check that it is a Business account. ({1})', loginId, detail);
    case 'changePassword': return vscode.l10n.t('Medium One refused to let "{0}" change users\' passwords: check that it is a Business account. ({1})', loginId, detail);
    case 'enable': return vscode.l10n.t('Medium One refused to let "{0}" enable users: check that it is a Business account. ({1})', loginId, detail);
    case 'disable': return vscode.l10n.t('Medium One refused to let "{0}" disable users: check that it is a Business account. ({1})', loginId, detail);
    case 'delete': return vscode.l10n.t('Medium One refused to let "{0}" delete users: check that it is a Business account. ({1})', loginId, detail);
  }
}
