// Notes and a follow-up reminder for the open conversation. Props and callbacks only: the entrypoint
// connects them to lib/storage.
import { useId, useState, type FormEvent } from 'react';

export interface NoteView {
  id: string;
  text: string;
  createdAt: number;
}

export interface FollowUpView {
  dueAt: number;
  note?: string;
}

export interface NotesSectionProps {
  notes: NoteView[];
  followUp: FollowUpView | null;
  onAddNote(text: string): void | Promise<void>;
  onDeleteNote(id: string): void | Promise<void>;
  onSetFollowUp(dueAt: number, note: string): void | Promise<void>;
  onClearFollowUp(): void | Promise<void>;
  /** A storage failure, in plain words. */
  error?: string | null;
  now?: () => number;
}

const when = (ms: number) =>
  new Date(ms).toLocaleString(undefined, { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });

/** `YYYY-MM-DDTHH:mm` in local time, the value a datetime-local input takes. */
function localInputValue(ms: number): string {
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
}

export function NotesSection(props: NotesSectionProps) {
  const { notes, followUp, error } = props;
  const now = props.now ?? Date.now;
  const noteId = useId();
  const dueId = useId();
  const followNoteId = useId();
  const [draft, setDraft] = useState('');
  const [due, setDue] = useState(() => localInputValue(now() + 60 * 60_000));
  const [followNote, setFollowNote] = useState('');
  const [formError, setFormError] = useState<string | null>(null);

  const addNote = (e: FormEvent) => {
    e.preventDefault();
    const text = draft.trim();
    if (!text) return;
    void props.onAddNote(text);
    setDraft('');
  };

  const setFollowUp = (e: FormEvent) => {
    e.preventDefault();
    const dueAt = new Date(due).getTime();
    if (!Number.isFinite(dueAt)) return setFormError('Pick a date and time.');
    if (dueAt <= now()) return setFormError('Pick a time in the future.');
    setFormError(null);
    void props.onSetFollowUp(dueAt, followNote.trim());
    setFollowNote('');
  };

  return (
    <section className="card notes" aria-labelledby="notes-title">
      <h2 id="notes-title">Notes and follow-up</h2>
      {error ? (
        <p className="action-status failed" role="alert">
          {error}
        </p>
      ) : null}
      {notes.length > 0 ? (
        <ul className="note-list">
          {notes.map((n) => (
            <li key={n.id} data-testid="note">
              <p dir="auto">{n.text}</p>
              <p className="muted">
                {when(n.createdAt)}{' '}
                <button type="button" className="link" aria-label={`Delete note from ${when(n.createdAt)}`} onClick={() => void props.onDeleteNote(n.id)}>
                  Delete
                </button>
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No notes for this conversation yet.</p>
      )}
      <form onSubmit={addNote} className="stack">
        <label htmlFor={noteId}>Add a note (stays on this computer)</label>
        <textarea id={noteId} dir="auto" rows={2} value={draft} onChange={(e) => setDraft(e.target.value)} />
        <button type="submit">Save note</button>
      </form>

      <h3>Follow-up</h3>
      {followUp ? (
        <p data-testid="follow-up">
          Reminder {when(followUp.dueAt)}
          {followUp.note ? (
            <>
              : <span dir="auto">{followUp.note}</span>
            </>
          ) : null}{' '}
          <button type="button" className="link" onClick={() => void props.onClearFollowUp()}>
            Clear
          </button>
        </p>
      ) : null}
      <form onSubmit={setFollowUp} className="stack">
        <label htmlFor={dueId}>Remind me at</label>
        <input id={dueId} type="datetime-local" value={due} onChange={(e) => setDue(e.target.value)} />
        <label htmlFor={followNoteId}>What to follow up (optional)</label>
        <input id={followNoteId} type="text" dir="auto" value={followNote} onChange={(e) => setFollowNote(e.target.value)} />
        <button type="submit">{followUp ? 'Change reminder' : 'Set reminder'}</button>
        {formError ? (
          <p className="action-status failed" role="alert">
            {formError}
          </p>
        ) : null}
      </form>
    </section>
  );
}
