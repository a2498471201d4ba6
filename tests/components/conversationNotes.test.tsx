// @vitest-environment happy-dom
// The panel's notes view over the real notes store and lib/storage (fake-indexeddb): what the rep typed
// survives the view going away (another tab, another conversation) until it is saved.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import { ConversationNotes } from '@/components/ConversationNotes';
import { PanelStoreProvider } from '@/components/PanelContext';
import { cancelFollowUp, markDone, restoreFollowUp, scheduleFollowUp } from '@/lib/followups';
import type { ConversationSnapshot } from '@/lib/messaging/protocol';
import { createNotesStore, type NotesDeps, type NotesStore } from '@/lib/state/notesStore';
import { getNote, getPendingFollowUp, listOverdue, saveNote, StorageError, type DefuseDB } from '@/lib/storage';
import { fakeApi } from '../followups/fakeApi';
import { setup } from '../state/helpers';
import { freshDb } from '../storage/helpers';

afterEach(cleanup);

const NOW = new Date('2025-03-01T10:00:00').getTime();

const conversation = (id: string): ConversationSnapshot => ({
  site: 'gmail',
  conversationId: id,
  subject: `Subject ${id}`,
  latestCustomerText: 'Where is my order?',
  customerMessageCount: 1,
  hasReplyBox: true,
  url: `https://mail.google.com/mail/u/0/#inbox/${id}`,
});

function notesStore(db: DefuseDB, over: Partial<NotesDeps> = {}, api = fakeApi().api): NotesStore {
  const d = { db, api };
  return createNotesStore({
    getNote: (s, id) => getNote(s, id, db),
    saveNote: (input) => saveNote(input, NOW, db),
    getPendingFollowUp: (s, id) => getPendingFollowUp(s, id, db),
    listOverdue: (now) => listOverdue(now, db),
    scheduleFollowUp: (t, when) => scheduleFollowUp(t, when, NOW, d),
    markDone: (id) => markDone(id, NOW, d),
    cancelFollowUp: (id) => cancelFollowUp(id, d),
    restoreFollowUp: (row) => restoreFollowUp(row, NOW, d),
    now: () => NOW,
    ...over,
  });
}

/** The notes of `c`, or nothing (what the panel shows while the rep is on a page that isn't a conversation). */
function Panel({ notes, c }: { notes: NotesStore; c: ConversationSnapshot | null }) {
  const { store } = setup();
  return <PanelStoreProvider value={store}>{c ? <ConversationNotes store={notes} conversation={c} /> : null}</PanelStoreProvider>;
}

const field = () => screen.getByLabelText(/Your note on this conversation/) as HTMLTextAreaElement;
const followText = () => screen.getByLabelText('What to follow up (optional)') as HTMLInputElement;
const dueField = () => screen.getByLabelText('Or remind me at') as HTMLInputElement;

