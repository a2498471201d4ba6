// The panel's notes store over the real lib/storage (fake-indexeddb), with follow-up alarms faked.
import { describe, expect, test, vi } from 'vitest';
import { cancelFollowUp, markDone, scheduleFollowUp } from '@/lib/followups';
import type { ConversationSnapshot } from '@/lib/messaging/protocol';
import { createNotesStore, type NotesDeps } from '@/lib/state/notesStore';
import { getNote, getPendingFollowUp, listOverdue, saveNote, StorageError, type DefuseDB } from '@/lib/storage';
import { fakeApi } from '../followups/fakeApi';
import { freshDb } from '../storage/helpers';

const NOW = new Date('2025-03-01T10:00:00').getTime();

const conversation = (id: string, subject = `Subject ${id}`): ConversationSnapshot => ({
  site: 'gmail',
  conversationId: id,
  subject,
  latestCustomerText: 'Where is my order?',
  customerMessageCount: 1,
  hasReplyBox: true,
  url: `https://mail.google.com/mail/u/0/#inbox/${id}`,
});

function deps(db: DefuseDB, clock = { now: NOW }): NotesDeps {
  const api = fakeApi().api;
  const d = { db, api };
  return {
    getNote: (s, id) => getNote(s, id, db),
    saveNote: (input) => saveNote(input, clock.now, db),
    getPendingFollowUp: (s, id) => getPendingFollowUp(s, id, db),
    listOverdue: (now) => listOverdue(now, db),
    scheduleFollowUp: (t, when) => scheduleFollowUp(t, when, clock.now, d),
    markDone: (id) => markDone(id, clock.now, d),
    cancelFollowUp: (id) => cancelFollowUp(id, d),
    now: () => clock.now,
  };
}

describe('notes store', () => {
  test('a saved note comes back when the conversation is opened again', async () => {
    const db = freshDb();
    const store = createNotesStore(deps(db));
    await store.getState().load(conversation('a'));
    expect(await store.getState().saveNote('Promised a refund by Friday')).toBe(true);
    await store.getState().load(conversation('b'));
    expect(store.getState().note).toBeNull();

    const reopened = createNotesStore(deps(db));
    await reopened.getState().load(conversation('a'));
    expect(reopened.getState().note?.text).toBe('Promised a refund by Friday');
  });

  test('a failed save reports the plain message and keeps the stored note unchanged', async () => {
    const db = freshDb();
    const d = deps(db);
    const store = createNotesStore({
      ...d,
      saveNote: async (input) => ({ ok: false, error: new StorageError('quota', "Your browser's storage is full."), pending: input }),
    });
    await store.getState().load(conversation('a'));
    expect(await store.getState().saveNote('typed text')).toBe(false);
    expect(store.getState().error).toBe("Your browser's storage is full.");
    expect(store.getState().note).toBeNull();
  });

  test('a follow-up scheduled for tomorrow 9am is pending for this conversation', async () => {
    const db = freshDb();
    const store = createNotesStore(deps(db));
    await store.getState().load(conversation('a'));
    expect(await store.getState().setFollowUp('tomorrow-9am', 'Check the courier')).toBe(true);
    const f = store.getState().followUp!;
    expect(new Date(f.dueAt).getHours()).toBe(9);
    expect(f.note).toBe('Check the courier');
    expect(store.getState().overdue).toEqual([]);
  });

  test('an overdue follow-up is listed, and Done removes it', async () => {
    const db = freshDb();
    const clock = { now: NOW };
    const store = createNotesStore(deps(db, clock));
    await store.getState().load(conversation('a'));
    await store.getState().setFollowUp('in-2h', '');
    clock.now = NOW + 3 * 3_600_000;
    await store.getState().refreshOverdue();
    expect(store.getState().overdue.map((f) => f.conversationId)).toEqual(['a']);
    await store.getState().done(store.getState().followUp!.id!);
    expect(store.getState().followUp).toBeNull();
    expect(store.getState().overdue).toEqual([]);
  });

  test('a slow load for a conversation the rep already left does not overwrite the new one', async () => {
    const db = freshDb();
    const d = deps(db);
    await saveNote({ site: 'gmail', conversationId: 'a', subject: 'A', text: 'note A' }, NOW, db);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const store = createNotesStore({
      ...d,
      getNote: vi.fn(async (s, id) => {
        if (id === 'a') await gate;
        return d.getNote(s, id);
      }),
    });
    const first = store.getState().load(conversation('a'));
    await store.getState().load(conversation('b'));
    release();
    await first;
    expect(store.getState().target?.conversationId).toBe('b');
    expect(store.getState().note).toBeNull();
  });

  test('keeps unsaved note text per conversation until it is saved', async () => {
    const db = freshDb();
    const store = createNotesStore(deps(db));
    await store.getState().load(conversation('a'));
    store.getState().setDraft('Half-written on A');
    await store.getState().load(conversation('b'));
    store.getState().setDraft('On B');
    expect(store.getState().drafts).toEqual({ 'gmail:a': 'Half-written on A', 'gmail:b': 'On B' });

    expect(await store.getState().saveNote('On B')).toBe(true);
    expect(store.getState().drafts).toEqual({ 'gmail:a': 'Half-written on A' });
  });

  test('typing back to the saved text is not an unsaved draft', async () => {
    const db = freshDb();
    await saveNote({ site: 'gmail', conversationId: 'a', subject: 'A', text: 'Saved' }, NOW, db);
    const store = createNotesStore(deps(db));
    await store.getState().load(conversation('a'));
    store.getState().setDraft('Saved and more');
    store.getState().setDraft('Saved ');
    expect(store.getState().drafts).toEqual({});
  });

  test('text typed while a save is under way stays a draft', async () => {
    const db = freshDb();
    const d = deps(db);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const store = createNotesStore({ ...d, saveNote: async (input) => (await gate, d.saveNote(input)) });
    await store.getState().load(conversation('a'));
    store.getState().setDraft('Refund approved');
    const saving = store.getState().saveNote('Refund approved');
    store.getState().setDraft('Refund approved, courier booked');
    release();
    expect(await saving).toBe(true);
    expect(store.getState().drafts).toEqual({ 'gmail:a': 'Refund approved, courier booked' });
  });

  test('a failed save keeps the draft', async () => {
    const db = freshDb();
    const store = createNotesStore({
      ...deps(db),
      saveNote: async (input) => ({ ok: false, error: new StorageError('quota', "Your browser's storage is full."), pending: input }),
    });
    await store.getState().load(conversation('a'));
    store.getState().setDraft('Do not lose me');
    expect(await store.getState().saveNote('Do not lose me')).toBe(false);
    expect(store.getState().drafts).toEqual({ 'gmail:a': 'Do not lose me' });
  });
});
