// The rep's own note per conversation. Saving never loses text: a failure hands the input back.
import type { DefuseDB } from './db';
import { invalid, type Result, type Subject } from './errors';
import { read, refuse, write } from './run';
import type { NoteRecord, SiteId } from './types';
import { isSite } from './validate';

export interface NoteInput {
  site: SiteId;
  conversationId: string;
  subject: string;
  text: string;
}

export const MAX_NOTE_CHARS = 50_000;
const NOTE: Subject = { what: 'your note', op: 'save' };

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
 */
export async function saveNote(input: NoteInput, now = Date.now(), db?: DefuseDB): Promise<Result<NoteRecord | null, NoteInput>> {
  const problem =
    checkConversation(input) ??
    (typeof input.text !== 'string'
      ? 'The note has no text.'
      : input.text.length > MAX_NOTE_CHARS
        ? `The note is ${input.text.length.toLocaleString('en')} characters long; notes hold up to ${MAX_NOTE_CHARS.toLocaleString('en')}. Your text is still here.`
        : null);
  if (problem) return refuse(invalid(problem), input);
  return write(
    db,
    (d) => [d.notes],
    async (d) => {
      const existing = await d.notes.where('[site+conversationId]').equals([input.site, input.conversationId]).first();
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
        updatedAt: now,
      };
      note.id = await d.notes.put(note);
      return note;
    },
    input,
    NOTE,
  );
}

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
