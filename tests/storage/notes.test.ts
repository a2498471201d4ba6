import { describe, expect, it } from 'vitest';
import { deleteNote, getNote, listNotes, saveNote } from '@/lib/storage';
import { freshDb, must } from './helpers';

const base = { site: 'gmail' as const, conversationId: 't-1', subject: 'Refund for order 48213' };

describe('notes', () => {
  it('saves a note for a conversation', async () => {
    const db = freshDb();
    const saved = must(await saveNote({ ...base, text: 'Promised a refund by Friday.' }, 100, db));
    expect(saved).toMatchObject({ ...base, text: 'Promised a refund by Friday.', createdAt: 100, updatedAt: 100 });
    expect(must(await getNote('gmail', 't-1', db))?.text).toBe('Promised a refund by Friday.');
  });

  it('keeps one note per conversation: saving again replaces the text and keeps createdAt', async () => {
    const db = freshDb();
    must(await saveNote({ ...base, text: 'first' }, 100, db));
    const again = must(await saveNote({ ...base, text: 'second' }, 200, db));
    expect(again).toMatchObject({ text: 'second', createdAt: 100, updatedAt: 200 });
    expect(await db.notes.count()).toBe(1);
  });

  it('keeps notes of the same conversation id on different sites apart', async () => {
    const db = freshDb();
    must(await saveNote({ ...base, text: 'gmail one' }, 1, db));
    must(await saveNote({ ...base, site: 'zendesk', text: 'zendesk one' }, 2, db));
    expect(must(await getNote('gmail', 't-1', db))?.text).toBe('gmail one');
    expect(must(await getNote('zendesk', 't-1', db))?.text).toBe('zendesk one');
  });

  it('deletes the note when saved blank', async () => {
    const db = freshDb();
    must(await saveNote({ ...base, text: 'something' }, 1, db));
    expect(must(await saveNote({ ...base, text: '   ' }, 2, db))).toBeNull();
    expect(must(await getNote('gmail', 't-1', db))).toBeUndefined();
  });

  it('lists notes most recently edited first, optionally for one site', async () => {
    const db = freshDb();
    must(await saveNote({ ...base, conversationId: 'a', text: 'a' }, 1, db));
    must(await saveNote({ ...base, conversationId: 'b', site: 'zendesk', text: 'b' }, 2, db));
    must(await saveNote({ ...base, conversationId: 'c', text: 'c' }, 3, db));
    expect(must(await listNotes({}, db)).map((n) => n.conversationId)).toEqual(['c', 'b', 'a']);
    expect(must(await listNotes({ site: 'gmail' }, db)).map((n) => n.conversationId)).toEqual(['c', 'a']);
  });

  it('deleteNote removes the note and says whether there was one', async () => {
    const db = freshDb();
    must(await saveNote({ ...base, text: 'x' }, 1, db));
    expect(must(await deleteNote('gmail', 't-1', db))).toBe(true);
    expect(must(await deleteNote('gmail', 't-1', db))).toBe(false);
  });

  it('cuts a runaway subject instead of refusing the note', async () => {
    const db = freshDb();
    const saved = must(await saveNote({ ...base, subject: 'x'.repeat(5000), text: 'ok' }, 1, db));
    expect(saved!.subject.length).toBe(300);
  });

  it.each([
    ['an unknown site', { site: 'outlook' }, /Gmail and Zendesk conversations only/],
    ['no conversation id', { conversationId: '' }, /no id Defuse can recognise/],
    ['a note over 50,000 characters', { text: 'x'.repeat(50_001) }, /notes hold up to 50,000\. Your text is still here\./],
  ])('refuses %s, handing the input back', async (_, change, message) => {
    const db = freshDb();
    const input = { ...base, text: 'hello', ...change } as Parameters<typeof saveNote>[0];
    const r = await saveNote(input, 1, db);
    expect(r).toMatchObject({ ok: false, pending: input, error: { kind: 'invalid' } });
    expect(!r.ok && r.error.message).toMatch(message);
    expect(await db.notes.count()).toBe(0);
  });
});
