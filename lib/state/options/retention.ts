// Automatic clean-up: usage and finished follow-ups older than the rep's retention setting are deleted.
// The options page runs it when it opens; the background runs it once a day (lib/background/retention.ts).
import { applyRetention, type DefuseDB, type PurgeReport, type Result } from '@/lib/storage';

export { RETENTION_ALARM, RETENTION_PERIOD_MINUTES } from '@/lib/background/retention';

/** applyRetention with the saved setting. Never throws; the Result says what was removed or why not. */
export function cleanUpOldData(now = Date.now(), db?: DefuseDB): Promise<Result<PurgeReport, undefined>> {
  return applyRetention(now, db);
}

const count = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** One sentence for the settings page, or null when nothing was old enough to go. */
export function describePurge(r: PurgeReport, days: number): string | null {
  const parts = [
    r.usageEvents ? count(r.usageEvents, 'usage event', 'usage events') : '',
    r.followUps ? count(r.followUps, 'finished follow-up', 'finished follow-ups') : '',
  ].filter(Boolean);
  if (!parts.length) return null;
  return `Cleaned up ${parts.join(' and ')} older than ${count(days, 'day', 'days')}.`;
}
