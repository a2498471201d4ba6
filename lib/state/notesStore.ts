// The open conversation's note and follow-up, plus every overdue follow-up, for the side panel.
// Storage calls are injected (the entrypoint binds lib/storage and lib/followups), so tests use a
// fresh fake-indexeddb database. A failed save keeps what the rep typed: the view holds the text and
// only clears its error when a save succeeds. Text typed but not saved (the note, and what to follow up
// with its chosen time) is kept here per conversation, so switching to another tab or conversation and
// back (which unmounts the view) doesn't lose it. A saved note that couldn't be read is never replaced:
// Save refuses until a re-read (Retry) succeeds. Nor is one changed elsewhere since it was read (another
// side panel, a restored backup): each save names the version it replaces, storage refuses a stale one,
// and the same re-read shows the newer note with the typed text below it. A cleared reminder can be put
// back (Undo) until the rep does something else.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ConversationSnapshot } from '@/lib/messaging/protocol';
import type { FollowUpRecord, NoteRecord, Result } from '@/lib/storage';
import { restoreFollowUp, type FollowUpWhen } from '@/lib/followups';

type Target = { site: ConversationSnapshot['site']; conversationId: string; subject: string; url: string };

export interface NotesDeps {
  getNote(site: Target['site'], conversationId: string): Promise<Result<NoteRecord | undefined>>;
  /** `expectedUpdatedAt`: the version of the note this replaces (`null`: no note); storage refuses a stale one. */
  saveNote(input: {
    site: Target['site'];
    conversationId: string;
    subject: string;
    text: string;
    expectedUpdatedAt: number | null;
  }): Promise<Result<NoteRecord | null, unknown>>;
  getPendingFollowUp(site: Target['site'], conversationId: string): Promise<Result<FollowUpRecord | undefined>>;
  listOverdue(now: number): Promise<Result<FollowUpRecord[]>>;
  scheduleFollowUp(target: Target & { note?: string }, when: FollowUpWhen): Promise<Result<FollowUpRecord, unknown>>;
  markDone(id: number): Promise<Result<FollowUpRecord, unknown>>;
  cancelFollowUp(id: number): Promise<Result<boolean, unknown>>;
  /** Puts back a reminder just cleared, alarm and all. Defaults to lib/followups' (the browser's alarms, the default database). */
  restoreFollowUp?(row: FollowUpRecord): Promise<Result<FollowUpRecord, unknown>>;
  now(): number;
}

/** What the rep has typed or picked for a reminder not set yet: its text, and the custom time field's value. */
export interface FollowUpDraft {
  note?: string;
  /** `YYYY-MM-DDTHH:mm`, as the datetime-local field holds it; only when the rep changed it. */
  due?: string;
}

/** Why Save is refused while the saved note can't be read. */
export const SAVE_REFUSED_UNREAD =
  "Not saved: your saved note couldn't be read, and saving now would replace it. What you typed is kept. " +
  'Press Retry to read the saved note, then save.';

export interface NotesState {
  target: Target | null;
  /** The target's note has been read (or reading it failed): until then the field can't show it. */
  ready: boolean;
  note: NoteRecord | null;
  followUp: FollowUpRecord | null;
  overdue: FollowUpRecord[];
  /** A storage failure in plain words; cleared by the next success. */
  error: string | null;
  /** A short confirmation ("Note saved."). */
  status: string | null;
  /** Note text typed but not saved yet, by `site:conversationId`, while the panel stays open. */
  drafts: Record<string, string>;
  /** What to follow up (and the custom time) typed before the reminder was set, by `site:conversationId`. */
  followUpDrafts: Record<string, FollowUpDraft>;
  /** Reading the saved note failed: Save is refused until `retryNote` reads it. */
  noteUnreadable: boolean;
  /** Save was refused: the saved note changed elsewhere since it was read. `retryNote` reads the newer one. */
  noteConflict: boolean;
  /** The reminder the rep just cleared, while Undo can put it back; `key` is its conversation's. */
  lastCleared: { key: string; followUp: FollowUpRecord } | null;
  load(conversation: ConversationSnapshot): Promise<void>;
  /** Resolves true when saved; on false the view keeps the text. */
  saveNote(text: string): Promise<boolean>;
  /** What the rep has typed in the open conversation's note field (kept until saved). */
  setDraft(text: string): void;
  /**
   * Reads the saved note again after a failed read or a refused save (`noteConflict`). Resolves to the
   * text the note field should show (the saved note, followed by anything typed while it couldn't be
   * read or that the refused save held), or null if it still fails.
   */
  retryNote(): Promise<string | null>;
  /** What the rep has typed or picked for the open conversation's reminder; fields not given stay. */
  setFollowUpDraft(draft: FollowUpDraft): void;
  setFollowUp(when: FollowUpWhen, note: string): Promise<boolean>;
  done(id: number): Promise<void>;
  clear(id: number): Promise<void>;
  /** Puts back the reminder just cleared; resolves true when it is back. */
  undoClear(): Promise<boolean>;
  /** The time to undo has passed: the cleared reminder stays cleared. */
  dismissUndo(): void;
  refreshOverdue(): Promise<void>;
}

