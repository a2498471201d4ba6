// The rep's actions on follow-ups keep the record and the browser alarm in step.
import { describe, expect, it } from 'vitest';
import { cancelFollowUp, listOverdue, markDone, registerFollowUps, restoreFollowUp, scheduleFollowUp, snooze } from '@/lib/followups';
import { claimDue, getFollowUp } from '@/lib/storage';
import { freshDb, GMAIL_URL, must, ZENDESK_URL } from '../storage/helpers';
import { fakeApi, settle } from './fakeApi';

const NOW = new Date(2025, 5, 2, 15, 0).getTime();
const HOUR = 3_600_000;
const target = { site: 'gmail' as const, conversationId: 'FMfcgzQbgRmx', subject: 'Refund for order 48213', url: GMAIL_URL };

function setup() {
  const fake = fakeApi();
  const db = freshDb();
  return { ...fake, db, deps: { api: fake.api, db } };
}

describe('scheduleFollowUp', () => {
  it('stores the follow-up, open, due at the chosen time', async () => {
    const { deps, db } = setup();
    const f = must(await scheduleFollowUp(target, 'in-2h', NOW, deps));
    expect(f).toMatchObject({ ...target, status: 'open', dueAt: NOW + 2 * HOUR, createdAt: NOW });
    expect(must(await getFollowUp(f.id!, db))).toEqual(f);
  });

  it('sets an alarm named followup:<id> for the due time', async () => {
    const { deps, alarms } = setup();
    const f = must(await scheduleFollowUp(target, 'tomorrow-9am', NOW, deps));
    expect([...alarms]).toEqual([[`followup:${f.id}`, new Date(2025, 5, 3, 9).getTime()]]);
  });

  it('accepts a Date', async () => {
    const { deps } = setup();
    const when = new Date(NOW + 26 * HOUR);
    expect(must(await scheduleFollowUp(target, when, NOW, deps)).dueAt).toBe(when.getTime());
  });

  it('moves the conversation\'s pending follow-up instead of adding a second', async () => {
    const { deps, db, alarms } = setup();
    const first = must(await scheduleFollowUp(target, 'in-2h', NOW, deps));
    const moved = must(await scheduleFollowUp({ ...target, note: 'check the refund' }, 'tomorrow-9am', NOW + HOUR, deps));
    expect(moved.id).toBe(first.id);
    expect(moved).toMatchObject({ note: 'check the refund', createdAt: NOW, updatedAt: NOW + HOUR });
    expect(await db.followUps.count()).toBe(1);
    expect(alarms.get(`followup:${first.id}`)).toBe(moved.dueAt);
  });

  it.each([
    ['a time already past', new Date(NOW - HOUR), /already passed/],
    ['an invalid date', new Date('nope'), /Pick a date and time/],
  ])('refuses %s, handing the target back', async (_, when, message) => {
    const { deps, db, alarms } = setup();
    const r = await scheduleFollowUp(target, when, NOW, deps);
    expect(r).toMatchObject({ ok: false, pending: target, error: { kind: 'invalid' } });
    expect(!r.ok && r.error.message).toMatch(message);
    expect(await db.followUps.count()).toBe(0);
    expect(alarms.size).toBe(0);
  });

  it.each([
    ['a link to another site', { url: 'https://evil.example/mail' }],
    ['a javascript: link', { url: 'javascript:alert(1)' }],
    ['a Zendesk link on a Gmail follow-up', { url: ZENDESK_URL }],
    ['a plain-http link', { url: 'http://mail.google.com/mail/u/0/#inbox/x' }],
  ])('refuses %s', async (_, change) => {
    const { deps } = setup();
    const r = await scheduleFollowUp({ ...target, ...change }, 'in-2h', NOW, deps);
    expect(!r.ok && r.error.message).toMatch(/isn't a Gmail or Zendesk conversation address/);
  });

  it('still saves the follow-up when the alarm cannot be set (the background re-arms it on start)', async () => {
    const { deps, api, db } = setup();
    api.alarms.create = async () => {
      throw new Error('alarms permission missing');
    };
    const r = await scheduleFollowUp(target, 'in-2h', NOW, deps);
    expect(r.ok).toBe(true);
    expect(await db.followUps.count()).toBe(1);
  });
});

describe('markDone', () => {
  it('marks it done and removes its alarm and notification', async () => {
    const { deps, alarms, notifications } = setup();
    const f = must(await scheduleFollowUp(target, 'in-2h', NOW, deps));
    notifications.set(`followup:${f.id}`, { type: 'basic', iconUrl: '', title: '', message: '' });
    expect(must(await markDone(f.id!, NOW + HOUR, deps))).toMatchObject({ status: 'done', doneAt: NOW + HOUR });
    expect(alarms.size).toBe(0);
    expect(notifications.size).toBe(0);
  });

  it('reports a follow-up that no longer exists', async () => {
    const { deps } = setup();
    const r = await markDone(99, NOW, deps);
    expect(r).toMatchObject({ ok: false, error: { kind: 'not-found' } });
  });
});

describe('snooze', () => {
  it('moves the due time to now + minutes, snoozed, with a new alarm', async () => {
    const { deps, alarms } = setup();
    const f = must(await scheduleFollowUp(target, 'in-2h', NOW, deps));
    const later = NOW + 2 * HOUR;
    const snoozed = must(await snooze(f.id!, 30, later, deps));
    expect(snoozed).toMatchObject({ status: 'snoozed', dueAt: later + 30 * 60_000 });
    expect(snoozed.firedAt).toBeUndefined();
    expect(alarms.get(`followup:${f.id}`)).toBe(later + 30 * 60_000);
  });

  it.each([0, -5, 1.5, 60 * 24 * 8])('refuses %s minutes', async (minutes) => {
    const { deps } = setup();
    const f = must(await scheduleFollowUp(target, 'in-2h', NOW, deps));
    expect((await snooze(f.id!, minutes, NOW, deps)).ok).toBe(false);
  });

  it('refuses a follow-up already done', async () => {
    const { deps } = setup();
    const f = must(await scheduleFollowUp(target, 'in-2h', NOW, deps));
    must(await markDone(f.id!, NOW, deps));
    const r = await snooze(f.id!, 10, NOW, deps);
    expect(!r.ok && r.error.message).toMatch(/already done/);
  });
});

describe('cancelFollowUp', () => {
  it('deletes it and its alarm', async () => {
    const { deps, db, alarms } = setup();
    const f = must(await scheduleFollowUp(target, 'in-2h', NOW, deps));
    expect(must(await cancelFollowUp(f.id!, deps))).toBe(true);
    expect(await db.followUps.count()).toBe(0);
    expect(alarms.size).toBe(0);
  });
});

describe('restoreFollowUp (Undo after Clear)', () => {
  it('puts back the same reminder: id, due time, note, conversation', async () => {
    const { deps, db } = setup();
    const f = must(await scheduleFollowUp({ ...target, note: 'Check the refund went through' }, 'tomorrow-9am', NOW, deps));
    must(await cancelFollowUp(f.id!, deps));
    const back = must(await restoreFollowUp(f, NOW + 5_000, deps));
    expect(back).toEqual({ ...f, updatedAt: NOW + 5_000 });
    expect(must(await getFollowUp(f.id!, db))).toEqual(back);
    expect(await db.followUps.count()).toBe(1);
  });

  it('sets its alarm again, so it still rings when due', async () => {
    const s = setup();
    const f = must(await scheduleFollowUp(target, 'in-2h', NOW, s.deps));
    must(await cancelFollowUp(f.id!, s.deps));
    expect(s.alarms.size).toBe(0);
    must(await restoreFollowUp(f, NOW, s.deps));
    expect([...s.alarms]).toEqual([[`followup:${f.id}`, NOW + 2 * HOUR]]);

    let clock = NOW;
    await registerFollowUps(s.api, { db: s.db, now: () => clock }).ready;
    clock = f.dueAt;
    s.onAlarm.fire({ name: `followup:${f.id}` });
    await settle();
    expect(s.notifications.has(`followup:${f.id}`)).toBe(true);
  });

  it('one already shown goes back to the overdue list without ringing again', async () => {
    const { deps, db, alarms } = setup();
    const f = must(await scheduleFollowUp(target, 'in-2h', NOW, deps));
    const shown = must(await claimDue(f.id!, NOW + 2 * HOUR, db));
    if (!('fire' in shown)) throw new Error('expected the reminder to be shown');
    must(await cancelFollowUp(f.id!, deps));
    must(await restoreFollowUp(shown.fire, NOW + 2 * HOUR, deps));
    expect(alarms.size).toBe(0);
    expect(must(await listOverdue(NOW + 3 * HOUR, db)).map((o) => o.id)).toEqual([f.id]);
  });

  it('does not overwrite a reminder set for the conversation meanwhile', async () => {
    const { deps, db } = setup();
    const cleared = must(await scheduleFollowUp({ ...target, note: 'old' }, 'in-2h', NOW, deps));
    must(await cancelFollowUp(cleared.id!, deps));
    const newer = must(await scheduleFollowUp({ ...target, note: 'new' }, 'tomorrow-9am', NOW, deps));
    const r = await restoreFollowUp(cleared, NOW, deps);
    expect(!r.ok && r.error.message).toMatch(/newer reminder/);
    expect(!r.ok && r.pending).toEqual(cleared);
    expect(await db.followUps.toArray()).toEqual([newer]);
  });

  it('refuses a reminder already done', async () => {
    const { deps } = setup();
    const f = must(await scheduleFollowUp(target, 'in-2h', NOW, deps));
    const done = must(await markDone(f.id!, NOW, deps));
    const r = await restoreFollowUp(done, NOW, deps);
    expect(!r.ok && r.error.message).toMatch(/already done/);
  });
});

describe('listOverdue', () => {
  it('lists follow-ups not done whose time has come, oldest first', async () => {
    const { deps, db } = setup();
    const a = must(await scheduleFollowUp({ ...target, conversationId: 'a' }, new Date(NOW + 3 * HOUR), NOW, deps));
    const b = must(await scheduleFollowUp({ ...target, conversationId: 'b' }, new Date(NOW + 1 * HOUR), NOW, deps));
    const c = must(await scheduleFollowUp({ ...target, conversationId: 'c' }, new Date(NOW + 2 * HOUR), NOW, deps));
    must(await scheduleFollowUp({ ...target, conversationId: 'later' }, new Date(NOW + 9 * HOUR), NOW, deps));
    must(await markDone(c.id!, NOW, deps));
    const snoozed = must(await snooze(a.id!, 60, NOW, deps)); // due NOW + 1h, like b
    expect(snoozed.dueAt).toBe(b.dueAt);
    const overdue = must(await listOverdue(NOW + 4 * HOUR, db));
    expect(overdue.map((f) => f.conversationId).sort()).toEqual(['a', 'b']);
    expect(must(await listOverdue(NOW, db))).toEqual([]);
  });
});
