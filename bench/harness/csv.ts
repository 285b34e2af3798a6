// The CSV import the benchmark drives, from the app's own modules. bench/vite.config.ts swaps
// this file for csv-missing.ts when it does not build (the import is still being written), so
// that the other figures are still measured.
export { checkCsv, importCsv, readCsvFile } from '../../src/lib/db/backup/csv-import';
export { guessMapping } from '../../src/lib/db/backup/csv-parse';
export const csvAvailable = true;
