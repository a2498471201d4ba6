// The rep's own note per conversation. Saving never loses text: a failure hands the input back.
import type { DefuseDB } from './db';
import { invalid, StorageError, type Result, type Subject } from './errors';
import { read, refuse, write } from './run';
import type { NoteRecord, SiteId } from './types';
import { isSite } from './validate';

export interface NoteInput {
  site: SiteId;
  conversationId: string;
  subject: string;
  text: string;
  /**
   * The version of the note the caller last read or saved, so a save can't silently replace a newer
   * one from another window: its `updatedAt`, or `null` for "there was no note". Left out (imports,
   * old callers), the save doesn't check.
   */
  expectedUpdatedAt?: number | null;
}

export const MAX_NOTE_CHARS = 50_000;
const NOTE: Subject = { what: 'your note', op: 'save' };

/** Why a save with an out-of-date version is refused. */
export const NOTE_CONFLICT =
  'This note was changed in another Defuse window since you opened it. Your text is kept here; ' +
  'Reload the saved note to compare.';

/** Why a conversation reference is unusable, or null. Shared by notes and follow-ups. */
export function checkConversation(c: { site: unknown; conversationId: unknown; subject: unknown }): string | null {
  if (!isSite(c.site)) return 'Notes and reminders work on Gmail and Zendesk conversations only.';
  if (typeof c.conversationId !== 'string' || !c.conversationId.trim() || c.conversationId.length > 200)
    return "This conversation has no id Defuse can recognise; open it again and retry.";
  if (typeof c.subject !== 'string') return 'The conversation subject is missing.';
  return null;
}

/** Subjects come from the page; a runaway one is cut rather than refused. */
export const clipSubject = (s: string) => (s.length > 300 ? s.slice(0, 299) + '…' : s);

/**
 * Saves the note of a conversation (creating or replacing it). An empty or blank text deletes the note
 * and resolves to `null`. On failure, `pending` is the input unchanged, for the UI to keep showing.
 * With `expectedUpdatedAt`, the save (or deletion) is refused with a `conflict` error, writing nothing,
 * unless the stored note is still the one the caller saw. Each save moves `updatedAt` forward, even
 * when the clock hasn't (same millisecond, clock set back), so a version is never seen twice.
 */
export async function saveNote(input: NoteInput, now = Date.now(), db?: DefuseDB): Promise<Result<NoteRecord | null, NoteInput>> {
  const problem =
    checkConversation(input) ??
    (typeof input.text !== 'string'
      ? 'The note has no text.'
      : input.text.length > MAX_NOTE_CHARS
        ? `The note is ${input.text.length.toLocaleString('en')} characters long; notes hold up to ${MAX_NOTE_CHARS.toLocaleString('en')}. Your text is still here.`
        : !validVersion(input.expectedUpdatedAt)
          ? "Defuse couldn't tell which version of the note this replaces. Your text is still here; reopen the conversation and save again."
          : null);
  if (problem) return refuse(invalid(problem), input);
  return write(
    db,
    (d) => [d.notes],
    async (d) => {
      const existing = await d.notes.where('[site+conversationId]').equals([input.site, input.conversationId]).first();
      // Thrown, not returned: the transaction ends without a write and `write` hands the input back.
      if (input.expectedUpdatedAt !== undefined && input.expectedUpdatedAt !== (existing?.updatedAt ?? null))
        throw new StorageError('conflict', NOTE_CONFLICT);
      if (!input.text.trim()) {
        if (existing?.id !== undefined) await d.notes.delete(existing.id);
        return null;
      }
      const note: NoteRecord = {
        ...(existing?.id !== undefined ? { id: existing.id } : {}),
        site: input.site,
        conversationId: input.conversationId,
        subject: clipSubject(input.subject),
        text: input.text,
        createdAt: existing?.createdAt ?? now,
        updatedAt: existing && now <= existing.updatedAt ? existing.updatedAt + 1 : now,
      };
      note.id = await d.notes.put(note);
      return note;
    },
    input,
    NOTE,
  );
}

const validVersion = (v: unknown) => v === undefined || v === null || (typeof v === 'number' && Number.isFinite(v));

export async function getNote(site: SiteId, conversationId: string, db?: DefuseDB): Promise<Result<NoteRecord | undefined>> {
  return read(db, (d) => [d.notes], (d) => d.notes.where('[site+conversationId]').equals([site, conversationId]).first(), {
    what: 'your note',
    op: 'read',
  });
}

/** Notes, most recently edited first. */
export async function listNotes(options: { site?: SiteId; limit?: number } = {}, db?: DefuseDB): Promise<Result<NoteRecord[]>> {
  const { site, limit = 100 } = options;
  return read(db, (d) => [d.notes], (d) => {
    let c = d.notes.orderBy('updatedAt').reverse();
    if (site) c = c.filter((n) => n.site === site);
    return c.limit(limit).toArray();
  }, { what: 'your notes', op: 'read' });
}

/** Deletes a conversation's note; resolves to whether there was one. */
export async function deleteNote(site: SiteId, conversationId: string, db?: DefuseDB): Promise<Result<boolean, { site: SiteId; conversationId: string }>> {
  return write(
    db,
    (d) => [d.notes],
    async (d) => (await d.notes.where('[site+conversationId]').equals([site, conversationId]).delete()) > 0,
    { site, conversationId },
    { what: 'the note', op: 'save' },
  );
}
