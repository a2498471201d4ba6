// How much of a draft the coach reads. No imports: the panel's view reads these without loading the coach.

/** The longest draft checked in full (the scorer's limit too): past it, only the first part is read,
 * cut at a space, and the panel says so. A reply is rarely over 3,000 characters; 20,000 is a pasted log. */
export const MAX_CHECKED_CHARS = 20_000;

/** Where the checked part of a draft ends: all of it, or the last space before MAX_CHECKED_CHARS. */
export function checkedLength(draft: string): number {
  if (draft.length <= MAX_CHECKED_CHARS) return draft.length;
  const space = draft.lastIndexOf(' ', MAX_CHECKED_CHARS);
  return space > MAX_CHECKED_CHARS / 2 ? space : MAX_CHECKED_CHARS;
}
