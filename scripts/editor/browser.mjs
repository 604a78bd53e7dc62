// Headless Debian Chromium driven by playwright-core, with a fresh profile each launch (so SecretStorage, globalState
// and IndexedDB start empty). Never downloads a browser: `npx playwright install` is not an option on these machines.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumPath, tempRoot } from './paths.mjs';

const ARGS = [
  '--no-sandbox', // root in a container
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage', // small /dev/shm in containers crashes tabs
];

export const WORKBENCH_ROOT = '.monaco-workbench';

/**
 * @param {object} [opts]
 * @param {boolean} [opts.headless]  default true; `HEADED=1` or false to watch (needs a display)
 * @param {{ width: number, height: number }} [opts.viewport]
 * @param {'light'|'dark'} [opts.colorScheme]
 * @param {boolean} [opts.keepProfile]  `close()` leaves the profile dir for the caller to inspect and delete
 *   (the e2e runner searches it for secrets after the browser has flushed it to disk)
 * @returns {Promise<{ context: import('playwright-core').BrowserContext, page: import('playwright-core').Page, profile: string, close: () => Promise<void> }>}
 */
export async function launchBrowser(opts = {}) {
  const { headless = !process.env.HEADED, viewport = { width: 1400, height: 900 }, colorScheme = 'dark', keepProfile = false } = opts;
  if (!existsSync(chromiumPath)) {
    throw new Error(`${chromiumPath} not found: run \`node scripts/provision-editor.mjs\` (installs Debian's chromium).`);
  }
  const profile = mkdtempSync(path.join(tempRoot(), 'm1-chromium-'));
  let context;
  try {
    // Playwright refuses --user-data-dir in args: a persistent context is how a fresh profile dir is given.
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      headless,
      args: ARGS,
      viewport,
      colorScheme,
      timeout: 60_000,
    });
  } catch (e) {
    rmSync(profile, { recursive: true, force: true });
    throw e;
  }
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    profile,
    close: async () => {
      await context.close().catch(() => {});
      if (!keepProfile) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Navigates to a workbench URL and waits until the workbench has rendered.
 * @param {import('playwright-core').Page} page
 * @param {string} url
 * @param {{ timeoutMs?: number }} [opts]
 */
export async function openWorkbench(page, url, { timeoutMs = 60_000 } = {}) {
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: timeoutMs });
  await page.locator(WORKBENCH_ROOT).first().waitFor({ state: 'visible', timeout: timeoutMs });
}
