// Types for scenario authors' editors (JSDoc `@param {import('../harness/types').ScenarioContext} ctx`). Not compiled.
import type { Page } from 'playwright-core';
import type { Emulator } from '../../../src/emulator/types';
import type { Workbench } from '../pages/workbench.mjs';

export interface ScenarioContext {
  page: Page;
  workbench: Workbench;
  /** The emulator started by the runner (reset before each scenario); `emulator.url` is its base URL. */
  emulator: Emulator;
  /** Saves artifacts/e2e/<theme>/<scenario>/<nn>-<name>.png and returns its path. */
  shot(name: string): Promise<string>;
  theme: 'light' | 'dark';
  /** A fresh, empty workspace folder opened in the workbench. */
  folder: string;
  server: { origin: string; port: number };
  /** Registers a password or key the scenario typed or generated, for the secret-leak check. */
  secret(value: string): void;
}
