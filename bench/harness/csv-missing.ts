// Stand-in for csv.ts when the app's CSV import did not build (see bench/vite.config.ts).
function missing(): never {
  throw new Error('the CSV import (src/lib/db/backup/csv-import.ts) did not build');
}
export const checkCsv = missing;
export const importCsv = missing;
export const readCsvFile = missing;
export const guessMapping = missing;
export const csvAvailable = false;
