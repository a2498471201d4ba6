// Why the score is what it is: each signal with its words, the message with those words marked, and
// the features that moved the score most.
import { useState } from 'react';
import type { Analysis, Contribution, Signal } from '@/lib/analysis/types';
import { HighlightedText } from './HighlightedText';

/** Characters of the message rendered in the panel; the rest of a huge paste is summarised. */
export const MESSAGE_DISPLAY_LIMIT = 20_000;
const SIGNALS_SHOWN = 5;
/** A huge angry paste can carry hundreds; past this the marked message is the evidence. */
const SIGNALS_LISTED = 200;
const CONTRIBUTIONS_SHOWN = 5;

export interface EvidenceProps {
  analysis: Analysis;
  /** The text the analysis ran on: signal offsets point into it. */
  text: string;
}

export function Evidence({ analysis, text }: EvidenceProps) {
  const [showAll, setShowAll] = useState(false);
  const { signals } = analysis;
  // One row per signal and words: a long rant repeating "fed up" is one row "×148", not 148 rows.
  const groups = groupSignals(signals);
  // All rows stay in the page (hidden past the first few) so find-in-page and tests see every signal.
  const listed = groups.slice(0, SIGNALS_LISTED);
  const spans = signals.map((s) => ({ start: s.start, end: s.end, label: s.label }));

  return (
    <section className="card evidence" aria-labelledby="evidence-title">
      <h2 id="evidence-title">Evidence</h2>
      {analysis.truncated ? (
        <p className="notice" role="note" data-testid="truncated">
          Very long message: Defuse scored the first {analysis.truncated.keptChars.toLocaleString('en')} of{' '}
          {analysis.truncated.totalChars.toLocaleString('en')} characters.
        </p>
      ) : null}
      {signals.length === 0 ? (
        <p className="muted">No frustration signals in this message.</p>
      ) : (
        <ul className="evidence-list">
          {listed.map(({ signal: s, count }, i) => (
            <li
              key={`${s.id}:${s.start}:${i}`}
              data-testid="evidence-item"
              data-signal={s.id}
              data-category={s.category}
              data-start={s.start}
              data-end={s.end}
              data-count={count}
              hidden={!showAll && i >= SIGNALS_SHOWN}
            >
              <span className="evidence-label">{s.label}</span>
              {sameWords(s.label, s.text) ? null : (
                <>
                  {' '}
                  <q className="evidence-text" dir="auto">
                    {s.text}
                  </q>
                </>
              )}
              {count > 1 ? (
                <>
                  {' '}
                  <span className="evidence-count">
                    <span aria-hidden="true">×{count.toLocaleString('en')}</span>
                    <span className="visually-hidden">{count.toLocaleString('en')} times</span>
                  </span>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {groups.length > SIGNALS_SHOWN ? (
        <button type="button" className="link" onClick={() => setShowAll(!showAll)} aria-expanded={showAll}>
          {showAll
            ? 'Show fewer'
            : groups.length > SIGNALS_LISTED
              ? `Show the first ${SIGNALS_LISTED} of ${groups.length} signals`
              : `Show all ${groups.length} signals`}
        </button>
      ) : null}
      <WhyThisScore evidence={analysis.evidence} />
      <details className="message">
        <summary>The message, with the evidence marked</summary>
        <HighlightedText text={text} spans={spans} limit={MESSAGE_DISPLAY_LIMIT} />
        {text.length > MESSAGE_DISPLAY_LIMIT ? (
          <p className="muted">
            Showing the first {MESSAGE_DISPLAY_LIMIT.toLocaleString('en')} of {text.length.toLocaleString('en')} characters.
          </p>
        ) : null}
      </details>
    </section>
  );
}

function WhyThisScore({ evidence }: { evidence: Contribution[] }) {
  const top = [...evidence]
    .filter((c) => c.contribution !== 0)
    .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution))
    .slice(0, CONTRIBUTIONS_SHOWN);
  if (top.length === 0) return null;
  const max = Math.max(...top.map((c) => Math.abs(c.contribution)));
  return (
    <details className="why">
      <summary>Why this score</summary>
      <ol className="why-list">
        {top.map((c) => {
          const up = c.contribution > 0;
          return (
            <li key={c.feature} data-testid="contribution" className={up ? 'raises' : 'lowers'}>
              <span className="why-label">{c.label}</span>
              <span className="why-direction">
                <span aria-hidden="true">{up ? '▲' : '▼'}</span> {up ? 'raises' : 'lowers'}
              </span>
              <span className="why-bar" aria-hidden="true">
                <span style={{ width: `${Math.round((Math.abs(c.contribution) / max) * 100)}%` }} />
              </span>
            </li>
          );
        })}
      </ol>
    </details>
  );
}

export interface SignalGroup {
  /** The first occurrence: its offsets are the row's. */
  signal: Signal;
  count: number;
}

/** Signals with the same id and the same words (ignoring case and spacing) as one group, in the
 * order their first occurrence appears. */
export function groupSignals(signals: readonly Signal[]): SignalGroup[] {
  const groups = new Map<string, SignalGroup>();
  for (const signal of signals) {
    const key = `${signal.id}\u0000${signal.text.replace(/\s+/g, ' ').trim().toLowerCase()}`;
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { signal, count: 1 });
  }
  return [...groups.values()];
}

/** A label that already quotes the words (“As per my last email”) needs no second quote. */
function sameWords(label: string, text: string): boolean {
  const norm = (t: string) => t.replace(/[“”"‘’'.,!?]/g, '').trim().toLowerCase();
  return norm(label) === norm(text);
}
