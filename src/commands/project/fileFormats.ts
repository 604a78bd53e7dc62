import * as path from 'node:path';
import type { Services } from '../../services';
import type { FileFormats } from '../../users/fileFormats';

/** The file-formats bundle, loaded on first use (see src/users/fileFormats.ts). */
export function loadFileFormats(s: Services): FileFormats {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a bundle of its own, loaded on demand
  return require(path.join(s.context.extensionPath, 'dist', 'fileFormats.js')) as FileFormats;
}
