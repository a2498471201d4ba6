// Backup and restore of the rep's own notes and follow-ups. A restore merges: nothing here is
// overwritten by an older copy, and the report says what was added, updated or kept.
import { useRef, type ChangeEvent } from 'react';
import type { MergeCounts, RestoreReport } from '@/lib/storage';
import { useFocusBack } from './focusBack';
import { Notice } from './Notice';
import { useOptions, useOptionsActions } from './OptionsContext';

export function Backup() {
  const busy = useOptions((s) => !!s.busy.backup);
  const notice = useOptions((s) => s.notices.backup);
  const report = useOptions((s) => s.restoreReport);
  const { downloadBackup, restoreBackup } = useOptionsActions();
  const input = useRef<HTMLInputElement>(null);
  const focusBack = useFocusBack(busy, input);

  const pick = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    focusBack();
    void restoreBackup(file);
  };

  return (
    <section className="card" aria-labelledby="backup-title">
      <h2 id="backup-title">Backup and restore</h2>
      <p className="hint" id="backup-hint">
        Your notes and follow-ups, as one JSON file. Restoring merges it with what is here: the newer copy of each
        note or follow-up wins.
      </p>
      <div className="actions">
        <button type="button" aria-disabled={busy || undefined} onClick={() => void downloadBackup()}>
          Download backup
        </button>
      </div>
      <div className="field">
        <label htmlFor="restore-file">Restore from file</label>
        <input id="restore-file" ref={input} type="file" accept=".json,application/json" aria-describedby="backup-hint" disabled={busy} onChange={pick} />
      </div>
      <Notice notice={notice} testId="backup-notice" />
      {report ? <RestoreSummary report={report} /> : null}
    </section>
  );
}

const counts = (c: MergeCounts) => `${c.added} added, ${c.updated} updated, ${c.kept} kept as they were`;

function RestoreSummary({ report }: { report: RestoreReport }) {
  return (
    <ul className="restore-report" aria-label="What the restore merged" data-testid="restore-report">
      <li>Notes: {counts(report.notes)}.</li>
      <li>Follow-ups: {counts(report.followUps)}.</li>
    </ul>
  );
}
