// Words the panel uses for levels and rules, so the store's announcements and the views agree.
import type { Level } from '@/lib/analysis/types';

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
  frustrated: 'Frustrated: acknowledge and own it before explaining.',
  angry: 'Angry: apologise, own it, offer escalation and a time.',
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
};

/** A readable name for a coach rule id; unknown ids read as words ("over-promising" → "Over promising"). */
export function ruleLabel(rule: string): string {
  const known = RULE_LABEL[rule];
  if (known) return known;
  const words = rule.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
