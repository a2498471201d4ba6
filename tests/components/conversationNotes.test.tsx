// @vitest-environment happy-dom
// The panel's notes view over the real notes store and lib/storage (fake-indexeddb): what the rep typed
// survives the view going away (another tab, another conversation) until it is saved.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import { ConversationNotes } from '@/components/ConversationNotes';
import { PanelStoreProvider } from '@/components/PanelContext';
import { cancelFollowUp, markDone, scheduleFollowUp } from '@/lib/followups';
import type { ConversationSnapshot } from '@/lib/messaging/protocol';
import { createNotesStore, type NotesDeps, type NotesStore } from '@/lib/state/notesStore';
import { getNote, getPendingFollowUp, listOverdue, saveNote, type DefuseDB } from '@/lib/storage';
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

function notesStore(db: DefuseDB, over: Partial<NotesDeps> = {}): NotesStore {
  const d = { db, api: fakeApi().api };
  return createNotesStore({
    getNote: (s, id) => getNote(s, id, db),
    saveNote: (input) => saveNote(input, NOW, db),
    getPendingFollowUp: (s, id) => getPendingFollowUp(s, id, db),
    listOverdue: (now) => listOverdue(now, db),
    scheduleFollowUp: (t, when) => scheduleFollowUp(t, when, NOW, d),
    markDone: (id) => markDone(id, NOW, d),
    cancelFollowUp: (id) => cancelFollowUp(id, d),
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
