// The shape of one coach rule. Rules are data: the side panel, the CLI and the docs read the same
// list (rules/index.ts), and each record's examples are its tests.
import type { Analysis, Level } from '@/lib/analysis/types';
import type { Slots } from './slots';
import type { DraftView, Sentence } from './text';
import type { Step } from './types';

export interface RuleContext {
  view: DraftView;
  /** The analysed customer message, when known. Context rules stay quiet without it. */
  analysis?: Analysis;
  slots: Slots;
}

/** Where a rule fired. Offsets point into the draft; `text` of the finding is draft.slice(start, end). */
export interface Hit {
  start: number;
  end: number;
  sentence: Sentence;
  /** Which variant fired ("courier", "volume", "never-again"): picks the message and the rewrite. */
  kind: string;
  /** The rewrite, when the matcher built it while it had the match in hand (phrase swaps). */
  rewrite?: string;
  /** Overrides the rule's severity for this hit (a mild variant). */
  severity?: 'warn' | 'info';
}

/** What the customer's message said, in the few words an example needs; tests turn it into an Analysis. */
export interface ExampleMessage {
  level?: Level;
  frustrated?: boolean;
  askedForEscalation?: boolean;
  contactCount?: number;
  customerFirstName?: string;
  promised?: string;
  references?: string[];
  elapsed?: string[];
}

export type Example = string | { draft: string; message: ExampleMessage };

/** An example's draft text. */
export function exampleDraft(e: Example): string {
  return typeof e === 'string' ? e : e.draft;
}

export interface Rule {
  id: string;
  step: Step;
  severity: 'warn' | 'info';
  /** Needs the customer's message (context rules): quiet when no analysis is given. */
  needsMessage?: boolean;
  /** Cheap pass first; grammar only on the sentences it flags. */
  match: (ctx: RuleContext) => Hit[];
  /** Plain-language reason the UI shows next to the finding. */
  message: (hit: Hit) => string;
  /** A concrete rewrite of the finding's text: what the rep can put instead. */
  suggest: (hit: Hit, ctx: RuleContext) => string;
  /** The house rule it enforces, in one line. */
  docs: string;
  examples: { fires: Example[]; quiet: Example[] };
}

/** A regex variant of a rule, optionally confirmed by grammar. */
export interface Pattern {
  kind: string;
  re: RegExp;
  /** A cheaper test the sentence must pass before `re` is tried at all. */
  when?: RegExp;
  /** Given the sentence and the match, confirm it (grammar lives here). Defaults to true. */
  confirm?: (sentence: Sentence, match: RegExpExecArray) => boolean;
  severity?: 'warn' | 'info';
}

/** First confirmed match of any pattern in one sentence. */
export function firstMatch(sentence: Sentence, patterns: Pattern[]): { pattern: Pattern; match: RegExpExecArray } | undefined {
  let best: { pattern: Pattern; match: RegExpExecArray } | undefined;
  for (const pattern of patterns) {
    if (pattern.when && !pattern.when.test(sentence.norm)) continue;
    for (const match of sentence.norm.matchAll(globalOf(pattern.re))) {
      if (best && match.index! >= best.match.index) break;
      if (!pattern.confirm || pattern.confirm(sentence, match as RegExpExecArray)) {
        best = { pattern, match: match as RegExpExecArray };
        break;
      }
    }
  }
  return best;
}

const globals = new WeakMap<RegExp, RegExp>();
function globalOf(re: RegExp): RegExp {
  let g = globals.get(re);
  if (!g) {
    g = re.flags.includes('g') ? re : new RegExp(re.source, re.flags + 'g');
    globals.set(re, g);
  }
  return g;
}

/** A hit covering the whole sentence. */
export function sentenceHit(sentence: Sentence, kind: string, severity?: 'warn' | 'info'): Hit {
  return { start: sentence.start, end: sentence.end, sentence, kind, ...(severity ? { severity } : {}) };
}

/** Ending punctuation of a sentence, to keep when rewriting it. */
export function endOf(text: string): string {
  return /[.!?]+$/.exec(text)?.[0] ?? '.';
}
