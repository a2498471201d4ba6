// The live draft coach: re-checks the reply as the rep types (the store debounces), lists each
// finding with its words marked and a rewrite, and falls back to a textarea when there is no reply box.
import { useId, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { checkedLength } from '@/lib/coach/limits';
import { around } from '@/lib/state/highlight';
import { ruleLabel } from '@/lib/state/labels';
import { currentDraft, draftModeOf, type ShownFinding } from '@/lib/state/panelStore';
import { ActionStatus } from './ActionStatus';
import { usePanel } from './PanelContext';

/** Findings listed before "Show all": a pasted log can break a rule hundreds of times. */
export const FINDINGS_SHOWN = 25;

export function DraftCoach() {
  const textareaId = useId();
  const [showAll, setShowAll] = useState(false);
  const { mode, draft, findings, checking, hasReplyBox, result, chosenManual } = usePanel(
    useShallow((s) => ({
      mode: draftModeOf(s),
      draft: currentDraft(s),
      findings: s.findings,
      checking: s.checking,
      hasReplyBox: Boolean(s.conversation?.hasReplyBox) || s.pageDraft !== null,
      result: s.results.coach,
      chosenManual: s.draftChoice === 'manual',
    })),
  );
  const checked = checkedLength(draft);
  const setManualDraft = usePanel((s) => s.setManualDraft);
  const setDraftChoice = usePanel((s) => s.setDraftChoice);

  return (
    <section className="card coach" aria-labelledby="coach-title" aria-busy={checking}>
      <h2 id="coach-title">Your reply</h2>
      {mode === 'page' ? (
        <>
          <p className="muted">
            {draft.trim() ? 'Checking the reply box as you type.' : 'Start typing your reply: Defuse checks it as you type.'}
          </p>
          <button type="button" className="link" onClick={() => setDraftChoice('manual')}>
            Paste a draft instead
          </button>
        </>
      ) : (
        <>
          <label htmlFor={textareaId}>Paste your draft here to check it</label>
          <textarea
            id={textareaId}
            data-testid="draft-input"
            dir="auto"
            rows={5}
            // Focus follows the rep's choice, so the "Paste a draft instead" click doesn't drop it.
            autoFocus={chosenManual}
            value={draft}
            placeholder={hasReplyBox ? '' : 'No reply box is open. Paste or type your reply here.'}
            onChange={(e) => setManualDraft(e.target.value)}
          />
          {chosenManual && hasReplyBox ? (
            <button type="button" className="link" onClick={() => setDraftChoice('auto')}>
              Check the reply box instead
            </button>
          ) : null}
        </>
      )}
      <p className="muted coach-state" aria-live="polite">
        {checking ? 'Checking…' : draft.trim() && findings.length === 0 ? 'No issues found in your draft.' : ''}
      </p>
      {checked < draft.length ? (
        <p className="notice" data-testid="coach-cut">
          This reply is very long: only its first {checked.toLocaleString('en')} of {draft.length.toLocaleString('en')} characters are
          checked.
        </p>
      ) : null}
      {findings.length > 0 ? (
        <ul className="finding-list">
          {(showAll ? findings : findings.slice(0, FINDINGS_SHOWN)).map((f) => (
            <FindingItem key={f.id} finding={f} draft={draft} />
          ))}
        </ul>
      ) : null}
      {!showAll && findings.length > FINDINGS_SHOWN ? (
        <button type="button" className="link" onClick={() => setShowAll(true)}>
          Show all {findings.length} findings
        </button>
      ) : null}
      <ActionStatus result={result} testId="coach-status" />
    </section>
  );
}

function FindingItem({ finding, draft }: { finding: ShownFinding; draft: string }) {
  const messageId = useId();
  const applyRewrite = usePanel((s) => s.applyRewrite);
  const dismiss = usePanel((s) => s.dismissFinding);
  const hasSpan = finding.end > finding.start && finding.text !== '';
  // While the rep types, the draft can move ahead of the last check; then show the words alone.
  const inPlace = hasSpan && draft.slice(finding.start, finding.end) === finding.text;
  const ctx = inPlace ? around(draft, finding.start, finding.end) : { before: '', match: finding.text, after: '' };
  // A rewrite that repeats the flagged words (english-only: nothing to rewrite) would change nothing.
  const rewrite = finding.suggestion && !sameText(finding.suggestion, finding.text) ? finding.suggestion : '';
  return (
    <li className={`finding ${finding.severity}`} data-testid="finding" data-rule={finding.rule} data-severity={finding.severity}>
      <p className="finding-head">
        <strong>{ruleLabel(finding.rule)}</strong>{' '}
        <span className="finding-severity">{finding.severity === 'warn' ? 'Fix' : 'Tip'}</span>
      </p>
      <p id={messageId}>{finding.message}</p>
      {hasSpan ? (
        <p className="finding-context" dir="auto">
          {ctx.before}
          <mark>{ctx.match}</mark>
          {ctx.after}
        </p>
      ) : null}
      {rewrite ? (
        <p className="finding-rewrite" dir="auto">
          <span className="muted">Try: </span>
          {rewrite}
        </p>
      ) : null}
      <div className="actions">
        {rewrite ? (
          <button type="button" aria-describedby={messageId} onClick={() => void applyRewrite(finding.id)}>
            Use rewrite
          </button>
        ) : null}
        <button type="button" aria-describedby={messageId} onClick={() => dismiss(finding.id)}>
          Dismiss
        </button>
      </div>
    </li>
  );
}

/** Equal but for spacing at the ends and inside. */
function sameText(a: string, b: string): boolean {
  const flat = (t: string) => t.replace(/\s+/g, ' ').trim();
  return flat(a) === flat(b);
}
