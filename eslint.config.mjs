import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { readdirSync } from 'node:fs';

// Layer rules: which part of src/ may import which. Each src file gets exactly one block of
// '@typescript-eslint/no-restricted-imports' below (when several match, the last wins), so every layer block
// repeats the rule every file shares: only src/extension.ts wires in src/commands.

// Every top-level name under src/ (folders and modules), read at lint time so a new folder is covered at once.
const SRC = readdirSync(new URL('./src', import.meta.url)).map((name) => name.replace(/\.ts$/, ''));
const allBut = (...kept) => SRC.filter((name) => !kept.includes(name));
/** A relative import of one of these top-level src entries, from any depth: './x', '../x/y', '../../x'. */
const of = (names) => `^(\\./|(\\.\\./)+)(${names.join('|')})(/|$)`;

const noVscode = {
  name: 'vscode',
  message: 'This layer must not depend on VS Code: keep it usable from plain Node and from webviews.',
};
const noCommands = {
  regex: of(['commands']),
  message: 'Only src/extension.ts wires in src/commands: a layer below the commands never calls one.',
};
const layer = (files, { paths = [], patterns = [], ignores = [] } = {}) => ({
  files,
  ignores,
  rules: { '@typescript-eslint/no-restricted-imports': ['error', { paths, patterns: [...patterns, noCommands] }] },
});
/** Bundled into the webview pages: nothing but a type from the API's vocabulary. */
const pageSafe = [
  { regex: '^(?!\\.\\./api/types$)', message: 'The webview pages bundle this file: it imports nothing (types from ../api/types only).' },
  { regex: '^\\.\\./api/types$', allowTypeImports: true, message: 'The webview pages bundle this file: types only.' },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.vscode-test/**', '.cache/**', 'artifacts/**', 'media/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
      curly: ['error', 'multi-line'],
    },
  },
  layer(['src/**/*.ts'], { ignores: ['src/commands/**', 'src/extension.ts'] }),
  layer(['src/contributes.ts'], {
    patterns: [{ regex: '^', message: 'contributes.ts imports nothing, so every layer (even a webview page) may import it.' }],
  }),
  layer(['src/util/**/*.ts'], {
    paths: [noVscode],
    patterns: [{ regex: of(allBut('util')), message: 'src/util holds helpers that know nothing of this extension: it imports nothing else of ours.' }],
  }),
  layer(['src/api/**/*.ts'], {
    paths: [noVscode],
    patterns: [
      { regex: of(['emulator']), message: 'The API client knows nothing of the emulator.' },
      {
        regex: of(allBut('api', 'emulator', 'util')),
        message: 'The API client is the bottom layer: it imports nothing else of ours (but src/util/l10n, for its messages).',
      },
      { regex: '^(\\.\\./)+util/(?!l10n$)', message: 'Of src/util, the API client uses only l10n (the translator of its messages).' },
    ],
  }),
  layer(['src/emulator/**/*.ts'], {
    paths: [noVscode],
    patterns: [
      { regex: of(['api']), message: 'The emulator knows nothing of the client.' },
      { regex: of(allBut('emulator', 'api')), message: 'The emulator stands alone (it also runs as a CLI): it imports nothing else of ours.' },
    ],
  }),
  layer(['src/provisioning/**/*.ts'], {
    paths: [noVscode],
    patterns: [
      {
        regex: '^(?!\\.|node:)',
        message: 'src/provisioning is bundled on its own (dist/provisioning.js) and into the panels: no package, only Node builtins (node:…).',
      },
      { regex: of(allBut('provisioning', 'api')), message: 'src/provisioning stands alone: it imports nothing else of ours (types from src/api only).' },
      { regex: of(['api']), allowTypeImports: true, message: 'src/provisioning may use src/api\'s types, never its code (it would bundle the client).' },
    ],
  }),
  layer(['src/users/**/*.ts'], {
    paths: [noVscode],
    patterns: [
      {
        regex: of(['tree', 'webviews', 'ui', 'sandbox', 'reports', 'services']),
        message: 'src/users is the user domain: it knows no view, panel, prompt, sandbox or the services bag.',
      },
    ],
  }),
  layer(['src/projects/**/*.ts'], {
    patterns: [
      {
        regex: of(['users', 'tree', 'webviews', 'ui', 'sandbox', 'reports', 'services']),
        message: 'src/projects sits below the users, the tree, the panels, the prompts and the services bag: they read projects, not the reverse.',
      },
    ],
  }),
  layer(['src/users/limits.ts', 'src/projects/capabilities.ts'], { paths: [noVscode], patterns: pageSafe }),
  layer(['src/tree/**/*.ts'], {
    patterns: [{ regex: of(['webviews']), message: 'The tree knows nothing of the webview panels.' }],
  }),
  layer(['src/webviews/host/**/*.ts'], {
    patterns: [{ regex: '^\\.\\./pages(/|$)', message: 'Host code never imports a page: pages run in the webview\'s browser.' }],
  }),
  layer(['src/webviews/pages/**/*.ts'], {
    patterns: [
      {
        regex: '^(?!\\./|\\.\\./protocol/)',
        message: 'A page runs in the webview\'s browser: it imports only ../protocol/* and its sibling pages (no vscode, no node, no other src folder).',
      },
      {
        regex: '^\\.\\./protocol/(?!limits$)',
        allowTypeImports: true,
        message: 'A page imports only types from a schema file (a value would bundle zod); values come from ../protocol/limits.',
      },
    ],
  }),
  layer(['src/webviews/protocol/**/*.ts'], {
    patterns: [
      {
        regex: '^(?!zod(/|$)|\\./|\\.\\./\\.\\./(users/limits|projects/capabilities|projects/project)$)',
        message: 'The protocol imports nothing but zod, its siblings and the domain\'s limits (users/limits, projects/capabilities).',
      },
      { regex: '^\\.\\./\\.\\./projects/project$', allowTypeImports: true, message: 'The protocol may use the Project type, not its code.' },
    ],
  }),
  {
    // The console is not redacted: the extension writes only to its log channel, which passes the SecretRedactor.
    files: ['src/**/*.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    // The emulator's command line prints its banner and request log to the terminal that started it.
    files: ['src/emulator/cli.ts'],
    rules: { 'no-console': 'off' },
  },
);
