// Backup and restore of the rep's notes and follow-ups: a versioned file, merged back newest-wins.
import { describe, expect, it } from 'vitest';
import { exportBackup, getNote, listFollowUps, putFollowUp, restoreBackup, saveNote, setFollowUpDone, type DefuseDB } from '@/lib/storage';
import { freshDb, GMAIL_URL, must, ZENDESK_URL } from './helpers';

const gmail = { site: 'gmail' as const, conversationId: 't-1', subject: 'Refund' };
const zendesk = { site: 'zendesk' as const, conversationId: '4821', subject: 'Router' };

async function backupOf(db: DefuseDB) {
  return must(await exportBackup(Date.UTC(2025, 5, 10), db)).text;
}

describe('exportBackup', () => {
  it('writes notes and follow-ups as a versioned file', async () => {
    const db = freshDb();
    must(await saveNote({ ...gmail, text: 'Promised Friday' }, 1, db));
    must(await putFollowUp({ ...zendesk, url: ZENDESK_URL }, 5000, 2, db));
    const file = JSON.parse(await backupOf(db));
    expect(file).toMatchObject({ format: 'defuse-backup', version: 1, exportedAt: '2025-06-10T00:00:00.000Z' });
    expect(file.notes).toEqual([{ ...gmail, text: 'Promised Friday', createdAt: 1, updatedAt: 1 }]);
    expect(file.followUps).toEqual([expect.objectContaining({ ...zendesk, url: ZENDESK_URL, dueAt: 5000, status: 'open' })]);
  });
});

