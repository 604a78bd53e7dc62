// The extension under test as package.json names it. `publisher.name` is its id: webview frames carry it in their
// URL, and code-server names the extension's storage and log folders by it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../../../package.json', import.meta.url)), 'utf8'));

export const EXTENSION_ID = `${pkg.publisher}.${pkg.name}`;
