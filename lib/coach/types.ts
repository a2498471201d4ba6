// Shapes of the draft coach, the phrasebook and the rule reminders (pure, no DOM).
import type { Analysis } from '@/lib/analysis/types';

/** The house-rule steps, in the order a good reply walks them. */
export type Step = 'recognize' | 'listen' | 'respond' | 'take-ownership' | 'dont-lie' | 'escalate' | 'follow-up' | 'root-cause' | 'be-human';

/** One finding shape everywhere: the panel, the CLI, the export and the docs read it. Offsets point into the draft. */
export interface Finding {
  rule: string; // 'blame-shifting' | 'false-certainty' | ... (design.md contract 2), more allowed
  severity: 'warn' | 'info';
  text: string;
  start: number;
  end: number;
  message: string;
  /** A concrete rewrite of `text` (the span or its sentence): what the rep can put instead. */
  suggestion: string;
}

export interface CoachContext {
  /** The analysed customer message the draft answers, when known. */
  analysis?: Analysis;
  /** Rule ids switched off in settings. */
  disabledRules?: string[];
  /** The clock the rewrites' times ("by 3pm today") are computed from; defaults to now. */
  now?: Date;
  /** Who the rep escalates to, named in rewrites ("Priya, our support lead"); defaults to "my team lead". */
  escalationContact?: string;
}

export interface Suggestion {
  id: string;
  step: Step;
  /** Filled text, ready to insert. */
  text: string;
  /** Why it is offered for this message (plain words, e.g. "They have written three times"). */
  why: string;
  /** Ranking score for this message; higher first. */
  rank: number;
  /** When the text promises an update at a time ("I'll update you by 3pm today"): that time (ISO
   * 8601) and its words, so the panel can offer a follow-up reminder to keep the promise. */
  update?: PromisedUpdate;
}

export interface PromisedUpdate {
  at: string;
  /** As the text says it: "by 3pm today". */
  label: string;
}

export interface Reminder {
  id: string;
  step: Step;
  /** Short enough to read at a glance. */
  text: string;
}
