// How much of a draft the coach reads. Only the scorer's limit is imported: the panel's view reads
// these without loading the coach and its rules.
import { MAX_SCORED_CHARS } from '@/lib/analysis/clean';

/** The longest draft checked in full, the same as the scorer's limit for a message: past it, only the
 * first part is read, cut at a space, and the panel says so. A reply is rarely over 3,000 characters;
 * 20,000 is a pasted log. */
export const MAX_CHECKED_CHARS = MAX_SCORED_CHARS;

/** Where the checked part of a draft ends: all of it, or the last space before MAX_CHECKED_CHARS. */
export function checkedLength(draft: string): number {
  if (draft.length <= MAX_CHECKED_CHARS) return draft.length;
  const space = draft.lastIndexOf(' ', MAX_CHECKED_CHARS);
  return space > MAX_CHECKED_CHARS / 2 ? space : MAX_CHECKED_CHARS;
}
