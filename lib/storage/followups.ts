// Follow-up records. Scheduling alarms and notifications is lib/followups' job; this file only keeps
// the rows, so it runs in any extension page and in tests without a browser.
import Dexie from 'dexie';
import { siteOf } from '@/lib/sites/hosts';
import type { DefuseDB } from './db';
import { invalid, StorageError, type Result, type Subject } from './errors';
import { checkConversation, clipSubject } from './notes';
import { read, refuse, write } from './run';
import type { FollowUpRecord, FollowUpStatus, SiteId } from './types';
import { isTime } from './validate';

export interface FollowUpTarget {
  site: SiteId;
  conversationId: string;
  subject: string;
  url: string;
  note?: string;
}

const REMINDER: Subject = { what: 'your reminder', op: 'save' };
const READING: Subject = { what: 'your reminders', op: 'read' };
const PENDING: FollowUpStatus[] = ['open', 'snoozed'];

/** Why a follow-up target can't be stored, or null. The url must be the conversation's own site. */
export function checkTarget(t: FollowUpTarget): string | null {
  const problem = checkConversation(t);
  if (problem) return problem;
  if (siteOf(t.url) !== t.site) return "This reminder's link isn't a Gmail or Zendesk conversation address, so it couldn't be opened later.";
  if (t.note !== undefined && (typeof t.note !== 'string' || t.note.length > 2000)) return 'The reminder text is limited to 2,000 characters.';
  return null;
}

const notFound = (id: number) => new StorageError('not-found', `Reminder ${id} doesn't exist any more (it may have been deleted in another window).`);

/** The conversation's reminder that isn't done yet, if any (there is at most one: scheduling again moves it). */
async function pendingOf(d: DefuseDB, site: SiteId, conversationId: string): Promise<FollowUpRecord | undefined> {
  return d.followUps
    .where('[site+conversationId+createdAt]')
    .between([site, conversationId, Dexie.minKey], [site, conversationId, Dexie.maxKey])
    .filter((f) => f.status !== 'done')
    .first();
}

/**
 * Stores a reminder for a conversation due at `dueAt`. If the conversation already has one that isn't
 * done, that one is moved (same id, so the same alarm) instead of adding a second.
 */
export async function putFollowUp(
  target: FollowUpTarget,
  dueAt: number,
  now = Date.now(),
  db?: DefuseDB,
): Promise<Result<FollowUpRecord, FollowUpTarget>> {
  const problem = checkTarget(target) ?? (isTime(dueAt) ? null : 'Pick a date and time for the reminder.');
  if (problem) return refuse(invalid(problem), target);
  return write(
    db,
    (d) => [d.followUps],
    async (d) => {
      const existing = await pendingOf(d, target.site, target.conversationId);
      const row: FollowUpRecord = {
        ...(existing?.id !== undefined ? { id: existing.id } : {}),
        site: target.site,
        conversationId: target.conversationId,
        subject: clipSubject(target.subject),
        url: target.url,
        ...(target.note?.trim() ? { note: target.note.trim() } : {}),
        dueAt,
        status: 'open',
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
      };
      row.id = await d.followUps.put(row);
      return row;
    },
    target,
    REMINDER,
  );
}

export async function getFollowUp(id: number, db?: DefuseDB): Promise<Result<FollowUpRecord | undefined>> {
  return read(db, (d) => [d.followUps], (d) => d.followUps.get(id), READING);
}

/** The conversation's reminder that isn't done yet, for the panel. */
export async function getPendingFollowUp(site: SiteId, conversationId: string, db?: DefuseDB): Promise<Result<FollowUpRecord | undefined>> {
  return read(db, (d) => [d.followUps], (d) => pendingOf(d, site, conversationId), READING);
}

/** Reminders with the given statuses (default: open and snoozed), soonest first. */
export async function listFollowUps(statuses: FollowUpStatus[] = PENDING, db?: DefuseDB): Promise<Result<FollowUpRecord[]>> {
  return read(db, (d) => [d.followUps], async (d) => {
    const lists = await Promise.all(
      statuses.map((s) => d.followUps.where('[status+dueAt]').between([s, Dexie.minKey], [s, Dexie.maxKey]).toArray()),
    );
    return lists.flat().sort((a, b) => a.dueAt - b.dueAt);
  }, READING);
}

