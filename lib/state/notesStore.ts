// The open conversation's note and follow-up, plus every overdue follow-up, for the side panel.
// Storage calls are injected (the entrypoint binds lib/storage and lib/followups), so tests use a
// fresh fake-indexeddb database. A failed save keeps what the rep typed: the view holds the text and
// only clears its error when a save succeeds. Text typed but not saved is kept here per conversation,
// so switching to another tab or conversation and back (which unmounts the view) doesn't lose it.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ConversationSnapshot } from '@/lib/messaging/protocol';
import type { FollowUpRecord, NoteRecord, Result } from '@/lib/storage';
import type { FollowUpWhen } from '@/lib/followups';

type Target = { site: ConversationSnapshot['site']; conversationId: string; subject: string; url: string };

export interface NotesDeps {
  getNote(site: Target['site'], conversationId: string): Promise<Result<NoteRecord | undefined>>;
  saveNote(input: { site: Target['site']; conversationId: string; subject: string; text: string }): Promise<Result<NoteRecord | null, unknown>>;
  getPendingFollowUp(site: Target['site'], conversationId: string): Promise<Result<FollowUpRecord | undefined>>;
  listOverdue(now: number): Promise<Result<FollowUpRecord[]>>;
  scheduleFollowUp(target: Target & { note?: string }, when: FollowUpWhen): Promise<Result<FollowUpRecord, unknown>>;
  markDone(id: number): Promise<Result<FollowUpRecord, unknown>>;
  cancelFollowUp(id: number): Promise<Result<boolean, unknown>>;
  now(): number;
}

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
  load(conversation: ConversationSnapshot): Promise<void>;
  /** Resolves true when saved; on false the view keeps the text. */
  saveNote(text: string): Promise<boolean>;
  /** What the rep has typed in the open conversation's note field (kept until saved). */
  setDraft(text: string): void;
  setFollowUp(when: FollowUpWhen, note: string): Promise<boolean>;
  done(id: number): Promise<void>;
  clear(id: number): Promise<void>;
  refreshOverdue(): Promise<void>;
}

export type NotesStore = StoreApi<NotesState>;

const keyOf = (t: { site: string; conversationId: string } | null) => (t ? `${t.site}:${t.conversationId}` : '');

/** The drafts without `key`'s. */
const without = (drafts: Record<string, string>, key: string) => {
  const { [key]: _gone, ...rest } = drafts;
  return rest;
};

export function createNotesStore(deps: NotesDeps): NotesStore {
  return createStore<NotesState>((set, get) => {
    /** Applies a result unless the rep moved to another conversation meanwhile. */
    const current = (key: string) => keyOf(get().target) === key;
    const fail = (r: { ok: false; error: { message: string } }) => set({ error: r.error.message, status: null });

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
    async function finish(id: number, act: (id: number) => Promise<Result<unknown, unknown>>, status: string) {
      const r = await act(id);
      if (!r.ok) return fail(r);
      if (get().followUp?.id === id) set({ followUp: null });
      set({ error: null, status });
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

      async load(c) {
        const target: Target = { site: c.site, conversationId: c.conversationId, subject: c.subject, url: c.url };
        const key = keyOf(target);
        if (key === keyOf(get().target)) return;
        set({ target, ready: false, note: null, followUp: null, error: null, status: null });
        const [note] = await Promise.all([deps.getNote(target.site, target.conversationId), reloadFollowUp(target), refreshOverdue()]);
        if (!current(key)) return;
        if (note.ok) set({ note: note.value ?? null, ready: true });
        else {
          set({ ready: true });
          fail(note);
        }
      },

      async saveNote(text) {
        const target = get().target;
        if (!target) return false;
        const r = await deps.saveNote({ site: target.site, conversationId: target.conversationId, subject: target.subject, text });
        if (r.ok) {
          // The draft goes once saved, unless the rep kept typing while it was being saved.
          const key = keyOf(target);
          const draft = get().drafts[key];
          if (draft !== undefined && draft.trim() === text.trim()) set({ drafts: without(get().drafts, key) });
        }
        if (!current(keyOf(target))) return r.ok;
        if (!r.ok) {
          fail(r);
          return false;
        }
        set({ note: r.value, error: null, status: r.value ? 'Note saved on this computer.' : 'Note deleted.' });
        return true;
      },

      setDraft(text) {
        const key = keyOf(get().target);
        if (!key) return;
        const saved = get().note?.text ?? '';
        set({ drafts: text.trim() === saved.trim() ? without(get().drafts, key) : { ...get().drafts, [key]: text } });
      },

      async setFollowUp(when, note) {
        const target = get().target;
        if (!target) return false;
        const r = await deps.scheduleFollowUp({ ...target, ...(note ? { note } : {}) }, when);
        if (!r.ok) {
          fail(r);
          return false;
        }
        if (current(keyOf(target))) set({ followUp: r.value, error: null, status: 'Reminder set.' });
        await refreshOverdue();
        return true;
      },

      done: (id) => finish(id, deps.markDone, 'Marked as followed up.'),
      clear: (id) => finish(id, deps.cancelFollowUp, 'Reminder cleared.'),

      refreshOverdue,
    };
  });
}
