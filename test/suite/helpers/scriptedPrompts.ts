import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import type { Prompts } from '../../../src/ui/prompts';

/** One expected question and its answer. `match` is checked against the prompt's text (title/prompt/message). */
export type Step =
  | { kind: 'pick'; match?: RegExp; choose: string | ((labels: string[]) => string) | undefined }
  | { kind: 'pickMany'; match?: RegExp; choose: string[] | undefined }
  | { kind: 'input'; match?: RegExp; answer: string | undefined; expectInvalid?: string[]; refuses?: [text: string, message: RegExp][] }
  | { kind: 'confirm'; match?: RegExp; answer: string | undefined; detail?: RegExp }
  | { kind: 'openFile'; match?: RegExp; answer: vscode.Uri | undefined }
  | { kind: 'saveFile'; match?: RegExp; answer: vscode.Uri | undefined };

export interface Shown {
  level: 'info' | 'warn' | 'error';
  message: string;
}

/**
 * A Prompts implementation that answers from a script and fails on any question it did not expect,
 * so a command that suddenly asks something new breaks its test. Notifications are recorded, not asked.
 */
export class ScriptedPrompts implements Prompts {
  readonly shown: Shown[] = [];
  readonly asked: string[] = [];
  /** The labels each quick pick offered, in the order the picks were shown. */
  readonly offered: string[][] = [];
  private readonly steps: Step[];
  /** Which action button the "user" clicks on a notification (default: none, it is just read). */
  respond: (shown: Shown, actions: string[]) => string | undefined = () => undefined;

  constructor(steps: Step[] = []) {
    this.steps = [...steps];
  }

  private next<K extends Step['kind']>(kind: K, text: string): Extract<Step, { kind: K }> {
    this.asked.push(`${kind}: ${text}`);
    const step = this.steps.shift();
    if (!step) assert.fail(`Unexpected ${kind} prompt: "${text}"`);
    assert.equal(step.kind, kind, `Expected a ${step.kind} prompt, got ${kind}: "${text}"`);
    if (step.match) assert.match(text, step.match);
    return step as Extract<Step, { kind: K }>;
  }

  pick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Promise<T | undefined> {
    const step = this.next('pick', `${options.title ?? ''} ${options.placeHolder ?? ''}`.trim());
    const labels = items.map((i) => i.label);
    this.offered.push(labels);
    const wanted = typeof step.choose === 'function' ? step.choose(labels) : step.choose;
    if (wanted === undefined) return Promise.resolve(undefined);
    const item = items.find((i) => i.label === wanted);
    assert.ok(item, `No item "${wanted}" among ${JSON.stringify(labels)}`);
    return Promise.resolve(item);
  }

  pickMany<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Promise<readonly T[] | undefined> {
    const step = this.next('pickMany', `${options.title ?? ''} ${options.placeHolder ?? ''}`.trim());
    this.offered.push(items.map((i) => i.label));
    if (step.choose === undefined) return Promise.resolve(undefined);
    return Promise.resolve(step.choose.map((label) => {
      const item = items.find((i) => i.label === label);
      assert.ok(item, `No item "${label}" among ${JSON.stringify(items.map((i) => i.label))}`);
      return item;
    }));
  }

  async input(options: vscode.InputBoxOptions): Promise<string | undefined> {
    const step = this.next('input', `${options.title ?? ''} ${options.prompt ?? ''}`.trim());
    for (const bad of step.expectInvalid ?? []) {
      assert.ok(await options.validateInput?.(bad), `"${bad}" should have been refused by the input's validation`);
    }
    // The words under the box, as the user reads them while typing.
    for (const [bad, message] of step.refuses ?? []) {
      const said = await options.validateInput?.(bad);
      assert.match(typeof said === 'string' ? said : said?.message ?? '', message, `what the input says of "${bad}"`);
    }
    if (step.answer !== undefined) assert.equal(await options.validateInput?.(step.answer) ?? undefined, undefined);
    return step.answer;
  }

  openFile(options: vscode.OpenDialogOptions): Promise<vscode.Uri | undefined> {
    return Promise.resolve(this.next('openFile', `${options.title ?? ''} ${options.openLabel ?? ''}`.trim()).answer);
  }

  saveFile(options: vscode.SaveDialogOptions): Promise<vscode.Uri | undefined> {
    return Promise.resolve(this.next('saveFile', `${options.title ?? ''} ${options.saveLabel ?? ''}`.trim()).answer);
  }

  confirm(message: string, detail: string, ...buttons: string[]): Promise<string | undefined> {
    const step = this.next('confirm', message);
    if (step.detail) assert.match(detail, step.detail);
    if (step.answer !== undefined) assert.ok(buttons.includes(step.answer), `No button "${step.answer}" in ${JSON.stringify(buttons)}`);
    return Promise.resolve(step.answer);
  }

  info(message: string, ...actions: string[]): Promise<string | undefined> {
    return this.notify({ level: 'info', message }, actions);
  }

  warn(message: string, ...actions: string[]): Promise<string | undefined> {
    return this.notify({ level: 'warn', message }, actions);
  }

  error(message: string, ...actions: string[]): Promise<string | undefined> {
    return this.notify({ level: 'error', message }, actions);
  }

  private notify(shown: Shown, actions: string[]): Promise<string | undefined> {
    this.shown.push(shown);
    const choice = this.respond(shown, actions);
    if (choice !== undefined) assert.ok(actions.includes(choice), `No action "${choice}" on "${shown.message}" (has ${JSON.stringify(actions)})`);
    return Promise.resolve(choice);
  }

  /** Every scripted question was asked. */
  assertDone(): void {
    assert.deepEqual(this.steps, [], `Questions never asked: ${JSON.stringify(this.steps)}`);
  }
}
