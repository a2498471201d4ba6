// The grammar questions (lib/analysis/grammar.ts) on run-on text: a pasted wall of words with no
// sentence ends must still be judged by the words near the trigger, not by the whole paste.
import { describe, expect, test } from 'vitest';
import { negatedInClause, promiseIsPast } from '@/lib/analysis/grammar';
import { analyzeMessage } from '@/lib/analysis';

const filler = (n: number) => 'and the parcel went to the depot '.repeat(n);

describe('grammar on run-on text', () => {
  test('a negation right before a trigger deep in a long run-on still counts', () => {
    const s = filler(300) + 'never once have we been disappointed';
    expect(negatedInClause(s, s.indexOf('disappointed'))).toBe(true);
  });

  test('a negation far back in the run-on does not reach the trigger', () => {
    const s = 'I am not ' + filler(300) + 'really disappointed';
    expect(negatedInClause(s, s.indexOf('disappointed'))).toBe(false);
  });

  test('the tense of a promise is read from the words around it', () => {
    const s = filler(300) + 'you promised a refund';
    expect(promiseIsPast(s, s.indexOf('promised'))).toBe(true);
    const t = filler(300) + 'I promise I will send it';
    expect(promiseIsPast(t, t.indexOf('promise'))).toBe(false);
  });

  test("a 20 KB paste of one signal's examples without full stops is scored, with every trigger found", () => {
    const text = ("I'm not disappointed at all but I was told it would be fixed and it was not ").repeat(260);
    const a = analyzeMessage(text);
    expect(a.reason).toBeUndefined();
    expect(a.signals.filter((s) => s.id === 'was-promised').length).toBeGreaterThan(100);
  });
});
