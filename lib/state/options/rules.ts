// The coach rules the settings page lists, read from the one rule list (lib/coach): id and docs only.
// The rules module alone, not lib/coach's index: the page needs the list, not the phrasebook.
import { RULES } from '@/lib/coach/rules';

export interface RuleDoc {
  id: string;
  /** The house rule in one plain-language line. */
  docs: string;
}

export const RULE_DOCS: readonly RuleDoc[] = RULES.map(({ id, docs }) => ({ id, docs }));
