// The panel's notes store over the real lib/storage (fake-indexeddb), with follow-up alarms faked.
import { describe, expect, test, vi } from 'vitest';
import { cancelFollowUp, markDone, restoreFollowUp, scheduleFollowUp } from '@/lib/followups';
import type { ConversationSnapshot } from '@/lib/messaging/protocol';
import { createNotesStore, SAVE_REFUSED_UNREAD, type NotesDeps } from '@/lib/state/notesStore';
import { getNote, getPendingFollowUp, listOverdue, saveNote, StorageError, type DefuseDB } from '@/lib/storage';
import { NOTE_CONFLICT } from '@/lib/storage/notes';
import { fakeApi } from '../followups/fakeApi';
import { freshDb, must } from '../storage/helpers';

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

function deps(db: DefuseDB, clock = { now: NOW }, api = fakeApi().api): NotesDeps {
  const d = { db, api };
  return {
    getNote: (s, id) => getNote(s, id, db),
    saveNote: (input) => saveNote(input, clock.now, db),
    getPendingFollowUp: (s, id) => getPendingFollowUp(s, id, db),
    listOverdue: (now) => listOverdue(now, db),
    scheduleFollowUp: (t, when) => scheduleFollowUp(t, when, clock.now, d),
    markDone: (id) => markDone(id, clock.now, d),
    cancelFollowUp: (id) => cancelFollowUp(id, d),
    restoreFollowUp: (row) => restoreFollowUp(row, clock.now, d),
    now: () => clock.now,
  };
}

const unreadable = { ok: false as const, error: new StorageError('unknown', "Reading didn't work (UnknownError). Try again, and reload Defuse if it keeps happening.") };

