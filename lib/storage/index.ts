// lib/storage: the only code that reads or writes Defuse's IndexedDB. Every function resolves to a
// Result ({ ok: true, value } or { ok: false, error, pending? }) and takes an optional database last,
// for tests; without one it opens the shared database lazily (extension pages and background only).
// Follow-ups: the UI schedules, finishes and snoozes them through lib/followups, which also keeps the
// browser alarms in step; the record functions below are its building blocks.
export { DefuseDB, DB_NAME, getDb, forgetDb, type DefuseDBOptions } from './db';
export { StorageError, type StorageErrorKind, type Result, type Ok, type Failure } from './errors';
export { CURRENT_VERSION } from './schema';
export { dayOf, addDays, isDay } from './day';
export * from './types';

export { saveNote, getNote, listNotes, deleteNote, NOTE_CONFLICT, type NoteInput } from './notes';
export {
  putFollowUp,
  getFollowUp,
  getPendingFollowUp,
  listFollowUps,
  listOverdue,
  setFollowUpDone,
  setFollowUpSnoozed,
  deleteFollowUp,
  putBackFollowUp,
  claimDue,
  type Claim,
  type FollowUpTarget,
} from './followups';
export { getSettings, updateSettings, DEFAULT_SETTINGS, type SettingsPatch } from './settings';
export { recordUsage, recordUsageBatch, usageSink, aggregateUsage, type UsageInput } from './usage';
export type { UsageAggregate, TipUsage, RuleUsage, ActionCounts } from './counts';
export { exportUsageCsv, exportUsageJson, USAGE_FORMAT, USAGE_VERSION, CSV_COLUMNS, type UsageFile, type UsageRow, type ExportedFile } from './usageExport';
export { importTeamFiles, aggregateTeam, listImports, clearTeamData, type FileReport, type ImportReport, type TeamAggregate, type TeamFileInput } from './team';
export { exportBackup, restoreBackup, BACKUP_FORMAT, BACKUP_VERSION, type BackupFile, type RestoreReport, type MergeCounts } from './backup';
export { purgeOlderThan, applyRetention, clearAllData, type PurgeReport } from './retention';
