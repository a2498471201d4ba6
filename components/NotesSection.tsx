// The rep's note on the open conversation, its follow-up reminder, and every overdue follow-up.
// Props and callbacks only: lib/state/notesStore.ts connects them to lib/storage.
import { useId, useState, type FormEvent } from 'react';
import type { FollowUpWhen } from '@/lib/followups';

export interface FollowUpView {
  id: number;
  subject: string;
  site: 'gmail' | 'zendesk';
  url: string;
  dueAt: number;
  note?: string;
}

export interface NotesSectionProps {
  /** The saved note's text ('' when none); the field starts from it unless there is a `draft`. */
  savedNote: string;
  /** Text typed earlier and not saved (the rep switched away and came back): the field starts from it. */
  draft?: string;
  /** Told on every edit of the note field, so an unsaved note outlives this view. */
  onDraftChange?(text: string): void;
  noteUpdatedAt?: number;
  followUp: FollowUpView | null;
  /** Overdue follow-ups of any conversation, soonest first. */
  overdue: FollowUpView[];
  /** Resolves true when saved; on false the typed text stays in the field. */
  onSaveNote(text: string): Promise<boolean>;
  onSetFollowUp(when: FollowUpWhen, note: string): Promise<boolean>;
  onDone(id: number): void | Promise<void>;
  onClear(id: number): void | Promise<void>;
  /** An update the rep has just promised the customer ("by 3pm today"): offered as the reminder time. */
  promise?: { at: number; label: string } | null;
  /** A storage failure, in plain words. */
  error?: string | null;
  status?: string | null;
  now?: () => number;
}

/** "Tue, Mar 4, 3:00 PM"; with the year when it is not this year's. */
const when = (ms: number, now = Date.now()) =>
  new Date(ms).toLocaleString(undefined, {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    ...(new Date(ms).getFullYear() !== new Date(now).getFullYear() ? { year: 'numeric' as const } : {}),
    hour: 'numeric',
    minute: '2-digit',
  });

/** `YYYY-MM-DDTHH:mm` in local time, the value a datetime-local input takes. */
function localInputValue(ms: number): string {
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
}

const SITE_NAMES = { gmail: 'Gmail', zendesk: 'Zendesk' } as const;

