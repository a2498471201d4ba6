// The coach's public face: the draft coach, the phrasebook and the rule reminders (pure, no DOM).
export { checkDraft } from './check';
export { MAX_CHECKED_CHARS, checkedLength } from './limits';
export { suggestReplies, type SuggestOptions } from './phrasebook';
export { remindersFor, REMINDERS } from './reminders';
export { RULES, CONTRACT_RULE_IDS, ruleById } from './rules';
export { PHRASES } from './phrases';
export type { Rule, Example, ExampleMessage } from './rule';
export { exampleDraft } from './rule';
export type { CoachContext, Finding, Reminder, Step, Suggestion } from './types';
