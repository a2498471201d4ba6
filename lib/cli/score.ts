// `score`: one {"id","text"} per line → {"id","score","level","frustrated","signals":[{"id","label","text","start","end"}]}
// (design.md contract 1). `start`/`end` index the input `text`. A message that cannot be scored
// normally (empty, not English) still gets a line, with `reason` saying why; a record without a
// string `text` gets {"id","error"}.
import type { RecordHandler } from './jsonl';
import { analyzeMessage } from '@/lib/analysis';

export const scoreRecord: RecordHandler = (value) => {
  const text = value.text;
  if (text === undefined) return { error: 'missing "text"' };
  if (typeof text !== 'string') return { error: `"text" must be a string, got ${text === null ? 'null' : Array.isArray(text) ? 'an array' : typeof text}` };
  const prior = typeof value.priorCustomerMessages === 'number' ? value.priorCustomerMessages : undefined;
  const a = analyzeMessage(text, prior !== undefined ? { priorCustomerMessages: prior } : {});
  return {
    score: a.score,
    level: a.level,
    frustrated: a.frustrated,
    signals: a.signals.map((s) => ({ id: s.id, label: s.label, text: s.text, start: s.start, end: s.end })),
    ...(a.reason ? { reason: a.reason } : {}),
    ...(a.truncated ? { truncated: a.truncated } : {}),
  };
};
