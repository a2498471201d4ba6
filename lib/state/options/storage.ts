// The lib/storage calls the options page makes, bound to one database. The store takes this object so
// tests can point it at a fresh fake IndexedDB, or swap one call for a failing one.
import * as storage from '@/lib/storage';
import type {
  DayRange,
  DefuseDB,
  ExportedFile,
  ImportRecord,
  ImportReport,
  PurgeReport,
  RestoreReport,
  Result,
  Settings,
  SettingsPatch,
  TeamAggregate,
  TeamFileInput,
  UsageAggregate,
} from '@/lib/storage';

export interface OptionsStorage {
  getSettings(): Promise<Result<Settings>>;
  updateSettings(patch: SettingsPatch): Promise<Result<Settings, SettingsPatch>>;
  applyRetention(now: number): Promise<Result<PurgeReport, undefined>>;
  aggregateUsage(range: DayRange): Promise<Result<UsageAggregate>>;
  aggregateTeam(range: DayRange): Promise<Result<TeamAggregate>>;
  exportUsageCsv(range: DayRange): Promise<Result<ExportedFile>>;
  exportUsageJson(range: DayRange, now: number): Promise<Result<ExportedFile>>;
  importTeamFiles(files: TeamFileInput[], now: number): Promise<Result<ImportReport, TeamFileInput[]>>;
  listImports(): Promise<Result<ImportRecord[]>>;
  clearTeamData(): Promise<Result<void, undefined>>;
  exportBackup(now: number): Promise<Result<ExportedFile>>;
  restoreBackup(text: string): Promise<Result<RestoreReport, string>>;
  clearAllData(): Promise<Result<void, undefined>>;
}

/** lib/storage on `db`, or on the shared database (opened on first use) when none is given. */
export function storageFor(db?: DefuseDB): OptionsStorage {
  return {
    getSettings: () => storage.getSettings(db),
    updateSettings: (patch) => storage.updateSettings(patch, db),
    applyRetention: (now) => storage.applyRetention(now, db),
    aggregateUsage: (range) => storage.aggregateUsage(range, db),
    aggregateTeam: (range) => storage.aggregateTeam(range, db),
    exportUsageCsv: (range) => storage.exportUsageCsv(range, db),
    exportUsageJson: (range, now) => storage.exportUsageJson(range, now, db),
    importTeamFiles: (files, now) => storage.importTeamFiles(files, now, db),
    listImports: () => storage.listImports(db),
    clearTeamData: () => storage.clearTeamData(db),
    exportBackup: (now) => storage.exportBackup(now, db),
    restoreBackup: (text) => storage.restoreBackup(text, db),
    clearAllData: () => storage.clearAllData(db),
  };
}