export type NotesStore = StoreApi<NotesState>;

const keyOf = (t: { site: string; conversationId: string } | null) => (t ? `${t.site}:${t.conversationId}` : '');

/** The drafts without `key`'s. */
const without = <T,>(drafts: Record<string, T>, key: string) => {
  const { [key]: _gone, ...rest } = drafts;
  return rest;
};

/** `draft` with its empty fields dropped, or null when nothing is left. */
function kept(draft: FollowUpDraft): FollowUpDraft | null {
  const out: FollowUpDraft = {};
  if (draft.note?.trim()) out.note = draft.note;
  if (draft.due) out.due = draft.due;
  return out.note !== undefined || out.due !== undefined ? out : null;
}

export function createNotesStore(deps: NotesDeps): NotesStore {
  return createStore<NotesState>((set, get) => {
    /** Applies a result unless the rep moved to another conversation meanwhile. */
    const current = (key: string) => keyOf(get().target) === key;
    // Any other outcome ends the chance to undo a clear: Undo only ever sits beside "Reminder cleared."
    const fail = (r: { ok: false; error: { message: string } }) => set({ error: r.error.message, status: null, lastCleared: null });
    const restore = deps.restoreFollowUp ?? ((row: FollowUpRecord) => restoreFollowUp(row));
    /**
     * Conversations whose note draft was typed without seeing the saved note as it is: begun while it
     * couldn't be read, or refused because it changed elsewhere.
     */
    const blind = new Set<string>();
    /**
     * The `updatedAt` of each conversation's note as last read or saved here (`null`: none), which its
     * next save must replace. Kept apart from `note` so a save that outlives a switch of conversation
     * still records its new version.
     */
    const versions = new Map<string, number | null>();
    /** Saves run one after another, so a second Save doesn't name the version the first one is replacing. */
    let saving: Promise<unknown> = Promise.resolve();

    /**
     * Shows a note just read. A draft begun while it couldn't be read goes after it, so the field shows
     * both and saving keeps both. Resolves to the text the field should show.
     */
    function noteRead(key: string, note: NoteRecord | undefined): string {
      const saved = note?.text ?? '';
      let draft = get().drafts[key];
      const merged = blind.delete(key) && draft !== undefined && !!saved.trim();
      if (merged) draft = `${saved.trimEnd()}\n\n${draft!.trim()}`;
      versions.set(key, note?.updatedAt ?? null);
      set({
        note: note ?? null,
        noteUnreadable: false,
        noteConflict: false,
        ready: true,
        ...(merged ? { drafts: { ...get().drafts, [key]: draft! }, status: 'Saved note read. What you typed is below it, not saved yet.' } : {}),
      });
      return draft ?? saved;
    }

    async function refreshOverdue() {
      const r = await deps.listOverdue(deps.now());
      if (r.ok) set({ overdue: r.value });
    }

    async function reloadFollowUp(target: Target) {
      const r = await deps.getPendingFollowUp(target.site, target.conversationId);
      if (!current(keyOf(target))) return;
      if (r.ok) set({ followUp: r.value ?? null });
      else fail(r);
    }

    /** Done or cleared: either way the reminder leaves this conversation and the overdue list. */
    async function finish(id: number, act: (id: number) => Promise<Result<unknown, unknown>>, status: string, undoable = false) {
      const key = keyOf(get().target);
      // What Undo would put back: the reminder as the panel shows it.
      const row = get().followUp?.id === id ? get().followUp : get().overdue.find((f) => f.id === id);
      const r = await act(id);
      if (!r.ok) return fail(r);
      // One update: the Clear button leaves as Undo arrives, so focus can move straight to Undo.
      set({
        ...(get().followUp?.id === id ? { followUp: null } : {}),
        error: null,
        status,
        lastCleared: undoable && row && current(key) ? { key, followUp: row } : null,
      });
      await refreshOverdue();
    }

    return {
      target: null,
      ready: false,
      note: null,
      followUp: null,
      overdue: [],
      error: null,
      status: null,
      drafts: {},
      followUpDrafts: {},
      noteUnreadable: false,
      noteConflict: false,
      lastCleared: null,

      async load(c) {
        const target: Target = { site: c.site, conversationId: c.conversationId, subject: c.subject, url: c.url };
        const key = keyOf(target);
        if (key === keyOf(get().target)) return;
        set({ target, ready: false, note: null, noteUnreadable: false, noteConflict: false, followUp: null, error: null, status: null, lastCleared: null });
        const [note] = await Promise.all([deps.getNote(target.site, target.conversationId), reloadFollowUp(target), refreshOverdue()]);
        if (!current(key)) return;
        if (note.ok) noteRead(key, note.value);
        else {
          // A draft from before was typed over the note as it was shown; one begun now is typed blind.
          if (get().drafts[key] === undefined) blind.add(key);
          set({ ready: true, noteUnreadable: true });
          fail(note);
        }
      },

      async retryNote() {
        const target = get().target;
        if (!target) return null;
        const key = keyOf(target);
        const r = await deps.getNote(target.site, target.conversationId);
        if (!current(key)) return null;
        if (!r.ok) {
          fail(r);
          return null;
        }
        set({ error: null, status: 'Saved note read.', lastCleared: null });
        return noteRead(key, r.value);
      },

      async saveNote(text) {
        const target = get().target;
        if (!target) return false;
        if (get().noteUnreadable) {
          set({ error: SAVE_REFUSED_UNREAD, status: null, lastCleared: null });
          return false;
        }
        const key = keyOf(target);
        const { site, conversationId, subject } = target;
        // The version is taken when this save's turn comes, after any save before it has recorded its own.
        // Not read yet (a save before its load finished) counts as "no note": it never replaces one unseen.
        const run = saving.then(async () => {
          const r = await deps.saveNote({ site, conversationId, subject, text, expectedUpdatedAt: versions.get(key) ?? null });
          if (r.ok) versions.set(key, r.value?.updatedAt ?? null);
          return r;
        });
        saving = run.catch(() => undefined);
        const r = await run;
        if (r.ok) {
          // The draft goes once saved, unless the rep kept typing while it was being saved.
          const draft = get().drafts[key];
          if (draft !== undefined && draft.trim() === text.trim()) set({ drafts: without(get().drafts, key) });
        } else if (r.error.kind === 'conflict') {
          // What the refused save held stays a draft, to go below the newer note when it is read.
          blind.add(key);
          if (get().drafts[key] === undefined) set({ drafts: { ...get().drafts, [key]: text } });
        }
        if (!current(key)) return r.ok;
        if (!r.ok) {
          fail(r);
          if (r.error.kind === 'conflict') set({ noteConflict: true });
          return false;
        }
        set({ note: r.value, error: null, status: r.value ? 'Note saved on this computer.' : 'Note deleted.', lastCleared: null });
        return true;
      },

      setDraft(text) {
        const key = keyOf(get().target);
        if (!key) return;
        const saved = get().note?.text ?? '';
        set({ drafts: text.trim() === saved.trim() ? without(get().drafts, key) : { ...get().drafts, [key]: text } });
      },

      setFollowUpDraft(draft) {
        const key = keyOf(get().target);
        if (!key) return;
        const next = kept({ ...get().followUpDrafts[key], ...draft });
        set({ followUpDrafts: next ? { ...get().followUpDrafts, [key]: next } : without(get().followUpDrafts, key) });
      },

      async setFollowUp(when, note) {
        const target = get().target;
        if (!target) return false;
        const r = await deps.scheduleFollowUp({ ...target, ...(note ? { note } : {}) }, when);
        if (!r.ok) {
          fail(r);
          return false;
        }
        // The typed text went into the reminder, so it is no longer a draft (unless the rep typed more
        // meanwhile). The picked time stays, as it does in the field.
        const key = keyOf(target);
        const draft = get().followUpDrafts[key];
        if (draft?.note !== undefined && draft.note.trim() === note.trim()) {
          const next = kept({ ...draft, note: undefined });
          set({ followUpDrafts: next ? { ...get().followUpDrafts, [key]: next } : without(get().followUpDrafts, key) });
        }
        if (current(key)) set({ followUp: r.value, error: null, status: 'Reminder set.', lastCleared: null });
        await refreshOverdue();
        return true;
      },

      done: (id) => finish(id, deps.markDone, 'Marked as followed up.'),
      clear: (id) => finish(id, deps.cancelFollowUp, 'Reminder cleared.', true),

      async undoClear() {
        const cleared = get().lastCleared;
        if (!cleared || !current(cleared.key)) return false;
        const r = await restore(cleared.followUp);
        if (!r.ok) {
          // Keep the offer: the error says why, and Undo can be pressed again.
          set({ error: r.error.message, status: null });
          return false;
        }
        if (current(cleared.key)) set({ followUp: r.value, error: null, status: 'Reminder put back.', lastCleared: null });
        await refreshOverdue();
        return true;
      },

      dismissUndo() {
        if (get().lastCleared) set({ lastCleared: null });
      },

      refreshOverdue,
    };
  });
}
