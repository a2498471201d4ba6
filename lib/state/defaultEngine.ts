// The real engine: lib/analysis and lib/coach, pure functions. Only the side panel entrypoint (and
// integration tests) import this, so store tests never load the NLP.
import { analyzeMessage } from '@/lib/analysis';
import { checkDraft, remindersFor, suggestReplies } from '@/lib/coach';
import type { PanelEngine } from './engine';

export const defaultEngine: PanelEngine = {
  analyze: (text, opts) => analyzeMessage(text, opts),
  checkDraft: (draft, ctx) => checkDraft(draft, ctx),
  suggest: (analysis, opts) => suggestReplies(analysis, opts),
  remind: (analysis, opts) => remindersFor(analysis, opts),
};
