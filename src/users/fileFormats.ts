/**
 * The import and export file formats, bundled on their own (dist/fileFormats.js, with papaparse) and loaded only
 * when a user imports or exports: the CSV library costs nothing at activation or in the main bundle.
 */
export { ImportFileError, checkImportFileSize, decodeImportFile, parseImportCsv } from './importCsv';
export { usersToCsv, usersToJson } from './exportUsers';

export type FileFormats = typeof import('./fileFormats');