export function NotesSection(props: NotesSectionProps) {
  const { followUp, overdue, error, status } = props;
  const now = props.now ?? Date.now;
  const noteId = useId();
  const dueId = useId();
  const followNoteId = useId();
  const [text, setText] = useState(props.draft ?? props.savedNote);
  const [due, setDue] = useState(() => localInputValue(now() + 60 * 60_000));
  const [followNote, setFollowNote] = useState('');
  const [formError, setFormError] = useState<string | null>(null);
  const dirty = text.trim() !== props.savedNote.trim();

  // One status at a time: a form error is the latest word until the next action, which clears it.
  const saveNote = (e: FormEvent) => {
    e.preventDefault();
    if (!dirty) return;
    setFormError(null);
    void props.onSaveNote(text.trim());
  };

  const done = (id: number) => {
    setFormError(null);
    void props.onDone(id);
  };

  const clear = (id: number) => {
    setFormError(null);
    void props.onClear(id);
  };

  /** `fallbackNote`: what the reminder says when the rep typed nothing. */
  const schedule = async (choice: FollowUpWhen, fallbackNote = '') => {
    if (choice instanceof Date) {
      if (!Number.isFinite(choice.getTime())) return setFormError('Pick a date and time.');
      if (choice.getTime() <= now()) return setFormError('Pick a time in the future.');
    }
    setFormError(null);
    // Moving a reminder keeps what it said unless the rep typed something new.
    if (await props.onSetFollowUp(choice, followNote.trim() || fallbackNote || followUp?.note || '')) setFollowNote('');
  };

  const custom = (e: FormEvent) => {
    e.preventDefault();
    void schedule(new Date(due));
  };

  const others = overdue.filter((f) => f.id !== followUp?.id);

  return (
    <section className="card notes" aria-labelledby="notes-title">
      <h2 id="notes-title">Notes and follow-up</h2>
      {/* a storage failure always shows; a form error only replaces the older status line. The slot is
          always in the page, so screen readers hear "Note saved" when it appears. */}
      <div className="notes-status" aria-live="polite" aria-atomic="true" data-testid="notes-status">
        {error ? (
          <p className="action-status failed" role="alert">
            {error}
          </p>
        ) : formError ? null : status ? (
          <p className="action-status">{status}</p>
        ) : null}
      </div>

      <form onSubmit={saveNote} className="stack">
        <label htmlFor={noteId}>Your note on this conversation (stays on this computer)</label>
        <textarea
          id={noteId}
          data-testid="note"
          dir="auto"
          rows={3}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            props.onDraftChange?.(e.target.value);
          }}
        />
        {/* aria-disabled, not disabled: a disabled button drops keyboard focus the moment the note is saved */}
        <button type="submit" aria-disabled={!dirty || undefined}>
          Save note
        </button>
        {dirty ? (
          <p className="muted" data-testid="note-unsaved">
            Draft: press Save note to keep it.
          </p>
        ) : props.noteUpdatedAt ? (
          <p className="muted">Last saved {when(props.noteUpdatedAt, now())}</p>
        ) : null}
      </form>

      <h3>Follow-up</h3>
      {followUp ? (
        <p data-testid="follow-up">
          {followUp.dueAt <= now() ? 'Overdue since ' : 'Reminder '}
          {when(followUp.dueAt, now())}
          {followUp.note ? (
            <>
              : <span dir="auto">{followUp.note}</span>
            </>
          ) : null}{' '}
          <button type="button" className="link" onClick={() => done(followUp.id)}>
            Done
          </button>{' '}
          <button type="button" className="link" onClick={() => clear(followUp.id)}>
            Clear
          </button>
        </p>
      ) : null}
      {props.promise && props.promise.at > now() && followUp?.dueAt !== props.promise.at ? (
        <p className="promise" data-testid="promise">
          You told the customer you'd update them {props.promise.label}.{' '}
          <button type="button" onClick={() => void schedule(new Date(props.promise!.at), `Update promised ${props.promise!.label}`)}>
            Remind me then
          </button>
        </p>
      ) : null}
      <div className="stack">
        <label htmlFor={followNoteId}>What to follow up (optional)</label>
        <input id={followNoteId} type="text" dir="auto" maxLength={200} value={followNote} onChange={(e) => setFollowNote(e.target.value)} />
        <div className="row" role="group" aria-label="Remind me">
          <button type="button" onClick={() => void schedule('in-2h')}>
            In 2 hours
          </button>
          <button type="button" onClick={() => void schedule('tomorrow-9am')}>
            Tomorrow 9am
          </button>
        </div>
      </div>
      <form onSubmit={custom} className="stack">
        <label htmlFor={dueId}>Or remind me at</label>
        <input id={dueId} type="datetime-local" value={due} onChange={(e) => setDue(e.target.value)} />
        <button type="submit">{followUp ? 'Move reminder' : 'Set reminder'}</button>
        {formError ? (
          <p className="action-status failed" role="alert">
            {formError}
          </p>
        ) : null}
      </form>

      {others.length > 0 ? (
        <>
          <h3>Overdue elsewhere</h3>
          <ul className="note-list" aria-label="Overdue follow-ups">
            {others.map((f) => {
              // A page without a subject still gets a name, in the link and in its Done button alike.
              const name = f.subject.trim() ? `“${f.subject.trim()}”` : `the ${SITE_NAMES[f.site]} conversation due ${when(f.dueAt, now())}`;
              return (
                <li key={f.id} data-testid="overdue">
                  <a href={f.url} target="_blank" rel="noreferrer noopener" dir="auto">
                    {f.subject.trim() || 'A conversation'}
                  </a>{' '}
                  <span className="muted">
                    {SITE_NAMES[f.site]}, due {when(f.dueAt, now())}
                  </span>{' '}
                  <button type="button" className="link" aria-label={`Mark ${name} as followed up`} onClick={() => done(f.id)}>
                    Done
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
    </section>
  );
}
