// What the rep does with follow-ups, from the side panel: schedule, finish, snooze, cancel. Each keeps
// the database and the browser's alarm in step; the database is the truth (the background re-arms
// alarms from it on every start, so a failed alarm call is repaired there).
import { browser } from 'wxt/browser';
import {
  deleteFollowUp,
  putBackFollowUp,
  putFollowUp,
  setFollowUpDone,
  setFollowUpSnoozed,
  StorageError,
  type DefuseDB,
  type FollowUpRecord,
  type FollowUpTarget,
  type Result,
} from '@/lib/storage';
import { MINUTE } from '@/lib/storage/day';
import { alarmName, type FollowUpBrowser } from './browser';
import { dueTime, type FollowUpWhen } from './due';

export interface FollowUpDeps {
  /** Defaults to WXT's `browser`. */
  api?: FollowUpBrowser;
  db?: DefuseDB;
}

const apiOf = (deps: FollowUpDeps): FollowUpBrowser => deps.api ?? (browser as unknown as FollowUpBrowser);

/** Browser calls that may fail (no permission, a fake without the API) never undo a saved change. */
export async function quietly(what: string, call: () => unknown): Promise<void> {
  try {
    await call();
  } catch (err) {
    console.warn(`Defuse: ${what} failed`, err);
  }
}

/**
 * Stores a follow-up for the conversation and sets its alarm (`followup:<id>`). A conversation has one
 * pending follow-up: scheduling again moves it. On failure, `pending` is the target, unchanged.
 */
export async function scheduleFollowUp(
  target: FollowUpTarget,
  when: FollowUpWhen,
  now: Date | number = Date.now(),
  deps: FollowUpDeps = {},
): Promise<Result<FollowUpRecord, FollowUpTarget>> {
  const t = typeof now === 'number' ? now : now.getTime();
  const due = dueTime(when, t);
  if (due === null) return { ok: false, error: new StorageError('invalid', 'Pick a date and time for the reminder.'), pending: target };
  if (due < t - MINUTE) return { ok: false, error: new StorageError('invalid', 'That time has already passed; pick a time in the future.'), pending: target };
  const saved = await putFollowUp(target, due, t, deps.db);
  if (saved.ok) await quietly('setting the reminder alarm', () => apiOf(deps).alarms.create(alarmName(saved.value.id!), { when: due }));
  return saved;
}

/** The rep followed up: no more reminders for it. */
export async function markDone(id: number, now = Date.now(), deps: FollowUpDeps = {}): Promise<Result<FollowUpRecord, number>> {
  const done = await setFollowUpDone(id, now, deps.db);
  if (done.ok) await clearBrowserSide(id, deps);
  return done;
}

/** Reminds again `minutes` from now (1 minute to 7 days). */
export async function snooze(id: number, minutes: number, now = Date.now(), deps: FollowUpDeps = {}): Promise<Result<FollowUpRecord, number>> {
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 7 * 24 * 60)
    return { ok: false, error: new StorageError('invalid', 'Snooze for 1 minute to 7 days.'), pending: id };
  const due = now + minutes * MINUTE;
  const snoozed = await setFollowUpSnoozed(id, due, now, deps.db);
  if (snoozed.ok) {
    const api = apiOf(deps);
    await quietly('clearing the notification', () => api.notifications.clear(alarmName(id)));
    await quietly('setting the reminder alarm', () => api.alarms.create(alarmName(id), { when: due }));
  }
  return snoozed;
}

/** Removes a follow-up altogether (the panel's "Clear"). */
export async function cancelFollowUp(id: number, deps: FollowUpDeps = {}): Promise<Result<boolean, number>> {
  const gone = await deleteFollowUp(id, deps.db);
  if (gone.ok) await clearBrowserSide(id, deps);
  return gone;
}

/**
 * Puts back a follow-up cleared a moment ago (the panel's Undo): the same reminder, and its alarm set
 * again as scheduling does, so it still rings. One already shown goes back to the overdue list without
 * ringing twice; one whose time passed during the undo rings at once (an alarm set in the past fires
 * right away). On failure, `pending` is the record, unchanged.
 */
export async function restoreFollowUp(row: FollowUpRecord, now = Date.now(), deps: FollowUpDeps = {}): Promise<Result<FollowUpRecord, FollowUpRecord>> {
  const back = await putBackFollowUp(row, now, deps.db);
  if (back.ok && back.value.firedAt === undefined) {
    const { id, dueAt } = back.value;
    await quietly('setting the reminder alarm', () => apiOf(deps).alarms.create(alarmName(id!), { when: dueAt }));
  }
  return back;
}

async function clearBrowserSide(id: number, deps: FollowUpDeps): Promise<void> {
  const api = apiOf(deps);
  await quietly('clearing the reminder alarm', () => api.alarms.clear(alarmName(id)));
  await quietly('clearing the notification', () => api.notifications.clear(alarmName(id)));
}