/** A store over a database holding note 'Refund ref 4471' for gmail:a, whose reads fail while `reads.broken`. */
async function withSavedNote(broken: boolean) {
  const db = freshDb();
  await saveNote({ site: 'gmail', conversationId: 'a', subject: 'A', text: 'Refund ref 4471' }, NOW, db);
  const d = deps(db);
  const reads = { broken };
  const store = createNotesStore({ ...d, getNote: async (s, id) => (reads.broken ? unreadable : d.getNote(s, id)) });
  return { db, store, reads };
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

describe('what to follow up, before the reminder is set', () => {
  test('is kept per conversation, with the picked time, when the rep switches away and back', async () => {
    const store = createNotesStore(deps(freshDb()));
    await store.getState().load(conversation('a'));
    store.getState().setFollowUpDraft({ note: 'Check the courier' });
    store.getState().setFollowUpDraft({ due: '2025-03-02T14:30' });
    await store.getState().load(conversation('b'));
    store.getState().setFollowUpDraft({ note: 'Refund on B' });
    await store.getState().load(conversation('a'));
    expect(store.getState().followUpDrafts).toEqual({
      'gmail:a': { note: 'Check the courier', due: '2025-03-02T14:30' },
      'gmail:b': { note: 'Refund on B' },
    });
  });

  test('an emptied field is no draft', async () => {
    const store = createNotesStore(deps(freshDb()));
    await store.getState().load(conversation('a'));
    store.getState().setFollowUpDraft({ note: 'Check' });
    store.getState().setFollowUpDraft({ note: '  ' });
    expect(store.getState().followUpDrafts).toEqual({});
  });

  test('its text goes once the reminder is set; the picked time stays, as in the field', async () => {
    const store = createNotesStore(deps(freshDb()));
    await store.getState().load(conversation('a'));
    store.getState().setFollowUpDraft({ note: 'Check the courier ' });
    store.getState().setFollowUpDraft({ due: '2025-03-02T14:30' });
    expect(await store.getState().setFollowUp(new Date('2025-03-02T14:30'), 'Check the courier')).toBe(true);
    expect(store.getState().followUp?.note).toBe('Check the courier');
    expect(store.getState().followUpDrafts).toEqual({ 'gmail:a': { due: '2025-03-02T14:30' } });
  });

  test('a failed reminder keeps the text', async () => {
    const store = createNotesStore({
      ...deps(freshDb()),
      scheduleFollowUp: async (t) => ({ ok: false, error: new StorageError('quota', "Your browser's storage is full."), pending: t }),
    });
    await store.getState().load(conversation('a'));
    store.getState().setFollowUpDraft({ note: 'Check the courier' });
    expect(await store.getState().setFollowUp('in-2h', 'Check the courier')).toBe(false);
    expect(store.getState().followUpDrafts).toEqual({ 'gmail:a': { note: 'Check the courier' } });
  });
});

describe('undoing Clear', () => {
  test('puts back the same reminder, due time, note and conversation, with its alarm', async () => {
    const db = freshDb();
    const fake = fakeApi();
    const store = createNotesStore(deps(db, { now: NOW }, fake.api));
    await store.getState().load(conversation('a'));
    await store.getState().setFollowUp('tomorrow-9am', 'Check the courier');
    const set = store.getState().followUp!;
    await store.getState().clear(set.id!);
    expect(store.getState().followUp).toBeNull();
    expect(store.getState().status).toBe('Reminder cleared.');
    expect(store.getState().lastCleared).toEqual({ key: 'gmail:a', followUp: set });
    expect(fake.alarms.size).toBe(0);

    expect(await store.getState().undoClear()).toBe(true);
    expect(store.getState().followUp).toMatchObject({ id: set.id, dueAt: set.dueAt, note: 'Check the courier', conversationId: 'a', url: set.url });
    expect(store.getState().status).toBe('Reminder put back.');
    expect(store.getState().lastCleared).toBeNull();
    expect([...fake.alarms]).toEqual([[`followup:${set.id}`, set.dueAt]]);
    const reopened = createNotesStore(deps(db));
    await reopened.getState().load(conversation('a'));
    expect(reopened.getState().followUp?.id).toBe(set.id);
  });

  test('an overdue reminder put back is listed as overdue again', async () => {
    const clock = { now: NOW };
    const store = createNotesStore(deps(freshDb(), clock));
    await store.getState().load(conversation('a'));
    await store.getState().setFollowUp('in-2h', '');
    clock.now = NOW + 3 * 3_600_000;
    await store.getState().refreshOverdue();
    const id = store.getState().followUp!.id!;
    await store.getState().clear(id);
    expect(store.getState().overdue).toEqual([]);
    await store.getState().undoClear();
    expect(store.getState().overdue.map((f) => f.id)).toEqual([id]);
  });

  test('is offered until the rep does something else, the time runs out or the conversation changes', async () => {
    const store = createNotesStore(deps(freshDb()));
    const clearOne = async () => {
      await store.getState().setFollowUp('in-2h', '');
      await store.getState().clear(store.getState().followUp!.id!);
      expect(store.getState().lastCleared).not.toBeNull();
    };
    await store.getState().load(conversation('a'));
    await clearOne();
    expect(await store.getState().saveNote('Called back')).toBe(true);
    expect(store.getState().lastCleared).toBeNull();

    await clearOne();
    store.getState().dismissUndo();
    expect(store.getState().lastCleared).toBeNull();
    expect(await store.getState().undoClear()).toBe(false);
    expect(store.getState().followUp).toBeNull();

    await clearOne();
    await store.getState().load(conversation('b'));
    expect(store.getState().lastCleared).toBeNull();
  });

  test('Done is not undone by Undo', async () => {
    const store = createNotesStore(deps(freshDb()));
    await store.getState().load(conversation('a'));
    await store.getState().setFollowUp('in-2h', '');
    await store.getState().done(store.getState().followUp!.id!);
    expect(store.getState().lastCleared).toBeNull();
  });

  test('a failed undo says why and still offers Undo', async () => {
    const db = freshDb();
    const d = deps(db);
    let fails = true;
    const store = createNotesStore({
      ...d,
      restoreFollowUp: async (row) => (fails ? { ok: false, error: new StorageError('quota', "Your browser's storage is full."), pending: row } : d.restoreFollowUp!(row)),
    });
    await store.getState().load(conversation('a'));
    await store.getState().setFollowUp('in-2h', 'Check the courier');
    await store.getState().clear(store.getState().followUp!.id!);
    expect(await store.getState().undoClear()).toBe(false);
    expect(store.getState().error).toBe("Your browser's storage is full.");
    expect(store.getState().lastCleared).not.toBeNull();
    fails = false;
    expect(await store.getState().undoClear()).toBe(true);
    expect(store.getState().followUp?.note).toBe('Check the courier');
    expect(store.getState().error).toBeNull();
  });
});

describe('a saved note that could not be read', () => {
  test('is never replaced: Save is refused, what was typed stays a draft, the stored note is untouched', async () => {
    const db = freshDb();
    await saveNote({ site: 'gmail', conversationId: 'a', subject: 'A', text: 'Refund ref 4471' }, NOW, db);
    const store = createNotesStore({ ...deps(db), getNote: async () => unreadable });
    await store.getState().load(conversation('a'));
    expect(store.getState().ready).toBe(true);
    expect(store.getState().noteUnreadable).toBe(true);
    expect(store.getState().error).toMatch(/Reading didn't work/);

    store.getState().setDraft('Called back');
    expect(await store.getState().saveNote('Called back')).toBe(false);
    expect(store.getState().error).toBe(SAVE_REFUSED_UNREAD);
    expect(store.getState().drafts).toEqual({ 'gmail:a': 'Called back' });
    expect(must(await getNote('gmail', 'a', db))?.text).toBe('Refund ref 4471');
  });

  test('Retry reads it, and what was typed meanwhile goes after it, unsaved', async () => {
    const { db, store, reads } = await withSavedNote(true);
    await store.getState().load(conversation('a'));
    store.getState().setDraft('Called back');

    expect(await store.getState().retryNote()).toBeNull();
    expect(store.getState().noteUnreadable).toBe(true);
    reads.broken = false;
    expect(await store.getState().retryNote()).toBe('Refund ref 4471\n\nCalled back');
    expect(store.getState().noteUnreadable).toBe(false);
    expect(store.getState().error).toBeNull();
    expect(store.getState().note?.text).toBe('Refund ref 4471');
    expect(store.getState().drafts).toEqual({ 'gmail:a': 'Refund ref 4471\n\nCalled back' });

    expect(await store.getState().saveNote('Refund ref 4471\n\nCalled back')).toBe(true);
    expect(must(await getNote('gmail', 'a', db))?.text).toBe('Refund ref 4471\n\nCalled back');
  });

  test('Retry with nothing typed shows the saved note as it is', async () => {
    const { db, store, reads } = await withSavedNote(true);
    await store.getState().load(conversation('a'));
    reads.broken = false;
    expect(await store.getState().retryNote()).toBe('Refund ref 4471');
    expect(store.getState().drafts).toEqual({});
    expect(store.getState().status).toBe('Saved note read.');
  });

  test('text typed without seeing the note goes after it also when the note is read on coming back', async () => {
    const { db, store, reads } = await withSavedNote(true);
    await store.getState().load(conversation('a'));
    store.getState().setDraft('Called back');
    await store.getState().load(conversation('b'));
    reads.broken = false;
    await store.getState().load(conversation('a'));
    expect(store.getState().drafts['gmail:a']).toBe('Refund ref 4471\n\nCalled back');
  });

  test('a draft begun while the note was shown is not doubled when a later read fails and is retried', async () => {
    const { db, store, reads } = await withSavedNote(false);
    await store.getState().load(conversation('a'));
    store.getState().setDraft('Refund ref 4471, courier booked');
    await store.getState().load(conversation('b'));
    reads.broken = true;
    await store.getState().load(conversation('a'));
    reads.broken = false;
    expect(await store.getState().retryNote()).toBe('Refund ref 4471, courier booked');
  });
});

describe('a note changed in another window since it was read', () => {
  /** Two side panels (stores) over one database, both showing conversation 'a'. */
  async function twoPanels(db = freshDb()) {
    const a = createNotesStore(deps(db));
    const b = createNotesStore(deps(db));
    await a.getState().load(conversation('a'));
    await b.getState().load(conversation('a'));
    return { db, a, b };
  }

  test('is not overwritten: the later save is refused, its text kept, and Reload shows both for one save', async () => {
    const { db, a, b } = await twoPanels();
    a.getState().setDraft('Refund ref 4471, courier booked');
    expect(await a.getState().saveNote('Refund ref 4471, courier booked')).toBe(true);

    b.getState().setDraft('Customer called back');
    expect(await b.getState().saveNote('Customer called back')).toBe(false);
    expect(b.getState().noteConflict).toBe(true);
    expect(b.getState().error).toBe(NOTE_CONFLICT);
    expect(b.getState().drafts).toEqual({ 'gmail:a': 'Customer called back' });
    expect(must(await getNote('gmail', 'a', db))?.text).toBe('Refund ref 4471, courier booked');

    expect(await b.getState().retryNote()).toBe('Refund ref 4471, courier booked\n\nCustomer called back');
    expect(b.getState().noteConflict).toBe(false);
    expect(b.getState().error).toBeNull();
    expect(b.getState().note?.text).toBe('Refund ref 4471, courier booked');
    expect(b.getState().drafts).toEqual({ 'gmail:a': 'Refund ref 4471, courier booked\n\nCustomer called back' });

    expect(await b.getState().saveNote('Refund ref 4471, courier booked\n\nCustomer called back')).toBe(true);
    expect(b.getState().noteConflict).toBe(false);
    expect(must(await getNote('gmail', 'a', db))?.text).toBe('Refund ref 4471, courier booked\n\nCustomer called back');
  });

  test('the first window is refused in turn once the second has saved, until it reloads', async () => {
    const { db, a, b } = await twoPanels();
    expect(await a.getState().saveNote('From A')).toBe(true);
    expect(await b.getState().saveNote('From B')).toBe(false);
    await b.getState().retryNote();
    expect(await b.getState().saveNote('From A\n\nFrom B')).toBe(true);

    expect(await a.getState().saveNote('From A, again')).toBe(false);
    expect(a.getState().noteConflict).toBe(true);
    expect(must(await getNote('gmail', 'a', db))?.text).toBe('From A\n\nFrom B');
  });

  test('keeps the refused text even when it was never typed as a draft', async () => {
    const { b, a } = await twoPanels();
    expect(await a.getState().saveNote('From A')).toBe(true);
    expect(await b.getState().saveNote('From B')).toBe(false);
    expect(b.getState().drafts).toEqual({ 'gmail:a': 'From B' });
    expect(await b.getState().retryNote()).toBe('From A\n\nFrom B');
  });

  test('a deletion elsewhere refuses a save over the deleted note; Reload shows just the typed text', async () => {
    const db = freshDb();
    await saveNote({ site: 'gmail', conversationId: 'a', subject: 'A', text: 'Refund ref 4471' }, NOW, db);
    const { a, b } = await twoPanels(db);
    expect(await a.getState().saveNote('')).toBe(true);
    expect(a.getState().status).toBe('Note deleted.');

    b.getState().setDraft('Refund ref 4471, called back');
    expect(await b.getState().saveNote('Refund ref 4471, called back')).toBe(false);
    expect(b.getState().noteConflict).toBe(true);
    expect(must(await getNote('gmail', 'a', db))).toBeUndefined();
    expect(await b.getState().retryNote()).toBe('Refund ref 4471, called back');
    expect(await b.getState().saveNote('Refund ref 4471, called back')).toBe(true);
  });

  test('saving twice quickly in one window is not a conflict with itself', async () => {
    const db = freshDb();
    const d = deps(db);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let first = true;
    const store = createNotesStore({ ...d, saveNote: async (input) => (first ? ((first = false), await gate) : undefined, d.saveNote(input)) });
    await store.getState().load(conversation('a'));
    const one = store.getState().saveNote('Refund approved');
    const two = store.getState().saveNote('Refund approved, courier booked');
    release();
    expect(await one).toBe(true);
    expect(await two).toBe(true);
    expect(store.getState().noteConflict).toBe(false);
    expect(must(await getNote('gmail', 'a', db))?.text).toBe('Refund approved, courier booked');
  });

  test('after coming back to the conversation, the newer note is shown with the refused text below it', async () => {
    const { a, b } = await twoPanels();
    expect(await a.getState().saveNote('From A')).toBe(true);
    b.getState().setDraft('From B');
    expect(await b.getState().saveNote('From B')).toBe(false);
    await b.getState().load(conversation('b'));
    await b.getState().load(conversation('a'));
    expect(b.getState().noteConflict).toBe(false);
    expect(b.getState().drafts['gmail:a']).toBe('From A\n\nFrom B');
    expect(await b.getState().saveNote('From A\n\nFrom B')).toBe(true);
  });

  test('passes the version it last read or saved with every save', async () => {
    const db = freshDb();
    await saveNote({ site: 'gmail', conversationId: 'a', subject: 'A', text: 'Saved' }, NOW - 5, db);
    const d = deps(db);
    const seen: Array<number | null | undefined> = [];
    const store = createNotesStore({ ...d, saveNote: (input) => (seen.push(input.expectedUpdatedAt), d.saveNote(input)) });
    await store.getState().load(conversation('a'));
    await store.getState().saveNote('Saved, more');
    await store.getState().saveNote('Saved, more, and more');
    await store.getState().load(conversation('b'));
    await store.getState().saveNote('On B');
    expect(seen).toEqual([NOW - 5, NOW, null]);
  });
});
