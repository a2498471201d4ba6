import { describe, expect, it, test } from 'vitest';
import { deleteNote, getNote, listNotes, saveNote } from '@/lib/storage';
import { NOTE_CONFLICT } from '@/lib/storage/notes';
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

describe('saving over a note changed elsewhere (expectedUpdatedAt)', () => {
  /** A database holding the note 'Refund ref 4471' for gmail:t-1, last updated at 100. */
  async function withNote() {
    const db = freshDb();
    must(await saveNote({ ...base, text: 'Refund ref 4471' }, 100, db));
    return db;
  }

  test.each([
    ['an older version', 50],
    ['"no note" while there is one', null],
  ])('refuses a save naming %s, hands the input back and writes nothing', async (_, expectedUpdatedAt) => {
    const db = await withNote();
    const input = { ...base, text: 'Called back', expectedUpdatedAt };
    const r = await saveNote(input, 200, db);
    expect(r).toMatchObject({ ok: false, pending: input, error: { kind: 'conflict', message: NOTE_CONFLICT } });
    expect(!r.ok && r.pending).toBe(input);
    expect(await db.notes.toArray()).toEqual([expect.objectContaining({ text: 'Refund ref 4471', updatedAt: 100 })]);
  });

  test('the refusal says what happened and what to do, in plain words', () => {
    expect(NOTE_CONFLICT).toBe(
      'This note was changed in another Defuse window since you opened it. Your text is kept here; Reload the saved note to compare.',
    );
  });

  test('saves when the version named is the stored one', async () => {
    const db = await withNote();
    const saved = must(await saveNote({ ...base, text: 'Refund ref 4471, courier booked', expectedUpdatedAt: 100 }, 200, db));
    expect(saved).toMatchObject({ text: 'Refund ref 4471, courier booked', updatedAt: 200, createdAt: 100 });
    expect(must(await getNote('gmail', 't-1', db))?.text).toBe('Refund ref 4471, courier booked');
  });

  test('creates a note when the caller saw none and there is none', async () => {
    const db = freshDb();
    expect(must(await saveNote({ ...base, text: 'First words', expectedUpdatedAt: null }, 100, db))).toMatchObject({ text: 'First words' });
  });

  test('refuses a version when the note has been deleted meanwhile', async () => {
    const db = await withNote();
    must(await deleteNote('gmail', 't-1', db));
    const r = await saveNote({ ...base, text: 'Called back', expectedUpdatedAt: 100 }, 200, db);
    expect(r).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    expect(await db.notes.count()).toBe(0);
  });

  test('without a version, saves over whatever is stored (imports and old callers)', async () => {
    const db = await withNote();
    must(await saveNote({ ...base, text: 'Imported' }, 200, db));
    expect(must(await getNote('gmail', 't-1', db))?.text).toBe('Imported');
  });

  test('deleting by saving blank text obeys the same check', async () => {
    const db = await withNote();
    const r = await saveNote({ ...base, text: '  ', expectedUpdatedAt: 50 }, 200, db);
    expect(r).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    expect(must(await getNote('gmail', 't-1', db))?.text).toBe('Refund ref 4471');

    expect(must(await saveNote({ ...base, text: '  ', expectedUpdatedAt: 100 }, 200, db))).toBeNull();
    expect(must(await getNote('gmail', 't-1', db))).toBeUndefined();
  });

  test('a second save in the same millisecond still gets a new version, so the first version goes stale', async () => {
    const db = await withNote();
    const second = must(await saveNote({ ...base, text: 'Second', expectedUpdatedAt: 100 }, 100, db));
    expect(second!.updatedAt).toBe(101);
    const r = await saveNote({ ...base, text: 'From the other window', expectedUpdatedAt: 100 }, 100, db);
    expect(r).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    expect(must(await getNote('gmail', 't-1', db))?.text).toBe('Second');
  });

  test('refuses a version that is not a time, as invalid, without writing', async () => {
    const db = await withNote();
    const input = { ...base, text: 'x', expectedUpdatedAt: Number.NaN };
    expect(await saveNote(input, 200, db)).toMatchObject({ ok: false, pending: input, error: { kind: 'invalid' } });
    expect(must(await getNote('gmail', 't-1', db))?.text).toBe('Refund ref 4471');
  });
});
