// `suggest FILE`: each {"id","text"} line (the customer's message) →
// {"id","level","suggestions":[{id,step,text,why}],"reminders":[{id,text}]}.
import { analyzeMessage } from '@/lib/analysis';
import { remindersFor, suggestReplies } from '@/lib/coach';
import type { RecordHandler } from './jsonl';

export const suggestRecord: RecordHandler = (value) => {
  const { text } = value;
  if (typeof text !== 'string') return { error: text === undefined ? 'missing "text" (the customer message)' : '"text" must be a string' };
  const analysis = analyzeMessage(text);
  return {
    level: analysis.level,
    suggestions: suggestReplies(analysis, { text }).map(({ id, step, text: said, why }) => ({ id, step, text: said, why })),
    reminders: remindersFor(analysis, { text }).map(({ id, text: said }) => ({ id, text: said })),
  };
};
