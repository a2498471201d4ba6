// The options page's store and the helpers its entrypoint and the background wire up.
export {
  createOptionsStore,
  type DashboardView,
  type ExportFormat,
  type Notice,
  type OptionsActions,
  type OptionsData,
  type OptionsDeps,
  type OptionsState,
  type OptionsStore,
  type PickedFile,
  type Section,
} from './optionsStore';
export { storageFor, type OptionsStorage } from './storage';
export { browserDownload, type Download } from './download';
export { draftOf, patchOf, isDirty, type SettingsDraft } from './form';
export { lastDays, DEFAULT_RANGE_DAYS } from './range';
export { cleanUpOldData, describePurge, RETENTION_ALARM, RETENTION_PERIOD_MINUTES } from './retention';
export type { RuleDoc } from './rules';
