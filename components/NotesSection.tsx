// The rep's note on the open conversation, its follow-up reminder, and every overdue follow-up.
// Props and callbacks only: lib/state/notesStore.ts connects them to lib/storage.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { FollowUpWhen } from '@/lib/followups';
import type { FollowUpDraft } from '@/lib/state/notesStore';

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
  /** The saved note couldn't be read: it isn't shown, Save is refused, and Retry reads it again. */
  noteUnreadable?: boolean;
  /**
   * Save was refused because the saved note changed in another window since it was read: the typed text
   * stays, and "Reload saved note" (`onRetryNote`) shows the newer note with the typed text below it.
   */
  noteConflict?: boolean;
  /** Reads the saved note again; resolves to the text the field should show, or null if it still fails. */
  onRetryNote?(): Promise<string | null>;
  /** What to follow up and the custom time, typed earlier and not set as a reminder yet. */
  followUpDraft?: FollowUpDraft;
  /** Told on every edit of those two fields, so they outlive this view. */
  onFollowUpDraftChange?(draft: FollowUpDraft): void;
  noteUpdatedAt?: number;
  followUp: FollowUpView | null;
  /** Overdue follow-ups of any conversation, soonest first. */
  overdue: FollowUpView[];
  /** Resolves true when saved; on false the typed text stays in the field. */
  onSaveNote(text: string): Promise<boolean>;
  onSetFollowUp(when: FollowUpWhen, note: string): Promise<boolean>;
  onDone(id: number): void | Promise<void>;
  onClear(id: number): void | Promise<void>;
  /** The reminder was just cleared here and can still be put back: "Reminder cleared. Undo". */
  canUndoClear?: boolean;
  /** Puts the cleared reminder back; resolves true when it is back. */
  onUndoClear?(): Promise<boolean>;
  /** The time to undo has passed. */
  onUndoExpired?(): void;
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

/** How long "Reminder cleared. Undo" offers the undo; the count waits while Undo has focus or the pointer. */
export const UNDO_MS = 10_000;

