// What the phrasebook and the reminders read from an analysed customer message, in one place.
import type { Analysis, SignalCategory } from '@/lib/analysis/types';

export interface MessageView {
  analysis: Analysis;
  has(category: SignalCategory): boolean;
  /** A signal record with this id fired ("mistreated", "not-read"): for phrases that answer one kind. */
  said(signalId: string): boolean;
  /** Written two or more times (they say so, or the thread shows it). */
  repeat: boolean;
  contactCount: number;
  /** Something they were promised did not happen. */
  promised: boolean;
  /** They asked for a manager / escalation. */
  asked: boolean;
  /** Frustrated or angry (the panel's alert is up). */
  upset: boolean;
  /** Some strain, below the alert. */
  watch: boolean;
  /** Nothing to de-escalate: a calm message with no frustration signals. */
  calm: boolean;
  waited: boolean;
  /** How long the customer has been waiting for an answer (hours), when the page says. */
  waitingHours?: number;
  /** The message talks about connectivity (their internet, wifi, router): the first thing reps blame. */
  connectivity: boolean;
  /** The message reports something wrong (not only a question: "Do you deliver to Ireland?"). */
  problem: boolean;
  /** The rep already answered it in the page: the reply being written is a follow-up. */
  answered?: boolean;
}

const PROBLEM =
  /\b(?:broken|broke|not working|isn't working|stopped|stops|won't|wont|can't|cannot|couldn't|doesn't|didn't|unable|error|errors|issue|issues|problem|problems|fault|faulty|fail(?:s|ed|ing|ure)?|crash\w*|missing|lost|wrong|damaged|late|delayed|never (?:arrived|came|got)|charged|overcharged|declined|locked out|down|bug|glitch)\b/i;
const CONNECTIVITY = /\b(?:internet|wi-?fi|broadband|router|modem|connection|network|signal|offline|outage|dropping out|keeps dropping|disconnect\w*|isp)\b/i;

/** What the page knows besides the analysis: the message text, how long it has waited, whether it was answered. */
export interface PageFacts {
  text?: string;
  waitingHours?: number;
  answered?: boolean;
}

export function readMessage(analysis: Analysis, { text, waitingHours, answered }: PageFacts = {}): MessageView {
  const categories = new Set(analysis.signals.map((s) => s.category));
  const f = analysis.facts;
  const has = (c: SignalCategory) => categories.has(c);
  const ids = new Set(analysis.signals.map((s) => s.id));
  const upset = analysis.frustrated || analysis.level === 'frustrated' || analysis.level === 'angry';
  const about = [...f.products, ...analysis.signals.map((s) => s.text), text ?? ''].join(' ');
  return {
    analysis,
    has,
    said: (id) => ids.has(id),
    repeat: f.contactCount >= 2 || has('repeat-contact'),
    contactCount: f.contactCount,
    promised: !!f.promised || has('broken-promise'),
    asked: f.askedForEscalation || has('escalation-demand'),
    upset,
    watch: !upset && analysis.level === 'watch',
    calm: !upset && analysis.level === 'calm' && analysis.signals.length === 0 && f.contactCount < 2 && !f.promised && !f.askedForEscalation,
    waited: f.elapsed.length > 0 || has('elapsed-time'),
    connectivity: CONNECTIVITY.test(about),
    problem: analysis.signals.length > 0 || PROBLEM.test(text ?? ''),
    ...(waitingHours !== undefined ? { waitingHours } : {}),
    ...(answered ? { answered } : {}),
  };
}

/** A wait in plain words: "40 min", "1 hour", "26 hours", "3 days". */
export function formatWait(hours: number): string {
  if (hours < 1) return `${Math.max(1, Math.round(hours * 60))} min`;
  if (hours < 48) {
    const h = Math.round(hours);
    return h === 1 ? '1 hour' : `${h} hours`;
  }
  return `${Math.round(hours / 24)} days`;
}

/** "three times" / "twice": for the reasons shown next to a suggestion. */
export function times(n: number): string {
  return n === 2 ? 'twice' : `${n} times`;
}
