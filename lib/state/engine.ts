// The analysis and coach functions the store calls, as one injectable object: the panel passes the
// real ones (lib/state/defaultEngine.ts), store tests pass small fakes with known outputs.
import type { AnalyseOptions, Analysis } from '@/lib/analysis/types';
import type { CoachContext, Finding, Reminder, Suggestion } from '@/lib/coach/types';

export interface PanelEngine {
  analyze(text: string, opts?: AnalyseOptions): Analysis;
  checkDraft(draft: string, ctx: CoachContext): Finding[];
  /** `text` is the customer's message, which lets phrases notice what it is about. */
  suggest(analysis: Analysis, opts: { now: Date; limit: number; text?: string; answered?: boolean }): Suggestion[];
  /** `waitingHours`: how long the customer has waited for an answer, when the page says. */
  remind(analysis: Analysis, opts?: { text?: string; waitingHours?: number }): Reminder[];
}
