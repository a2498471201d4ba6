// Keeping data no longer than the rep wants: usage and finished follow-ups age out; notes and
// pending reminders never do (they are the rep's own work). Usage lives twice: the daily rollups
// (usageDays), which the dashboard and the exports read and which follow the rep's retention
// setting, and the raw events, which nothing reads after the rollup is written and which are
// therefore kept for RAW_EVENT_DAYS at most (a heavy rep's year of raw events is ~250 MB).
import Dexie from 'dexie';
import type { DefuseDB } from './db';
import { addDays, dayOf, DAY_MS } from './day';
import { invalid, type Result, type Subject } from './errors';
import { refuse, write } from './run';
import { settingsIn } from './settings';

export interface PurgeReport {
  usageEvents: number;
  /** Daily rollup rows (one per day and site). */
  usageDays: number;
  followUps: number;
}

const PURGE: Subject = { what: 'the clean-up', op: 'save' };

/** Raw usage events older than this many days go, whatever the retention setting (rollups stay). */
export const RAW_EVENT_DAYS = 30;

async function purge(d: DefuseDB, days: number, now: number): Promise<PurgeReport> {
  // Usage goes by whole local days, so the rollup and the events always cover the same days.
  const firstKept = addDays(dayOf(now), -days);
  const firstRawKept = addDays(dayOf(now), -Math.min(days, RAW_EVENT_DAYS));
  const usageEvents = await d.usage.where('day').below(firstRawKept).delete();
  const usageDays = await d.usageDays.where('[day+site]').below([firstKept, Dexie.minKey]).delete();
  const cutoff = now - days * DAY_MS;
  const followUps = await d.followUps
    .where('[status+dueAt]')
    .between(['done', Dexie.minKey], ['done', Dexie.maxKey])
    .filter((f) => (f.doneAt ?? f.updatedAt) < cutoff)
    .delete();
  return { usageEvents, usageDays, followUps };
}

/**
 * Deletes usage from before the last `days` days (raw events from before the last RAW_EVENT_DAYS),
 * and follow-ups done more than `days` days ago.
 */
export async function purgeOlderThan(days: number, now = Date.now(), db?: DefuseDB): Promise<Result<PurgeReport, number>> {
  if (!Number.isInteger(days) || days < 1) return refuse(invalid('Keep data for at least one whole day.'), days);
  return write(db, (d) => [d.usage, d.usageDays, d.followUps], (d) => purge(d, days, now), days, PURGE);
}

/** purgeOlderThan with the rep's retention setting; the background calls it once a day. */
export async function applyRetention(now = Date.now(), db?: DefuseDB): Promise<Result<PurgeReport, undefined>> {
  return write(db, (d) => [d.usage, d.usageDays, d.followUps, d.settings], async (d) => {
    const { retentionDays } = await settingsIn(d, false);
    return purge(d, retentionDays, now);
  }, undefined, PURGE);
}

/** Deletes everything Defuse stored: notes, follow-ups, usage, the team view and settings. */
export async function clearAllData(db?: DefuseDB): Promise<Result<void, undefined>> {
  return write(db, (d) => d.tables, async (d) => {
    await Promise.all(d.tables.map((t) => t.clear()));
  }, undefined, { what: 'the deletion', op: 'save' });
}