export function NotesSection(props: NotesSectionProps) {
  const { followUp, overdue, error, status } = props;
  const now = props.now ?? Date.now;
  const noteId = useId();
  const dueId = useId();
  const followNoteId = useId();
  const unreadableId = useId();
  const conflictId = useId();
  const [text, setText] = useState(props.draft ?? props.savedNote);
  const [due, setDue] = useState(() => props.followUpDraft?.due ?? localInputValue(now() + 60 * 60_000));
  const [followNote, setFollowNote] = useState(props.followUpDraft?.note ?? '');
  const [formError, setFormError] = useState<string | null>(null);
  const dirty = text.trim() !== props.savedNote.trim();
  const noteField = useRef<HTMLTextAreaElement>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  const clearButton = useRef<HTMLButtonElement>(null);
  /** Where focus goes after the rep's Clear or Undo removes the button it was on. */
  const focusNext = useRef<'undo' | 'clear' | null>(null);
  /** Undo has focus or the pointer: the offer doesn't run out under the rep's hand. */
  const [holding, setHolding] = useState(false);
  const canUndo = !!props.canUndoClear;
  const { onUndoExpired } = props;

  useEffect(() => {
    if (!canUndo || holding) return;
    const t = setTimeout(() => onUndoExpired?.(), UNDO_MS);
    return () => clearTimeout(t);
  }, [canUndo, holding, onUndoExpired]);

  useEffect(() => {
    if (focusNext.current === 'undo' && canUndo) undoButton.current?.focus();
    else if (focusNext.current === 'clear' && followUp) clearButton.current?.focus();
    else return;
    focusNext.current = null;
  }, [canUndo, followUp]);
  useEffect(() => {
    if (!canUndo) setHolding(false);
  }, [canUndo]);

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
    // The Clear button goes with the reminder: focus moves to Undo, so the keyboard isn't left on nothing.
    focusNext.current = 'undo';
    void props.onClear(id);
  };

  const undo = async () => {
    setFormError(null);
    focusNext.current = 'clear';
    if (!(await props.onUndoClear?.())) focusNext.current = null;
  };

  const retryNote = async () => {
    const shown = await props.onRetryNote?.();
    if (shown === null || shown === undefined) return;
    setText(shown);
    noteField.current?.focus();
  };

  const editFollowNote = (value: string) => {
    setFollowNote(value);
    props.onFollowUpDraftChange?.({ note: value });
  };

  const editDue = (value: string) => {
    setDue(value);
    props.onFollowUpDraftChange?.({ due: value });
  };

  /** `fallbackNote`: what the reminder says when the rep typed nothing. */
  const schedule = async (choice: FollowUpWhen, fallbackNote = '') => {
    if (choice instanceof Date) {
      if (!Number.isFinite(choice.getTime())) return setFormError('Pick a date and time.');
      if (choice.getTime() <= now()) return setFormError('Pick a time in the future.');
    }
    setFormError(null);
    // Moving a reminder keeps what it said unless the rep typed something new.
    const typed = followNote.trim();
    // The field empties once its text is in the reminder, unless the rep typed more meanwhile.
    if (await props.onSetFollowUp(choice, typed || fallbackNote || followUp?.note || '')) setFollowNote((now) => (now.trim() === typed ? '' : now));
  };

  const custom = (e: FormEvent) => {
    e.preventDefault();
    void schedule(new Date(due));
  };

  const others = overdue.filter((f) => f.id !== followUp?.id);

  // Named in full for screen readers and voice control alike ("Undo…" is what the rep sees and says).
  const undoControl = (
    <button
      ref={undoButton}
      type="button"
      className="link"
      data-testid="undo-clear"
      aria-label="Undo clearing the reminder"
      onClick={() => void undo()}
      onFocus={() => setHolding(true)}
      onBlur={() => setHolding(false)}
      onMouseEnter={() => setHolding(true)}
      onMouseLeave={() => setHolding(false)}
    >
      Undo
    </button>
  );

  return (
    <section className="card notes" aria-labelledby="notes-title">
      <h2 id="notes-title">Notes and follow-up</h2>
      {/* a storage failure always shows; a form error only replaces the older status line. The slot is
          always in the page, so screen readers hear "Note saved" when it appears. */}
      <div className="notes-status" aria-live="polite" aria-atomic="true" data-testid="notes-status">
        {error ? (
          <p className="action-status failed" role="alert">
            {error}
            {canUndo ? <> {undoControl}</> : null}
          </p>
        ) : formError ? null : status ? (
          <p className="action-status">
            {status}
            {canUndo ? <> {undoControl}</> : null}
          </p>
        ) : null}
      </div>

      <form onSubmit={saveNote} className="stack">
        <label htmlFor={noteId}>Your note on this conversation (stays on this computer)</label>
        <textarea
          ref={noteField}
          id={noteId}
          data-testid="note"
          aria-describedby={[props.noteUnreadable && unreadableId, props.noteConflict && conflictId].filter(Boolean).join(' ') || undefined}
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
        {props.noteUnreadable ? (
          <p id={unreadableId} className="action-status failed" data-testid="note-unreadable">
            Your saved note couldn't be read, so it isn't shown here. What you type is kept, and Save won't replace the
            saved note until it has been read.{' '}
            <button type="button" aria-label="Retry reading the saved note" onClick={() => void retryNote()}>
              Retry
            </button>
          </p>
        ) : null}
        {props.noteConflict ? (
          <p id={conflictId} className="action-status failed" data-testid="note-conflict">
            The saved note was changed in another Defuse window since you opened it, so your text wasn't saved over it.
            What you typed is kept. Reload to see the saved note with your text below it, then save.{' '}
            <button type="button" onClick={() => void retryNote()}>
              Reload saved note
            </button>
          </p>
        ) : null}
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
          <button ref={clearButton} type="button" className="link" onClick={() => clear(followUp.id)}>
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
        <input id={followNoteId} type="text" dir="auto" maxLength={200} value={followNote} onChange={(e) => editFollowNote(e.target.value)} />
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
        <input id={dueId} type="datetime-local" value={due} onChange={(e) => editDue(e.target.value)} />
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
