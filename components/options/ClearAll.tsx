// Deleting everything Defuse keeps on this computer. Two steps: open the confirmation, type "delete".
import { useEffect, useRef, useState } from 'react';
import { Notice } from './Notice';
import { useOptions, useOptionsActions } from './OptionsContext';

export const CONFIRM_WORD = 'delete';

export function ClearAll() {
  const busy = useOptions((s) => !!s.busy.clear);
  const notice = useOptions((s) => s.notices.clear);
  const { clearAll } = useOptionsActions();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const field = useRef<HTMLInputElement>(null);
  const opener = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (open) field.current?.focus();
  }, [open]);

  const close = () => {
    setOpen(false);
    setTyped('');
    // Back to the button that opened it, so keyboard users don't land at the top of the page.
    requestAnimationFrame(() => opener.current?.focus());
  };
  const confirmed = typed.trim().toLowerCase() === CONFIRM_WORD;
  const confirm = () => {
    if (!confirmed || busy) return;
    setOpen(false);
    setTyped('');
    // The field and this button go away: focus returns to the opener, next to where the outcome is said.
    requestAnimationFrame(() => opener.current?.focus());
    void clearAll();
  };

  return (
    <section className="card danger-zone" aria-labelledby="clear-title">
      <h2 id="clear-title">Delete all data</h2>
      <p className="hint">
        Deletes your notes, follow-ups, usage figures, imported team files and settings from this computer. Download a
        backup first if you may want your notes back.
      </p>
      {open ? (
        <div
          className="confirm"
          role="group"
          aria-label="Confirm deleting all data"
          onKeyDown={(e) => {
            if (e.key === 'Escape') close();
          }}
        >
          <label htmlFor="clear-confirm">
            Type "{CONFIRM_WORD}" to confirm
          </label>
          <input
            id="clear-confirm"
            ref={field}
            autoComplete="off"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') confirm();
            }}
          />
          <div className="actions">
            <button type="button" className="danger" disabled={!confirmed} onClick={confirm}>
              Delete everything
            </button>
            <button type="button" className="secondary" onClick={close}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="danger" ref={opener} aria-disabled={busy || undefined} onClick={() => setOpen(true)}>
          Delete all data…
        </button>
      )}
      <Notice notice={notice} testId="clear-notice" />
    </section>
  );
}
