// Ranked de-escalation replies, each ready to insert into the reply box or copy.
import { useId, useState } from 'react';
import type { Suggestion } from '@/lib/coach/types';
import { ActionStatus } from './ActionStatus';
import { usePanel } from './PanelContext';

/** The best few first, so the draft coach stays within reach in a narrow panel. */
const SHOWN_FIRST = 3;

export function Suggestions() {
  const suggestions = usePanel((s) => s.suggestions);
  const [showAll, setShowAll] = useState(false);
  if (suggestions.length === 0) return null;
  const more = Math.max(0, suggestions.length - SHOWN_FIRST);
  return (
    <section className="card suggestions" aria-labelledby="suggestions-title">
      <h2 id="suggestions-title">Suggested phrasing</h2>
      <ol className="suggestion-list">
        {suggestions.map((s, i) => (
          <SuggestionItem key={s.id} suggestion={s} hidden={!showAll && i >= SHOWN_FIRST} />
        ))}
      </ol>
      {more > 0 ? (
        <button type="button" className="link" aria-expanded={showAll} onClick={() => setShowAll(!showAll)}>
          {showAll ? 'Show fewer' : `Show ${more} more`}
        </button>
      ) : null}
    </section>
  );
}

function SuggestionItem({ suggestion, hidden }: { suggestion: Suggestion; hidden: boolean }) {
  const textId = useId();
  const result = usePanel((s) => s.results[`suggestion:${suggestion.id}`]);
  const insert = usePanel((s) => s.insertSuggestion);
  const copy = usePanel((s) => s.copySuggestion);
  const busy = result?.state === 'pending';
  return (
    <li className="suggestion" data-testid="suggestion" data-suggestion={suggestion.id} data-step={suggestion.step} hidden={hidden}>
      <p className="suggestion-text" id={textId} dir="auto">
        {suggestion.text}
      </p>
      <p className="suggestion-why">{suggestion.why}</p>
      <div className="actions">
        <button
          type="button"
          data-testid="suggestion-insert"
          aria-describedby={textId}
          // aria-disabled, not disabled: a disabled button drops keyboard focus.
          aria-disabled={busy || undefined}
          onClick={() => {
            if (!busy) void insert(suggestion.id);
          }}
        >
          Insert
        </button>
        <button type="button" data-testid="suggestion-copy" aria-describedby={textId} onClick={() => void copy(suggestion.id)}>
          Copy
        </button>
      </div>
      <ActionStatus result={result} testId="suggestion-status" />
    </li>
  );
}
