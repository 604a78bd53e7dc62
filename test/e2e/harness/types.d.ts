// Types for scenario authors' editors (JSDoc `@param {import('../harness/types').ScenarioContext} ctx`). Not compiled.
import type { Page } from 'playwright-core';
import type { Emulator } from '../../../src/emulator/types';
import type { Workbench } from '../pages/workbench.mjs';

export interface ShotOptions {
  /** Also keep this picture, light theme only, for `--readme-shots` (e.g. `tree.png` → media/readme/tree.png). */
  readme?: string;
  /** The part of the page the README picture shows (the step's own picture is always the whole window). */
  clip?: { x: number; y: number; width: number; height: number };
}

export interface ScenarioContext {
  page: Page;
  workbench: Workbench;
  /** The emulator started by the runner (reset before each scenario); `emulator.url` is its base URL. */
  emulator: Emulator;
  /** Saves artifacts/e2e/<theme>/<scenario>/<nn>-<name>.png and returns its path. */
  shot(name: string, options?: ShotOptions): Promise<string>;
  /** Runs one named, asserted step: the report lists it, and a failure or timeout names it. */
  step(name: string, fn: () => Promise<void>): Promise<void>;
  /** Registers a password or key the scenario typed or generated, for the secret-leak check after the run. */
  secret(value: string, label?: string): void;
  theme: 'light' | 'dark' | 'hc';
  /** A fresh, empty workspace folder opened in the workbench. */
  folder: string;
  server: { origin: string; port: number };
}
