/** What the backup, restore and CSV screens call. */
export {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  backupFileName,
  summarizeBackup,
  type BackupChanges,
  type BackupFile,
  type BackupSender,
  type BackupSummary,
} from './backup-format';
export type { JobProgress, JobProgressListener } from './cancel';
export {
  decryptBackupEnvelope,
  encryptBackupText,
  type EncryptedEnvelope,
  type EncryptOptions,
} from './crypto';
export { PBKDF2_ITERATIONS } from '../../crypto/pbkdf2';
export { passphraseStrength, type PassphraseStrength } from './passphrase';
export { exportBackup, type BackupExport, type ExportBackupOptions } from './export-backup';
export {
  applyRestore,
  readBackupFile,
  type PreparedRestore,
  type ReadBackupOptions,
  type RestoreMode,
  type RestoreOptions,
  type RestoreResult,
} from './restore';
export { backupReminderDue, recordBackupTime, snoozeBackupReminder } from './reminder';
export { MAX_INPUT_BYTES } from './read-input';
export {
  CSV_DATE_FORMATS,
  type CsvColumn,
  type CsvDateFormat,
  type DecimalSeparator,
} from './csv-format';
export {
  CSV_FIELDS,
  guessMapping,
  previewCsv,
  REQUIRED_FIELDS,
  type CsvField,
  type CsvMapping,
  type CsvPreview,
} from './csv-parse';
export type {
  CsvImportOptions,
  CsvReport,
  CsvRow,
  CsvRowError,
  UnknownMember,
  UnknownStream,
} from './csv-validate';
export {
  checkCsv,
  importCsv,
  readCsvFile,
  type CsvImportDecision,
  type CsvImportResult,
  type CsvImportRun,
  type CsvStreamToCreate,
} from './csv-import';
export { csvFileName, exportEntriesCsv, type CsvExport, type CsvExportOptions } from './csv-export';
export { exportSavingsCsv, SAVINGS_CSV_COLUMNS } from './csv-savings-export';
export { exportFundsCsv, FUNDS_CSV_COLUMNS } from './csv-funds-export';
export { exportPaymentsCsv, paymentsCsvFileName } from './csv-payments';
export { exportGroupsCsv, GROUP_CSV_COLUMNS } from './csv-groups-export';
export {
  exportHouseholdFile,
  nextSendSince,
  SEND_OVERLAP_MS,
  type HouseholdFile,
  type HouseholdFileOptions,
} from './household-file';
export {
  differingFields,
  previewMerge,
  PREVIEW_DETAIL_LIMIT,
  type ChangeCounts,
  type ChangeKind,
  type MergePreview,
  type PreviewConflict,
  type PreviewOptions,
  type PreviewRecord,
} from './merge-preview';