describe('an unsaved note', () => {
  test('is still there after the rep looks at another tab and comes back', async () => {
    const notes = notesStore(freshDb());
    const view = render(<Panel notes={notes} c={conversation('a')} />);
    await waitFor(() => field());
    fireEvent.change(field(), { target: { value: 'Order 4411: refund approved by Sam' } });

    view.rerender(<Panel notes={notes} c={null} />);
    expect(screen.queryByLabelText(/Your note on this conversation/)).toBeNull();
    view.rerender(<Panel notes={notes} c={conversation('a')} />);

    expect(field().value).toBe('Order 4411: refund approved by Sam');
    expect(screen.getByTestId('note-unsaved').textContent).toBe('Draft: press Save note to keep it.');
    expect(screen.getByRole('button', { name: 'Save note' }).getAttribute('aria-disabled')).toBeNull();
  });

  test('stays with its own conversation when the rep switches to another and back', async () => {
    const db = freshDb();
    await saveNote({ site: 'gmail', conversationId: 'b', subject: 'B', text: 'Saved note of B' }, NOW, db);
    const notes = notesStore(db);
    const view = render(<Panel notes={notes} c={conversation('a')} />);
    await waitFor(() => field());
    fireEvent.change(field(), { target: { value: 'Half-written note on A' } });

    view.rerender(<Panel notes={notes} c={conversation('b')} />);
    await waitFor(() => expect(field().value).toBe('Saved note of B'));
    view.rerender(<Panel notes={notes} c={conversation('a')} />);
    await waitFor(() => expect(field().value).toBe('Half-written note on A'));
  });

  test('is forgotten once saved: the field then shows the stored note', async () => {
    const db = freshDb();
    const notes = notesStore(db);
    const view = render(<Panel notes={notes} c={conversation('a')} />);
    await waitFor(() => field());
    fireEvent.change(field(), { target: { value: 'Call back Monday' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    await waitFor(() => expect(notes.getState().note?.text).toBe('Call back Monday'));
    expect(notes.getState().drafts).toEqual({});
    expect(screen.queryByTestId('note-unsaved')).toBeNull();

    view.rerender(<Panel notes={notes} c={null} />);
    view.rerender(<Panel notes={notes} c={conversation('a')} />);
    expect(field().value).toBe('Call back Monday');
  });

  test('the field waits for the saved note instead of showing it empty', async () => {
    const db = freshDb();
    await saveNote({ site: 'gmail', conversationId: 'a', subject: 'A', text: 'Existing note' }, NOW, db);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const notes = notesStore(db, { getNote: async (s, id) => (await gate, getNote(s, id, db)) });
    render(<Panel notes={notes} c={conversation('a')} />);
    await act(async () => {});
    expect(screen.queryByLabelText(/Your note on this conversation/)).toBeNull();
    release();
    await waitFor(() => expect(field().value).toBe('Existing note'));
  });

  test('saving keeps keyboard focus on Save note and says so in the live region', async () => {
    const notes = notesStore(freshDb());
    render(<Panel notes={notes} c={conversation('a')} />);
    await waitFor(() => field());
    fireEvent.change(field(), { target: { value: 'Refund approved' } });
    const save = screen.getByRole('button', { name: 'Save note' });
    const region = screen.getByTestId('notes-status');
    save.focus();
    fireEvent.click(save);
    await waitFor(() => expect(region.textContent).toBe('Note saved on this computer.'));
    // the same elements: the view was not rebuilt, so focus and the live region stay where they were
    expect(screen.getByRole('button', { name: 'Save note' })).toBe(save);
    expect(screen.getByTestId('notes-status')).toBe(region);
    expect(document.activeElement).toBe(save);
    expect(field().value).toBe('Refund approved');
    expect(save.getAttribute('aria-disabled')).toBe('true');
  });
});

describe('what to follow up, typed before the reminder is set', () => {
  test('is still there, with the picked time, after another conversation and another tab', async () => {
    const notes = notesStore(freshDb());
    const view = render(<Panel notes={notes} c={conversation('a')} />);
    await waitFor(() => followText());
    fireEvent.change(followText(), { target: { value: 'Check the courier picked it up' } });
    fireEvent.change(dueField(), { target: { value: '2099-03-02T14:30' } });

    view.rerender(<Panel notes={notes} c={conversation('b')} />);
    await waitFor(() => expect(notes.getState().target?.conversationId).toBe('b'));
    await waitFor(() => expect(followText().value).toBe(''));
    view.rerender(<Panel notes={notes} c={null} />);
    view.rerender(<Panel notes={notes} c={conversation('a')} />);
    await waitFor(() => expect(followText().value).toBe('Check the courier picked it up'));
    expect(dueField().value).toBe('2099-03-02T14:30');

    fireEvent.click(screen.getByRole('button', { name: 'Set reminder' }));
    await waitFor(() => expect(screen.getByTestId('follow-up').textContent).toContain('Check the courier picked it up'));
    await waitFor(() => expect(followText().value).toBe(''));
    view.rerender(<Panel notes={notes} c={null} />);
    view.rerender(<Panel notes={notes} c={conversation('a')} />);
    await waitFor(() => followText());
    expect(followText().value).toBe('');
  });
});

describe('Clear, then Undo', () => {
  test('puts back the same reminder, which rings again, from the keyboard', async () => {
    const db = freshDb();
    const fake = fakeApi();
    const notes = notesStore(db, {}, fake.api);
    render(<Panel notes={notes} c={conversation('a')} />);
    await waitFor(() => followText());
    fireEvent.change(followText(), { target: { value: 'Refund released?' } });
    fireEvent.click(screen.getByRole('button', { name: 'Tomorrow 9am' }));
    await waitFor(() => screen.getByTestId('follow-up'));
    const before = screen.getByTestId('follow-up').textContent;
    const set = notes.getState().followUp!;

    const clear = screen.getByRole('button', { name: 'Clear' });
    clear.focus();
    fireEvent.click(clear);
    const undo = await screen.findByRole('button', { name: 'Undo clearing the reminder' });
    expect(screen.queryByTestId('follow-up')).toBeNull();
    expect(screen.getByTestId('notes-status').textContent).toBe('Reminder cleared. Undo');
    expect(document.activeElement).toBe(undo);
    expect(await db.followUps.count()).toBe(0);
    expect(fake.alarms.size).toBe(0);

    fireEvent.click(undo);
    await waitFor(() => expect(screen.getByTestId('follow-up').textContent).toBe(before));
    expect(screen.getByTestId('notes-status').textContent).toBe('Reminder put back.');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Clear' }));
    expect(await db.followUps.toArray()).toEqual([{ ...set, updatedAt: NOW }]);
    expect([...fake.alarms]).toEqual([[`followup:${set.id}`, set.dueAt]]);
  });
});

describe('a saved note that could not be read', () => {
  test('is not replaced by Save; Retry shows it with the typed text after it, and saving keeps both', async () => {
    const db = freshDb();
    await saveNote({ site: 'gmail', conversationId: 'a', subject: 'A', text: 'Refund ref 4471' }, NOW, db);
    let broken = true;
    const fail = { ok: false as const, error: new StorageError('unknown', "Reading didn't work (UnknownError). Try again, and reload Defuse if it keeps happening.") };
    const notes = notesStore(db, { getNote: async (s, id) => (broken ? fail : getNote(s, id, db)) });
    render(<Panel notes={notes} c={conversation('a')} />);
    await waitFor(() => field());
    expect(screen.getByRole('alert').textContent).toMatch(/Reading didn't work/);
    expect(screen.getByTestId('note-unreadable').textContent).toMatch(/couldn't be read/);

    fireEvent.change(field(), { target: { value: 'Called back' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/^Not saved: your saved note couldn't be read/));
    expect(field().value).toBe('Called back');
    expect((await db.notes.toArray()).map((n) => n.text)).toEqual(['Refund ref 4471']);

    broken = false;
    await reloadThenSave(db, 'Retry reading the saved note', 'note-unreadable', 'Refund ref 4471\n\nCalled back');
  });
});

/**
 * After a refused save: `button` re-reads the saved note, which the field then shows with the typed text
 * below it (`merged`), the `notice` and the alert gone, unsaved, focus in the field; Save then stores `merged`.
 */
async function reloadThenSave(db: ReturnType<typeof freshDb>, button: string, notice: string, merged: string) {
  fireEvent.click(screen.getByRole('button', { name: button }));
  await waitFor(() => expect(field().value).toBe(merged));
  expect(screen.queryByTestId(notice)).toBeNull();
  expect(screen.queryByRole('alert')).toBeNull();
  expect(screen.getByTestId('note-unsaved')).toBeTruthy();
  expect(document.activeElement).toBe(field());

  fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
  await waitFor(() => expect(screen.getByTestId('notes-status').textContent).toBe('Note saved on this computer.'));
  expect((await db.notes.toArray()).map((n) => n.text)).toEqual([merged]);
}

describe('a note saved in another side panel meanwhile', () => {
  test('is not overwritten: Save is refused, Reload shows both texts, and saving keeps both', async () => {
    const db = freshDb();
    const other = notesStore(db);
    const notes = notesStore(db);
    await other.getState().load(conversation('a'));
    render(<Panel notes={notes} c={conversation('a')} />);
    await waitFor(() => field());

    expect(await other.getState().saveNote('Refund ref 4471, courier booked')).toBe(true);

    fireEvent.change(field(), { target: { value: 'Customer called back' } });
    const save = screen.getByRole('button', { name: 'Save note' });
    save.focus();
    fireEvent.click(save);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/^This note was changed in another Defuse window/));
    expect(field().value).toBe('Customer called back');
    expect(screen.getByTestId('note-conflict')).toBeTruthy();
    expect((await db.notes.toArray()).map((n) => n.text)).toEqual(['Refund ref 4471, courier booked']);
    expect(document.activeElement).toBe(save);

    await reloadThenSave(db, 'Reload saved note', 'note-conflict', 'Refund ref 4471, courier booked\n\nCustomer called back');
  });
});
