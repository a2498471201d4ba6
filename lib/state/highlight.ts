// Splits text into plain and marked runs by character offsets, so customer text is rendered as React
// text nodes and <mark>s and never parsed as HTML. Overlapping or touching spans merge into one run
// that carries every label.

export interface Span {
  start: number;
  end: number;
  label: string;
}

export interface Segment {
  text: string;
  /** Labels of the spans covering this run; absent for plain text. */
  labels?: string[];
  start: number;
}

export function segments(text: string, spans: readonly Span[], limit = text.length): Segment[] {
  const end = Math.min(limit, text.length);
  const valid = spans
    .map((s) => ({ start: Math.max(0, Math.floor(s.start)), end: Math.min(end, Math.floor(s.end)), label: s.label }))
    .filter((s) => Number.isFinite(s.start) && Number.isFinite(s.end) && s.start < s.end)
    .sort((a, b) => a.start - b.start || b.end - a.end);

  const merged: { start: number; end: number; labels: string[] }[] = [];
  for (const s of valid) {
    const last = merged[merged.length - 1];
    if (last && s.start < last.end) {
      last.end = Math.max(last.end, s.end);
      if (!last.labels.includes(s.label)) last.labels.push(s.label);
    } else {
      merged.push({ start: s.start, end: s.end, labels: [s.label] });
    }
  }

  const out: Segment[] = [];
  let at = 0;
  for (const m of merged) {
    if (m.start > at) out.push({ text: text.slice(at, m.start), start: at });
    out.push({ text: text.slice(m.start, m.end), labels: m.labels, start: m.start });
    at = m.end;
  }
  if (at < end) out.push({ text: text.slice(at, end), start: at });
  return out;
}

/** A short window of `text` around [start, end), for showing a finding in its context. */
export function around(text: string, start: number, end: number, context = 40): { before: string; match: string; after: string } {
  const from = Math.max(0, start - context);
  const to = Math.min(text.length, end + context);
  return {
    before: (from > 0 ? '…' : '') + text.slice(from, start),
    match: text.slice(start, end),
    after: text.slice(end, to) + (to < text.length ? '…' : ''),
  };
}
