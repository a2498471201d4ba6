// The shapes every consumer of the analysis reads: side panel, background, CLI, coach, export.
// lib/analysis is pure: no DOM, no chrome.*, no storage.

export type Level = 'calm' | 'watch' | 'frustrated' | 'angry';

/** Families of frustration evidence; the UI groups and colours by these. */
export type SignalCategory =
  | 'repeat-contact'
  | 'broken-promise'
  | 'elapsed-time'
  | 'churn-threat'
  | 'legal-threat'
  | 'escalation-demand'
  | 'bounced'
  | 'sarcasm'
  | 'controlled-formality'
  | 'disappointment'
  | 'time-pressure'
  | 'overt-anger'
  | 'lexical';

/** One piece of evidence, pointing at the exact words (offsets into the ORIGINAL input text). */
export interface Signal {
  id: string;
  label: string;
  category: SignalCategory;
  text: string;
  start: number;
  end: number;
}

/** One feature's share of the score: the model is logistic, so contributions are additive in log-odds. */
export interface Contribution {
  feature: string;
  label: string;
  /** weight × value, in log-odds; positive pushes towards frustrated. */
  contribution: number;
}

/** Things found in the message that suggestion slots and coach rules can use. */
export interface MessageFacts {
  /** Customer's first name, from the greeting sign-off or signature ("Thanks, Maria"). */
  customerFirstName?: string;
  /** Order / ticket / invoice numbers named ("order #48213"). */
  references: string[];
  /** Products or services named ("the router", "my subscription"). */
  products: string[];
  /** Elapsed-time phrases ("three weeks", "since Monday"). */
  elapsed: string[];
  /** What the customer says they were promised, if anything ("a call back"). */
  promised?: string;
  /** The customer asked for a manager / supervisor / escalation. */
  askedForEscalation: boolean;
  /** How many times the customer says (or the thread shows) they have written: 1 = first contact. */
  contactCount: number;
  /** Customer messages the thread shows, when the caller said (priorCustomerMessages + 1). */
  threadMessages?: number;
}

export interface Analysis {
  score: number; // 0-100
  level: Level;
  /** Exactly the threshold at which the side panel raises its alert. */
  frustrated: boolean;
  signals: Signal[];
  /** Top contributions to the score, largest magnitude first. */
  evidence: Contribution[];
  facts: MessageFacts;
  /** Why the result is what it is when the input could not be scored normally ("empty message", "not English"). */
  reason?: string;
  language: 'en' | 'other' | 'unknown';
  /** Set when a huge paste was cut before scoring; the UI shows it. */
  truncated?: { keptChars: number; totalChars: number };
  /** The span of the original text that was scored (after dropping quotes and signatures). */
  scored: { start: number; end: number };
  /** Only for `html: true` input: the html→text output that every offset above indexes. */
  plainText?: string;
}

export interface AnalyseOptions {
  /** Input is HTML (from a host page); offsets then point into the HTML-to-text result. */
  html?: boolean;
  /** Customer messages earlier in the same thread, as counted by the site adapter. */
  priorCustomerMessages?: number;
  /** 'low' | 'normal' | 'high': shifts the alert threshold (settings). */
  sensitivity?: 'low' | 'normal' | 'high';
}
