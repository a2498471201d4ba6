// The rep's settings: one row. Reading fills in defaults, so callers always get a complete Settings.
import type { DefuseDB } from './db';
import { invalid, type Result, type Subject } from './errors';
import { read, refuse, write } from './run';
import type { Settings, SettingsRecord, Sensitivity, SiteId } from './types';
import { isId, isRepLabel, isSite } from './validate';

export const DEFAULT_SETTINGS: Omit<Settings, 'repId'> = {
  repLabel: 'Rep',
  sites: { gmail: true, zendesk: true },
  sensitivity: 'normal',
  retentionDays: 365,
  disabledRules: [],
};

const SETTINGS: Subject = { what: 'your settings', op: 'save' };

export function newRepId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return 'r-' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

const strip = ({ key: _key, ...s }: SettingsRecord): Settings => s;

function complete(row: Partial<SettingsRecord> | undefined): SettingsRecord {
  return {
    ...DEFAULT_SETTINGS,
    ...row,
    sites: { ...DEFAULT_SETTINGS.sites, ...row?.sites },
    key: 'settings',
    repId: row?.repId ?? newRepId(),
  };
}

/** Reads the settings inside the caller's transaction, creating the row (and the rep id) the first time. */
export async function settingsIn(db: DefuseDB, persist: boolean): Promise<Settings> {
  const row = await db.settings.get('settings');
  const full = complete(row);
  if (persist && (!row || !row.repId)) await db.settings.put(full);
  return strip(full);
}

/** The settings, with defaults for anything never set. The first call also creates this rep's random id. */
export async function getSettings(db?: DefuseDB): Promise<Result<Settings>> {
  const peek = await read(db, (d) => [d.settings], (d) => d.settings.get('settings'));
  if (!peek.ok) return peek;
  if (peek.value?.repId) return { ok: true, value: strip(complete(peek.value)) };
  const made = await write(db, (d) => [d.settings], (d) => settingsIn(d, true), undefined, { what: 'your settings', op: 'read' });
  return made.ok ? made : { ok: false, error: made.error };
}

/** Any settings to change; `sites` may name just one site. */
export type SettingsPatch = Partial<Omit<Settings, 'repId' | 'sites'>> & { sites?: Partial<Record<SiteId, boolean>> };

/** Checks a patch; returns a message naming the first bad field, or null. */
export function checkSettingsPatch(patch: SettingsPatch): string | null {
  const allowed = ['repLabel', 'sites', 'sensitivity', 'retentionDays', 'disabledRules'];
  const extra = Object.keys(patch).find((k) => !allowed.includes(k));
  if (extra) return `"${extra}" isn't a setting.`;
  if (patch.repLabel !== undefined && !isRepLabel(patch.repLabel))
    return 'Your label can use letters, digits, spaces and . _ \' - (up to 40, starting with a letter or digit), and can\'t be an email address.';
  if (patch.sites !== undefined && (typeof patch.sites !== 'object' || !Object.entries(patch.sites).every(([k, v]) => isSite(k) && typeof v === 'boolean')))
    return 'Sites must be Gmail and/or Zendesk, each on or off.';
  if (patch.sensitivity !== undefined && !(['low', 'normal', 'high'] as Sensitivity[]).includes(patch.sensitivity))
    return 'Sensitivity is low, normal or high.';
  if (patch.retentionDays !== undefined && !(Number.isInteger(patch.retentionDays) && patch.retentionDays >= 1 && patch.retentionDays <= 3650))
    return 'Keep data for a whole number of days, from 1 to 3650.';
  if (patch.disabledRules !== undefined && !(Array.isArray(patch.disabledRules) && patch.disabledRules.every(isId)))
    return 'Switched-off rules must be rule ids (lower-case letters, digits and dashes).';
  return null;
}

/** Changes some settings; returns the whole, updated settings. */
export async function updateSettings(patch: SettingsPatch, db?: DefuseDB): Promise<Result<Settings, SettingsPatch>> {
  const problem = checkSettingsPatch(patch);
  if (problem) return refuse(invalid(problem), patch);
  return write(
    db,
    (d) => [d.settings],
    async (d) => {
      const current = await settingsIn(d, false);
      const next: SettingsRecord = {
        ...current,
        ...patch,
        sites: { ...current.sites, ...patch.sites },
        disabledRules: patch.disabledRules ? [...new Set(patch.disabledRules)] : current.disabledRules,
        key: 'settings',
      };
      await d.settings.put(next);
      return strip(next);
    },
    patch,
    SETTINGS,
  );
}
