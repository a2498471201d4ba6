// The settings form's working copy. It holds exactly what the rep typed (retention days as text), so a
// failed save or a refused value never loses their input; lib/storage does the checking.
import type { Sensitivity, Settings, SettingsPatch, SiteId } from '@/lib/storage';

export interface SettingsDraft {
  repLabel: string;
  sites: Record<SiteId, boolean>;
  sensitivity: Sensitivity;
  /** As typed; turned into a number only when saving. */
  retentionDays: string;
  disabledRules: string[];
}

export function draftOf(s: Settings): SettingsDraft {
  return {
    repLabel: s.repLabel,
    sites: { ...s.sites },
    sensitivity: s.sensitivity,
    retentionDays: String(s.retentionDays),
    disabledRules: [...s.disabledRules],
  };
}

/** The patch to save. Text that isn't a whole number becomes NaN, which updateSettings refuses in words. */
export function patchOf(d: SettingsDraft): SettingsPatch {
  const days = d.retentionDays.trim();
  return {
    repLabel: d.repLabel.trim(),
    sites: { ...d.sites },
    sensitivity: d.sensitivity,
    retentionDays: /^\d{1,6}$/.test(days) ? Number(days) : Number.NaN,
    disabledRules: [...d.disabledRules],
  };
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** True when the form differs from what is saved. */
export function isDirty(d: SettingsDraft, saved: Settings): boolean {
  const s = draftOf(saved);
  return (
    d.repLabel !== s.repLabel ||
    d.sensitivity !== s.sensitivity ||
    d.retentionDays.trim() !== s.retentionDays ||
    (Object.keys(s.sites) as SiteId[]).some((k) => d.sites[k] !== s.sites[k]) ||
    !sameSet(d.disabledRules, s.disabledRules)
  );
}
