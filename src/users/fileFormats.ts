/**
 * The import and export file formats (and the import report), bundled on their own (dist/fileFormats.js, with papaparse) and loaded only
 * when a user imports or exports: the CSV library costs nothing at activation or in the main bundle.
 */
export { ImportFileError, checkImportFileSize, decodeImportFile, parseImportCsv } from './importCsv';
export { usersToCsv, usersToJson } from './exportUsers';
export { importReport } from './importReport';

export type FileFormats = typeof import('./fileFormats');
