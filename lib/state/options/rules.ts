// The coach rules the settings page lists: id and docs only, from the data-only docs list (the page
// needs the list, not the coach and its NLP).
import { RULE_DOCS as DOCS } from '@/lib/coach/rules/docs';

export interface RuleDoc {
  id: string;
  /** The house rule in one plain-language line. */
  docs: string;
}

export const RULE_DOCS: readonly RuleDoc[] = DOCS;
