// Importing reps' usage exports: pick several files, see what happened to each (imported, already
// imported, rejected and why), and the list of files the team view is built from.
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import type { FileReport } from '@/lib/storage';
import { useFocusBack } from './focusBack';
import { Notice } from './Notice';
import { useOptions, useOptionsActions } from './OptionsContext';

const STATUS: Record<FileReport['status'], string> = {
  imported: 'Imported',
  skipped: 'Already imported',
  rejected: 'Rejected',
};

const dateOf = (ms: number) => new Date(ms).toLocaleDateString('en-CA');

export function TeamImport() {
  const busy = useOptions((s) => !!s.busy.import);
  const notice = useOptions((s) => s.notices.import);
  const reports = useOptions((s) => s.importReports);
  const { importFiles } = useOptionsActions();
  const input = useRef<HTMLInputElement>(null);
  const focusBack = useFocusBack(busy, input);

  const pick = (e: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(e.target.files ?? []);
    // Cleared so picking the same file again still reports (as "already imported").
    e.target.value = '';
    if (!files.length) return;
    focusBack();
    void importFiles(files);
  };

  return (
    <section className="card" aria-labelledby="import-title">
      <h2 id="import-title">Import team files</h2>
      <p className="hint" id="import-hint">
        Reps' CSV or JSON exports. A file imported before is skipped, and a newer export of the same rep replaces the
        days it repeats, so nothing is counted twice.
      </p>
      <div className="field">
        <label htmlFor="team-files">Usage files (CSV or JSON, several at once)</label>
        <input
          id="team-files"
          ref={input}
          type="file"
          multiple
          accept=".csv,.json,text/csv,application/json"
          aria-describedby="import-hint"
          disabled={busy}
          onChange={pick}
        />
      </div>
      {busy ? <p role="status">Importing…</p> : null}
      <Notice notice={notice} testId="import-notice" />
      {reports ? <ImportReports reports={reports} /> : null}
      <ImportedFiles />
    </section>
  );
}

function ImportReports({ reports }: { reports: FileReport[] }) {
  return (
    <ul className="reports" aria-label="Import results" data-testid="import-reports">
      {reports.map((r, i) => (
        <li key={`${i}-${r.name}`} className={`report report-${r.status}`} data-status={r.status}>
          <p>
            <strong className="status">{STATUS[r.status]}</strong> <span className="file-name">{r.name}</span>
          </p>
          <ul>
            {r.messages.map((m, j) => (
              <li key={j}>{m}</li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

function ImportedFiles() {
  const imports = useOptions((s) => s.imports);
  const busy = useOptions((s) => !!s.busy.import);
  const { forgetTeam } = useOptionsActions();
  const [confirming, setConfirming] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  // The button pressed goes away either way: focus moves to the safe choice, and back to the opener after.
  useEffect(() => {
    if (confirming) cancel.current?.focus();
    else if (wasConfirming.current) opener.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);
  if (!imports.length) return null;
  return (
    <>
      <div className="table-wrap">
        <table data-testid="imports-table">
          <caption>Imported files</caption>
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Imported on</th>
              <th scope="col" className="num">Rows</th>
              <th scope="col">Reps</th>
            </tr>
          </thead>
          <tbody>
            {imports.map((f) => (
              <tr key={f.hash}>
                <th scope="row" className="file-name">
                  {f.name}
                </th>
                <td>{dateOf(f.importedAt)}</td>
                <td className="num">{f.rows}</td>
                <td>{f.reps.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="actions">
        {confirming ? (
          <>
            <span>Forget {imports.length === 1 ? 'the imported file' : `all ${imports.length} imported files`}? Your own data stays.</span>
            <button
              type="button"
              className="danger"
              aria-disabled={busy || undefined}
              onClick={() => {
                setConfirming(false);
                void forgetTeam();
              }}
            >
              Yes, forget them
            </button>
            <button type="button" className="secondary" ref={cancel} onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </>
        ) : (
          <button type="button" className="secondary" ref={opener} onClick={() => setConfirming(true)}>
            Forget imported files…
          </button>
        )}
      </div>
    </>
  );
}
