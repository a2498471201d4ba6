// `coach FILE`: each {"id","draft","message"?} line → {"id","findings":[{rule,severity,text,start,end,message,suggestion}]}
// (design.md contract 2). The message, when given, is analysed first so the context rules
// (missing apology, next step, escalation) know how the customer feels.
import { analyzeMessage } from '@/lib/analysis';
import { checkDraft } from '@/lib/coach';
import type { RecordHandler } from './jsonl';

export const coachRecord: RecordHandler = (value) => {
  const { draft, message } = value;
  if (typeof draft !== 'string') return { error: draft === undefined ? 'missing "draft" (the reply text to check)' : '"draft" must be a string' };
  if (message !== undefined && message !== null && typeof message !== 'string') return { error: '"message" must be a string when given' };
  const analysis = typeof message === 'string' && message.trim() ? analyzeMessage(message) : undefined;
  const findings = checkDraft(draft, analysis ? { analysis } : {}).map(({ rule, severity, text, start, end, message: why, suggestion }) => ({
    rule,
    severity,
    text,
    start,
    end,
    message: why,
    suggestion,
  }));
  return { findings };
};
