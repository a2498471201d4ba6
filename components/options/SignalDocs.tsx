// "What the score listens for": every signal record, its plain-language label, why it matters and an
// example, read from the same list the scorer uses. The list (with the grammar it needs) is loaded
// only when the section is opened, so the options page stays small.
import { useRef, useState } from 'react';
import type { SignalRecord } from '@/lib/analysis/signals';
import type { SignalCategory } from '@/lib/analysis/types';

const CATEGORY: Record<SignalCategory, string> = {
  'repeat-contact': 'Writing again',
  'broken-promise': 'Broken promises',
  'elapsed-time': 'Waiting',
  'churn-threat': 'Leaving',
  'legal-threat': 'Chargebacks, legal and public threats',
  'escalation-demand': 'Asking for someone senior',
  bounced: 'Passed around',
  sarcasm: 'Sarcasm',
  'controlled-formality': 'Controlled formality',
  disappointment: 'Disappointment and lost trust',
  'time-pressure': 'Time pressure',
  'overt-anger': 'Open anger',
  lexical: 'Word tone',
};

type State = { kind: 'closed' } | { kind: 'loading' } | { kind: 'ready'; records: readonly SignalRecord[] } | { kind: 'error' };

export function SignalDocs({ load = () => import('@/lib/analysis/signals').then((m) => m.SIGNALS) }: { load?: () => Promise<readonly SignalRecord[]> }) {
  const [state, setState] = useState<State>({ kind: 'closed' });
  // one load at a time, and none once loaded (a ref: two toggle events can arrive before a re-render)
  const busy = useRef(false);

  const open = () => {
    if (busy.current) return;
    busy.current = true;
    setState({ kind: 'loading' });
    load().then(
      (records) => setState({ kind: 'ready', records }),
      () => {
        busy.current = false; // opening again retries
        setState({ kind: 'error' });
      },
    );
  };

  const groups = new Map<SignalCategory, SignalRecord[]>();
  if (state.kind === 'ready') for (const r of state.records) groups.set(r.category, [...(groups.get(r.category) ?? []), r]);

  return (
    <section className="card" aria-labelledby="signals-title">
      <h2 id="signals-title">What the score listens for</h2>
      <p className="hint">
        Each kind of evidence the frustration score looks for, with why it matters and an example. The panel highlights the exact words
        that matched.
      </p>
      <details onToggle={(e) => (e.currentTarget.open ? open() : undefined)}>
        <summary>Show the signals</summary>
        {state.kind === 'loading' ? <p role="status">Loading the list…</p> : null}
        {state.kind === 'error' ? <p role="alert">The list could not be loaded. Close this section and open it again to retry.</p> : null}
        {[...groups].map(([category, records]) => (
          <div key={category} className="signal-group">
            <h3>{CATEGORY[category]}</h3>
            <ul>
              {records.map((r) => (
                <li key={r.id} data-testid="signal-doc" data-signal={r.id}>
                  <strong>{r.label}</strong>: {r.why}
                  {r.examples.fires[0] ? <span className="hint"> For example: “{r.examples.fires[0]}”</span> : null}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </details>
    </section>
  );
}
