// Cutting a draft into sentences: offsets into the original, and the greeting and sign-off told apart.
import { describe, expect, test } from 'vitest';
import { readDraft } from '@/lib/coach/text';

const roles = (draft: string) => readDraft(draft).sentences.map((s) => [s.role, s.text]);

describe('readDraft', () => {
  test('keeps offsets into the original draft', () => {
    const draft = '  Hi Maria,\n\nSorry about that!  I will call at 3 p.m. today.\nBest,\nAlex';
    for (const s of readDraft(draft).sentences) expect(draft.slice(s.start, s.end)).toBe(s.text);
  });

  test.each([
    ['a greeting line', 'Hi Maria,\nThanks for waiting.', [['greeting', 'Hi Maria,'], ['body', 'Thanks for waiting.']]],
    ['a greeting opening the first line', "Hi Maria, I'm sorry. I'll call you.", [['greeting', 'Hi Maria,'], ['body', "I'm sorry."], ['body', "I'll call you."]]],
    ['a sign-off and the signature under it', 'I will call you.\nKind regards,\nAlex\nSupport', [['body', 'I will call you.'], ['signoff', 'Kind regards,']]],
    ['a sign-off with the name on the same line', 'I will call you.\nCheers – Alex', [['body', 'I will call you.'], ['signoff', 'Cheers – Alex']]],
    ['"Thanks for ..." as a sentence, not a sign-off', 'Thanks for your patience with this.', [['body', 'Thanks for your patience with this.']]],
    ['a.m./p.m. and Mr. as part of a sentence', 'Mr. Lee will call at 9 a.m. tomorrow. Sorry.', [['body', 'Mr. Lee will call at 9 a.m. tomorrow.'], ['body', 'Sorry.']]],
  ])('reads %s', (_name, draft, expected) => {
    expect(roles(draft)).toEqual(expected);
  });

  test('drops quoted lines and everything after "On … wrote:"', () => {
    const view = readDraft("Sorry for the wait.\n> what is going on\nOn Tue, 3 Jun 2025, Maria wrote:\nIt must be your wifi.");
    expect(view.body.map((s) => s.text)).toEqual(['Sorry for the wait.']);
  });
});