describe('restoreBackup', () => {
  it('brings everything back into an empty database', async () => {
    const db = freshDb();
    must(await saveNote({ ...gmail, text: 'Promised Friday' }, 1, db));
    must(await putFollowUp({ ...zendesk, url: ZENDESK_URL, note: 'check the RMA' }, 5000, 2, db));
    const empty = freshDb();
    const report = must(await restoreBackup(await backupOf(db), empty));
    expect(report).toEqual({ notes: { added: 1, updated: 0, kept: 0 }, followUps: { added: 1, updated: 0, kept: 0 } });
    expect(must(await getNote('gmail', 't-1', empty))?.text).toBe('Promised Friday');
    expect(must(await listFollowUps(['open'], empty))[0]).toMatchObject({ note: 'check the RMA', dueAt: 5000 });
  });

  it('a newer note in the backup replaces the one here', async () => {
    const here = freshDb();
    must(await saveNote({ ...gmail, text: 'old' }, 1, here));
    const other = freshDb();
    must(await saveNote({ ...gmail, text: 'newer' }, 2, other));
    expect(must(await restoreBackup(await backupOf(other), here)).notes).toEqual({ added: 0, updated: 1, kept: 0 });
    expect(must(await getNote('gmail', 't-1', here))?.text).toBe('newer');
  });

  it('an older note in the backup leaves the one here alone', async () => {
    const here = freshDb();
    must(await saveNote({ ...gmail, text: 'newer here' }, 5, here));
    const other = freshDb();
    must(await saveNote({ ...gmail, text: 'older' }, 2, other));
    expect(must(await restoreBackup(await backupOf(other), here)).notes).toEqual({ added: 0, updated: 0, kept: 1 });
    expect(must(await getNote('gmail', 't-1', here))?.text).toBe('newer here');
  });

  it('restoring the same backup twice changes nothing the second time', async () => {
    const db = freshDb();
    must(await saveNote({ ...gmail, text: 'x' }, 1, db));
    must(await putFollowUp({ ...gmail, url: GMAIL_URL }, 5000, 1, db));
    const text = await backupOf(db);
    const target = freshDb();
    must(await restoreBackup(text, target));
    expect(must(await restoreBackup(text, target))).toEqual({ notes: { added: 0, updated: 0, kept: 1 }, followUps: { added: 0, updated: 0, kept: 1 } });
    expect(await target.followUps.count()).toBe(1);
  });

  it('a conversation keeps one pending follow-up: the newer of the two wins', async () => {
    const here = freshDb();
    must(await putFollowUp({ ...gmail, url: GMAIL_URL }, 5000, 1, here));
    const other = freshDb();
    must(await putFollowUp({ ...gmail, url: GMAIL_URL, note: 'from backup' }, 9000, 2, other));
    expect(must(await restoreBackup(await backupOf(other), here)).followUps).toEqual({ added: 0, updated: 1, kept: 0 });
    expect(must(await listFollowUps(['open'], here))).toEqual([expect.objectContaining({ dueAt: 9000, note: 'from backup' })]);
  });

  it('done follow-ups are history: they are added next to the pending one', async () => {
    const here = freshDb();
    must(await putFollowUp({ ...gmail, url: GMAIL_URL }, 5000, 10, here));
    const other = freshDb();
    const old = must(await putFollowUp({ ...gmail, url: GMAIL_URL }, 3000, 1, other));
    must(await setFollowUpDone(old.id!, 2, other));
    must(await restoreBackup(await backupOf(other), here));
    expect(must(await listFollowUps(['open', 'done'], here)).map((f) => f.status)).toEqual(['done', 'open']);
  });

  it('a pending reminder whose twin was finished here still leaves one pending reminder (restored twice, too)', async () => {
    // another computer: the reminder made at 10 is still pending, moved at 50
    const laptop = freshDb();
    must(await putFollowUp({ ...gmail, url: GMAIL_URL }, 9000, 10, laptop));
    must(await putFollowUp({ ...gmail, url: GMAIL_URL, note: 'from the laptop' }, 9500, 50, laptop));
    const text = await backupOf(laptop);
    // here: the same reminder finished at 20, then a new one made at 30
    const here = freshDb();
    const twin = must(await putFollowUp({ ...gmail, url: GMAIL_URL }, 9000, 10, here));
    must(await setFollowUpDone(twin.id!, 20, here));
    must(await putFollowUp({ ...gmail, url: GMAIL_URL }, 7000, 30, here));

    expect(must(await restoreBackup(text, here)).followUps).toEqual({ added: 0, updated: 1, kept: 0 });
    expect(must(await restoreBackup(text, here)).followUps).toEqual({ added: 0, updated: 0, kept: 1 });
    const all = must(await listFollowUps(['open', 'snoozed', 'done'], here));
    expect(all.filter((f) => f.status !== 'done')).toEqual([expect.objectContaining({ dueAt: 9500, note: 'from the laptop' })]);
    expect(all.filter((f) => f.status === 'done')).toEqual([expect.objectContaining({ dueAt: 9000, doneAt: 20 })]);
  });

  const valid = {
    format: 'defuse-backup',
    version: 1,
    exportedAt: '2025-06-10T00:00:00.000Z',
    notes: [{ ...gmail, text: 'x', createdAt: 1, updatedAt: 1 }],
    followUps: [{ ...zendesk, url: ZENDESK_URL, dueAt: 1, status: 'open', createdAt: 1, updatedAt: 1 }],
  };
  it.each([
    ['text that is not JSON', '{"format": "defuse-backup", ', /isn't valid JSON/],
    ['a usage export', JSON.stringify({ ...valid, format: 'defuse-usage' }), /^This file isn't a Defuse backup: it is a tip usage export\. Team leads import those under "Import team files"\.$/],
    ['a follow-up due after the last date there is', JSON.stringify({ ...valid, followUps: [{ ...valid.followUps[0], dueAt: 1e300 }] }), /followUps\[0\] is damaged \(dueAt must be a time in milliseconds\)/],
    ['a note edited after the last date there is', JSON.stringify({ ...valid, notes: [{ ...valid.notes[0], updatedAt: 8.64e15 + 1 }] }), /notes\[0\] is damaged/],
    ['a newer version', JSON.stringify({ ...valid, version: 2 }), /made by a newer Defuse \(version 2\)/],
    ['a note without text', JSON.stringify({ ...valid, notes: [{ ...valid.notes[0], text: 5 }] }), /notes\[0\] is damaged \(text is missing or too long\)/],
    ['a follow-up opening a javascript: link', JSON.stringify({ ...valid, followUps: [{ ...valid.followUps[0], url: 'javascript:alert(1)' }] }), /followUps\[0\] is damaged/],
    ['a follow-up pointing at another site', JSON.stringify({ ...valid, followUps: [{ ...valid.followUps[0], url: 'https://evil.example/agent/tickets/4821' }] }), /followUps\[0\] is damaged/],
    ['an unknown status', JSON.stringify({ ...valid, followUps: [{ ...valid.followUps[0], status: 'later' }] }), /status "later"/],
  ])('refuses %s and changes nothing', async (_, text, message) => {
    const db = freshDb();
    must(await saveNote({ ...gmail, text: 'mine' }, 0, db));
    const r = await restoreBackup(text, db);
    expect(r).toMatchObject({ ok: false, pending: text, error: { kind: 'invalid' } });
    expect(!r.ok && r.error.message).toMatch(message);
    expect(await db.notes.count()).toBe(1);
    expect(await db.followUps.count()).toBe(0);
  });
});
