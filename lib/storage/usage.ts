// Tip usage: which suggestions, rules and reminders were shown and used. Events hold ids, enums and
// times only: recordUsage refuses any other field, so customer text or an address can't slip in.
// Each write also bumps the day's rollup (usageDays) in the same transaction; the dashboard reads that.
import Dexie from 'dexie';
import type { DefuseDB } from './db';
import { invalid, type Result, type Subject } from './errors';
import { countKey, Tally, type UsageAggregate } from './counts';
import { addDays, dayOf, isDay } from './day';
import { read, refuse, write } from './run';
import { settingsIn } from './settings';
import type { DayRange, SiteId, UsageAction, UsageDayRecord, UsageEventRecord, UsageKind } from './types';
import { ID_RE, isAction, isId, isKind, isSite, isTime, preview } from './validate';

/** What the panel reports. `at` defaults to now. Nothing else is accepted. */
export interface UsageInput {
  kind: UsageKind;
  tipId: string;
  action: UsageAction;
  site: SiteId;
  at?: number;
}

const FIELDS = new Set(['kind', 'tipId', 'action', 'site', 'at']);
const USAGE: Subject = { what: 'the usage event', op: 'save' };

/** Why an event can't be stored, or null. */
export function checkUsage(e: unknown): string | null {
  if (!e || typeof e !== 'object' || Array.isArray(e)) return 'A usage event must be an object.';
  const extra = Object.keys(e).find((k) => !FIELDS.has(k));
  if (extra)
    return `A usage event can't carry "${extra.slice(0, 40)}": it holds only kind, tipId, action, site and at, so no customer or draft text is ever stored.`;
  const u = e as Record<string, unknown>;
  if (!isKind(u.kind)) return `Usage kind ${preview(u.kind)} isn't suggestion, rule or reminder.`;
  if (!isId(u.tipId)) return `Tip id ${preview(u.tipId)} doesn't match ${ID_RE} (ids only, never text).`;
  if (!isAction(u.action)) return `Usage action ${preview(u.action)} isn't shown, inserted, copied, dismissed or fixed.`;
  if (!isSite(u.site)) return `Site ${preview(u.site)} isn't gmail or zendesk.`;
  if (u.at !== undefined && !isTime(u.at)) return 'Usage time must be a number of milliseconds.';
  return null;
}

/** Adds events and their rollup counts. Call inside a read-write transaction over usage, usageDays, settings. */
async function addEvents(d: DefuseDB, inputs: UsageInput[], now: number): Promise<UsageEventRecord[]> {
  const { repLabel } = await settingsIn(d, false);
  const events: UsageEventRecord[] = inputs.map(({ kind, tipId, action, site, at = now }) => ({
    kind,
    tipId,
    action,
    site,
    day: dayOf(at),
    at,
    rep: repLabel,
  }));
  const ids = await d.usage.bulkAdd(events, { allKeys: true });
  events.forEach((e, i) => (e.id = ids[i]));

  const days = new Map<string, UsageDayRecord>();
  for (const e of events) days.set(`${e.day}|${e.site}`, { day: e.day, site: e.site, counts: {} });
  const keys = [...days.values()].map((r) => [r.day, r.site] as [string, string]);
  (await d.usageDays.bulkGet(keys)).forEach((row, i) => {
    if (row) days.set(`${keys[i]![0]}|${keys[i]![1]}`, row);
  });
  for (const e of events) {
    const row = days.get(`${e.day}|${e.site}`)!;
    const k = countKey(e.kind, e.tipId, e.action);
    row.counts[k] = (row.counts[k] ?? 0) + 1;
  }
  await d.usageDays.bulkPut([...days.values()]);
  return events;
}

const usageTables = (d: DefuseDB) => [d.usage, d.usageDays, d.settings];

/** Records one event. */
export async function recordUsage(event: UsageInput, now = Date.now(), db?: DefuseDB): Promise<Result<UsageEventRecord, UsageInput>> {
  const problem = checkUsage(event);
  if (problem) return refuse(invalid(problem), event);
  return write(db, usageTables, async (d) => (await addEvents(d, [event], now))[0]!, event, USAGE);
}

/** Records many events in one transaction (the panel may buffer "shown" events); all or none. */
export async function recordUsageBatch(events: UsageInput[], now = Date.now(), db?: DefuseDB): Promise<Result<number, UsageInput[]>> {
  for (const [i, e] of events.entries()) {
    const problem = checkUsage(e);
    if (problem) return refuse(invalid(`Event ${i + 1}: ${problem}`), events);
  }
  if (events.length === 0) return { ok: true, value: 0 };
  return write(db, usageTables, async (d) => (await addEvents(d, events, now)).length, events, USAGE);
}

/**
 * A fire-and-forget recorder for the panel (lib/state/usage.ts's UsageSink): never throws, never
 * blocks the UI; a failed write is dropped (usage counts are not worth an error message).
 */
export function usageSink(db?: DefuseDB): { record(event: UsageInput): Promise<void> } {
  return {
    async record(event) {
      await recordUsage(event, Date.now(), db);
    },
  };
}

/** Why a range can't be used, or null. */
export function checkRange(r: DayRange): string | null {
  if (!isDay(r.from) || !isDay(r.to)) return 'Pick a start and an end date.';
  if (r.from > r.to) return 'The start date is after the end date.';
  if (r.site !== undefined && !isSite(r.site)) return `Site ${preview(r.site)} isn't gmail or zendesk.`;
  return null;
}

/** Days read per request: one getAll per page instead of one cursor step per row (IndexedDB round trips dominate). */
export const PAGE_DAYS = 62;

/** The inclusive range cut into pages of PAGE_DAYS days, oldest first. */
export function pages(r: { from: string; to: string }): { from: string; to: string }[] {
  const out: { from: string; to: string }[] = [];
  for (let from = r.from; from <= r.to; ) {
    const end = addDays(from, PAGE_DAYS - 1);
    const to = end < r.to ? end : r.to;
    out.push({ from, to });
    from = addDays(to, 1);
  }
  return out;
}

/**
 * Visits each rollup row in the range (inclusive days), optionally one site, a page of days at a time:
 * at most PAGE_DAYS × sites rows are in memory, however long the range.
 */
export async function eachUsageDay(d: DefuseDB, r: DayRange, visit: (row: UsageDayRecord) => void): Promise<void> {
  for (const page of pages(r)) {
    const rows = await d.usageDays.where('[day+site]').between([page.from, Dexie.minKey], [page.to, Dexie.maxKey], true, true).toArray();
    for (const row of rows) if (!r.site || row.site === r.site) visit(row);
  }
}

/**
 * Per tip: shown, used (inserted + copied) and use rate; per rule: fired, fixed and fix rate; over the
 * inclusive day range. Reads the daily rollup (one row per day and site), so its cost follows the
 * number of days, not of events.
 */
export async function aggregateUsage(range: DayRange, db?: DefuseDB): Promise<Result<UsageAggregate>> {
  const problem = checkRange(range);
  if (problem) return { ok: false, error: invalid(problem) };
  return read(db, (d) => [d.usageDays], async (d) => {
    const tally = new Tally();
    await eachUsageDay(d, range, (row) => tally.addCounts(row.counts));
    return tally.result(range);
  }, { what: 'the usage figures', op: 'read' });
}
