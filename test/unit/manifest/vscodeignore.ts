import * as fs from 'node:fs';
import * as path from 'node:path';

/** The .vscodeignore negations (`!glob`) as regexes: `*` is any run within one path segment, `**` any path. */
export function shippedPatterns(root: string): RegExp[] {
  return fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8').split(/\r?\n/)
    .filter((line) => line.startsWith('!'))
    .map((line) => new RegExp(`^${line.slice(1).replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*\*/g, '\0').replace(/\*/g, '[^/]*').replace(/\0/g, '.*')}$`));
}

/** Whether .vscodeignore (a `**` then negations) lets `file` into the package. */
export const shipsFile = (root: string, file: string): boolean => shippedPatterns(root).some((p) => p.test(file));
