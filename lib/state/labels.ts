// Words the panel and the options page use for levels, rules and tips, so the store's announcements and
// the views agree. Ids stay in exports; people read these names.
import type { Level } from '@/lib/analysis/types';
import type { UsageKind } from '@/lib/storage/types';

export const LEVEL_LABEL: Record<Level, string> = {
  calm: 'Calm',
  watch: 'Watch',
  frustrated: 'Frustrated',
  angry: 'Angry',
};

/** What each level asks of the rep, in a few words. */
export const LEVEL_HINT: Record<Level, string> = {
  calm: 'No sign of frustration.',
  watch: 'Some strain: acknowledge it early.',
  frustrated: 'Acknowledge and own it before explaining.',
  angry: 'Apologise, own it, offer escalation and a time.',
};

const RULE_LABEL: Record<string, string> = {
  'blame-shifting': 'Blame-shifting',
  'false-certainty': 'False certainty',
  'excuse-first': 'Excuse first',
  dismissive: 'Dismissive',
  robotic: 'Robotic phrasing',
  'missing-apology': 'No apology',
  'missing-next-step': 'No next step',
  'missing-escalation': 'No escalation offered',
  'english-only': 'Draft not in English',
};

// The phrasebook's suggestions (lib/coach/phrases.ts) and the reminders (lib/coach/reminders.ts), named
// for the usage figures. Each list is keyed by its own ids: the same id can name a suggestion and a
// reminder ("escalate-early"). tests/options/labels.test.tsx checks every id has a name here.
const SUGGESTION_LABEL: Record<string, string> = {
  'ack-broken-promise': 'Own the broken promise',
  'ack-repeat-contact': 'Sorry you wrote again',
  'ack-anger': 'Name their anger',
  'ack-sarcasm': 'Answer sarcasm plainly',
  'ack-elapsed': 'Sorry for the long wait',
  'ack-formal': 'Thanks for setting it out',
  'ack-disappointment': 'Sorry we let you down',
  'ack-treatment': 'Sorry for how you were treated',
  'ack-general': 'General apology',
  'ack-calm': 'Thanks for getting in touch',
  'listen-deadline': 'Ask about their deadline',
  'listen-read-all': 'Say you read it all',
  'listen-details': 'Ask when it started',
  'listen-impact': 'Ask what it stopped',
  'respond-legal': 'Answer a legal threat',
  'respond-churn': 'Answer a threat to leave',
  'respond-urgent': 'Treat it as urgent',
  'respond-fix-now': 'Working on it now',
  'own-bounced': 'Stop passing them on',
  'own-repeat': 'Keep the case yourself',
  'own-general': 'Take ownership',
  'honest-unknown': "Say what you don't know",
  'escalate-asked': 'Escalate, as asked',
  'escalate-early': 'Escalate early',
  'follow-promise-kept': 'A promise you keep',
  'follow-elapsed': 'Daily updates',
  'follow-time': 'Update by a set time',
  'follow-calm': "Say when you'll reply",
  'root-cause-check': 'Check our side first',
};

const REMINDER_LABEL: Record<string, string> = {
  'reply-fast': 'Reply now',
  'escalate-early': 'Escalate early',
  'no-blame-connection': "Don't blame the internet",
  'dont-overpromise': "Don't over-promise",
  'own-it': 'Own the fix',
  'recognize-hidden': 'Spot hidden frustration',
  'listen-first': 'Listen first',
  'time-next-step': 'Time the next update',
  'root-cause': 'Find the root cause',
  'fix-then-explain': 'Fix first, explain after',
  'be-human': 'Sound like a person',
};

export const KIND_LABEL: Record<UsageKind, string> = { suggestion: 'Suggestion', reminder: 'Reminder', rule: 'Coach rule' };

// Maps, so an imported id like "constructor" can't pick up an Object property.
const LABELS: Record<UsageKind, ReadonlyMap<string, string>> = {
  suggestion: new Map(Object.entries(SUGGESTION_LABEL)),
  reminder: new Map(Object.entries(REMINDER_LABEL)),
  rule: new Map(Object.entries(RULE_LABEL)),
};

/** The name this version gives an id of that kind, if it knows the id. */
export function knownLabel(kind: UsageKind, id: string): string | undefined {
  return LABELS[kind]?.get(id);
}

/** An id read as words ("over-promising" → "Over promising"): how ids this version doesn't know still show. */
function asWords(id: string): string {
  const words = id.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A readable name for what a usage count is about (a suggestion, reminder or rule id); unknown ids read as words. */
export function usageLabel(kind: UsageKind, id: string): string {
  return knownLabel(kind, id) ?? (asWords(id) || id);
}

/** A readable name for a coach rule id; unknown ids read as words ("over-promising" → "Over promising"). */
export function ruleLabel(rule: string): string {
  return usageLabel('rule', rule);
}