/** Reminders not done whose time has come (shown or not), oldest first. */
export async function listOverdue(now = Date.now(), db?: DefuseDB): Promise<Result<FollowUpRecord[]>> {
  return read(db, (d) => [d.followUps], async (d) => {
    const lists = await Promise.all(
      PENDING.map((s) => d.followUps.where('[status+dueAt]').between([s, Dexie.minKey], [s, now], true, true).toArray()),
    );
    return lists.flat().sort((a, b) => a.dueAt - b.dueAt);
  }, READING);
}

async function change(id: number, db: DefuseDB | undefined, s: Subject, edit: (f: FollowUpRecord) => void): Promise<Result<FollowUpRecord, number>> {
  return write(
    db,
    (d) => [d.followUps],
    async (d) => {
      const f = await d.followUps.get(id);
      if (!f) throw notFound(id);
      edit(f);
      await d.followUps.put(f);
      return f;
    },
    id,
    s,
  );
}

export function setFollowUpDone(id: number, now = Date.now(), db?: DefuseDB): Promise<Result<FollowUpRecord, number>> {
  return change(id, db, { what: 'the change', op: 'save' }, (f) => {
    f.status = 'done';
    f.doneAt = now;
    f.updatedAt = now;
  });
}

export function setFollowUpSnoozed(id: number, dueAt: number, now = Date.now(), db?: DefuseDB): Promise<Result<FollowUpRecord, number>> {
  return change(id, db, { what: 'the change', op: 'save' }, (f) => {
    if (f.status === 'done') throw invalid('This reminder is already done; set a new one instead.');
    f.status = 'snoozed';
    f.dueAt = dueAt;
    delete f.firedAt;
    f.updatedAt = now;
  });
}

export async function deleteFollowUp(id: number, db?: DefuseDB): Promise<Result<boolean, number>> {
  return write(db, (d) => [d.followUps], async (d) => {
    const had = (await d.followUps.get(id)) !== undefined;
    await d.followUps.delete(id);
    return had;
  }, id, { what: 'the change', op: 'save' });
}

/**
 * Puts back a reminder the rep has just cleared (the panel's Undo): the same row, so the same id (and
 * alarm name), due time, note, conversation, and whether it was already shown. Refused when the
 * conversation has another pending reminder by now (another window set one): there is at most one, and
 * an undo never overwrites a newer reminder. On failure, `pending` is the row, unchanged.
 */
export async function putBackFollowUp(row: FollowUpRecord, now = Date.now(), db?: DefuseDB): Promise<Result<FollowUpRecord, FollowUpRecord>> {
  const problem =
    checkTarget(row) ??
    (!Number.isSafeInteger(row.id) || row.id! <= 0
      ? 'This reminder has no id, so it could not be put back.'
      : !isTime(row.dueAt)
        ? 'Pick a date and time for the reminder.'
        : row.status === 'done'
          ? 'This reminder is already done; set a new one instead.'
          : null);
  if (problem) return refuse(invalid(problem), row);
  return write(
    db,
    (d) => [d.followUps],
    async (d) => {
      const pending = await pendingOf(d, row.site, row.conversationId);
      if (pending && pending.id !== row.id)
        throw invalid('This conversation has a newer reminder (set in another window), so the cleared one was not put back.');
      const back: FollowUpRecord = { ...row, subject: clipSubject(row.subject), updatedAt: now };
      await d.followUps.put(back);
      return back;
    },
    row,
    REMINDER,
  );
}

/** How early an alarm may ring and still count (alarm clocks are coarse). */
const EARLY_MS = 60_000;

export type Claim =
  | { fire: FollowUpRecord }
  /** Not due yet (it was moved later after the alarm was set): re-arm for this time. */
  | { later: FollowUpRecord }
  /** Done, deleted or already shown: nothing to do. */
  | { skip: 'done' | 'gone' | 'shown' };

/**
 * Marks a due reminder as shown, atomically, and says whether the caller should show it. Two callers
 * racing (the alarm and the startup catch-up) can't both get `fire`.
 */
export async function claimDue(id: number, now = Date.now(), db?: DefuseDB): Promise<Result<Claim, number>> {
  return write(db, (d) => [d.followUps], async (d): Promise<Claim> => {
    const f = await d.followUps.get(id);
    if (!f) return { skip: 'gone' };
    if (f.status === 'done') return { skip: 'done' };
    if (f.firedAt !== undefined) return { skip: 'shown' };
    if (f.dueAt > now + EARLY_MS) return { later: f };
    f.firedAt = now;
    f.status = 'open';
    f.updatedAt = now;
    await d.followUps.put(f);
    return { fire: f };
  }, id, { what: 'the reminder', op: 'save' });
}
