// Customer text with marked spans, rendered as React text nodes and <mark>s: the text is never parsed
// as HTML, so markup in a message shows as the characters it is.
import { Fragment } from 'react';
import { segments, type Span } from '@/lib/state/highlight';

export interface HighlightedTextProps {
  text: string;
  spans: readonly Span[];
  /** Render at most this many characters (huge pastes). */
  limit?: number;
  className?: string;
}

export function HighlightedText({ text, spans, limit, className }: HighlightedTextProps) {
  return (
    <p className={className ?? 'message-text'} dir="auto">
      {segments(text, spans, limit).map((s) =>
        s.labels ? (
          <mark key={s.start} title={s.labels.join(', ')} data-labels={s.labels.join('|')}>
            {s.text}
          </mark>
        ) : (
          <Fragment key={s.start}>{s.text}</Fragment>
        ),
      )}
    </p>
  );
}
