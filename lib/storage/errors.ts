// Storage failures, in words a rep can act on. Every repository function returns a Result instead
// of throwing, and a failed write hands back what was being saved (`pending`) so the UI keeps the text.

export type StorageErrorKind =
  /** The browser's storage quota is used up. */
  | 'quota'
  /** Our upgrade waits for another Defuse tab/panel still holding the old version open. */
  | 'blocked'
  /** The data on disk is newer than this page's code (Defuse was updated while the page stayed open). */
  | 'version'
  /** No IndexedDB here: private window, privacy settings, or `indexedDB` undefined. */
  | 'unavailable'
  /** Called from a web page's origin (a content script): its IndexedDB is the host site's, not ours. */
  | 'wrong-context'
  /** The input or file was refused; the message says which part and why. */
  | 'invalid'
  /** The item was changed elsewhere (another Defuse window, a restored backup) since the caller read it. */
  | 'conflict'
  | 'not-found'
  | 'unknown';

export class StorageError extends Error {
  override readonly name = 'StorageError';
  constructor(
    readonly kind: StorageErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export type Ok<T> = { ok: true; value: T };
export type Failure<P = never> = [P] extends [never]
  ? { ok: false; error: StorageError }
  : { ok: false; error: StorageError; pending: P };
/** What every repository function resolves to. `pending` (writes only) is exactly what the caller passed in. */
export type Result<T, P = never> = Ok<T> | Failure<P>;

/** What the failure was about, so the message can name it: "your note", "your reminder". */
export interface Subject {
  /** "your note", "your reminder", "the usage data"… */
  what: string;
  /** Reading loses nothing, so its messages don't talk about keeping text. */
  op: 'save' | 'read';
}

export const SAVE: Subject = { what: 'what you typed', op: 'save' };
export const READ: Subject = { what: 'your data', op: 'read' };

export function messageFor(kind: StorageErrorKind, s: Subject = SAVE, detail = ''): string {
  const kept = s.op === 'save' ? ` ${cap(s.what)} is still here.` : '';
  switch (kind) {
    case 'quota':
      return (
        `Your browser's storage is full, so ${s.op === 'save' ? 'this wasn\'t saved' : 'Defuse couldn\'t read ' + s.what}.${kept} ` +
        'Copy anything important, free some space (delete old usage data in Defuse\'s settings, or clear other sites\' data), then try again.'
      );
    case 'blocked':
      return (
        'Defuse is updating its storage, but another Defuse tab or side panel still has the old version open. ' +
        `Close or reload the other Defuse tabs and panels, then try again.${kept}`
      );
    case 'version':
      return (
        'Defuse was updated in another window, so this page is out of date. Reload it (or close and reopen the side panel)' +
        (s.op === 'save' ? `; ${s.what} is kept here until then.` : '.')
      );
    case 'unavailable':
      return (
        "Storage isn't available in this window (private windows and some privacy settings turn it off)" +
        (s.op === 'save'
          ? `; ${s.what} is kept here until you close this panel. Copy it, or open Defuse in a normal window to save it.`
          : '. Open Defuse in a normal window to see saved notes and reminders.')
      );
    case 'wrong-context':
      return "Defuse can't keep data from inside a web page. This is a bug in Defuse: storage belongs to the side panel, options page and background.";
    case 'not-found':
      return detail || "That item doesn't exist any more (it may have been deleted in another window).";
    case 'conflict':
      return detail || `Not saved: this was changed in another Defuse window since you opened it.${kept} Reload it to compare, then save again.`;
    case 'invalid':
      return detail;
    case 'unknown':
      return (
        `${s.op === 'save' ? 'Saving' : 'Reading'} didn't work${detail ? ` (${detail})` : ''}.${kept} ` +
        'Try again, and reload Defuse if it keeps happening.'
      );
  }
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function invalid(message: string): StorageError {
  return new StorageError('invalid', message);
}

/** Every DOMException/Dexie error name in an error chain (Dexie nests the IndexedDB cause in `inner`). */
function namesIn(err: unknown, seen = new Set<unknown>()): string[] {
  if (!err || typeof err !== 'object' || seen.has(err)) return [];
  seen.add(err);
  const e = err as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  const own = typeof e.name === 'string' ? [e.name] : [];
  const failures = Array.isArray(e.failures) ? e.failures : [];
  return [...own, ...namesIn(e.inner, seen), ...namesIn(e.cause, seen), ...failures.flatMap((f) => namesIn(f, seen))];
}

/**
 * Maps whatever IndexedDB or Dexie threw to a StorageError. `opening` is true while the database is
 * being opened: that is when private windows (Firefox: InvalidStateError; others: SecurityError)
 * refuse IndexedDB.
 */
export function toStorageError(err: unknown, s: Subject = SAVE, opening = false): StorageError {
  if (err instanceof StorageError) {
    // Kinds whose message depends on what was being saved are re-worded for this call.
    return err.kind === 'invalid' || err.kind === 'not-found' || err.kind === 'conflict' || err.kind === 'wrong-context'
      ? err
      : new StorageError(err.kind, messageFor(err.kind, s), { cause: err.cause ?? err });
  }
  const names = namesIn(err);
  const has = (...n: string[]) => n.some((x) => names.includes(x));
  let kind: StorageErrorKind = 'unknown';
  if (has('QuotaExceededError')) kind = 'quota';
  else if (has('VersionError', 'DatabaseClosedError', 'VersionChangeError')) kind = 'version';
  else if (has('MissingAPIError')) kind = 'unavailable';
  else if (opening && has('InvalidStateError', 'SecurityError', 'NotAllowedError', 'UnknownError')) kind = 'unavailable';
  const detail = kind === 'unknown' ? names[0] ?? String(err) : '';
  return new StorageError(kind, messageFor(kind, s, detail), { cause: err });
}
