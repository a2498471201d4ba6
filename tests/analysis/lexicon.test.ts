import { describe, expect, test } from 'vitest';
import { technicalSpans, valence } from '@/lib/analysis/lexicon';
import { splitSentences, tokenize } from '@/lib/analysis/text';

function val(text: string) {
  return valence(tokenize(text, splitSentences(text)), technicalSpans(text));
}

describe('valence (AFINN with support-mail adjustments)', () => {
  test('negation turns praise against the writer', () => {
    const v = val('Your team was not helpful.');
    expect(v.negatedPositive).toBe(1);
    expect(v.negative).toBeGreaterThan(0);
    expect(v.positive).toBe(0);
  });

  test('"not bad" is mildly positive, not negative', () => {
    const v = val('That was not bad at all.');
    expect(v.negative).toBe(0);
    expect(v.positive).toBeGreaterThan(0);
  });

  test('intensifiers and capitals make a word count more', () => {
    expect(val('This is really terrible.').negative).toBeGreaterThan(val('This is terrible.').negative);
    expect(val('This is TERRIBLE, honestly.').negative).toBeGreaterThan(val('This is terrible, honestly.').negative);
  });

  test('"still", "again", "waiting" are pressure in a support inbox', () => {
    expect(val('Still waiting, again.').pressure).toBe(3);
    expect(val('Thanks for the help.').pressure).toBe(0);
  });

  test('"please", "help", "support", "like" are not praise there', () => {
    expect(val('Please help, support team, it looks like the login is down.').positive).toBe(0);
  });

  test.each([
    'kill the process',
    'killed the stuck job',
    'kill -9 4242',
    'a fatal error in the logs',
    'the job failed overnight',
    'the build has failed again',
    'failed to connect to the database',
    'abort the transaction',
    'error code 500',
    'the cron job exits with code 137 (killed)',
    'the worker process was killed overnight',
    'it says permission denied on the shared folder',
    'there were three failed login attempts on my account',
  ])('%j is technical, not negative', (text) => {
    const v = val(text);
    expect(v.technical).toBeGreaterThan(0);
    expect(v.words.filter((w) => /kill|fatal|fail|abort|error|denied/.test(w.token.raw))).toEqual([]);
  });

  test("emoji carry AFINN's emoji valence, whatever was loaded first", () => {
    expect(val('The refund is late. 😡').negative).toBeGreaterThan(val('The refund is late.').negative);
    expect(val('Fixed, thanks 👍').positive).toBeGreaterThan(val('Fixed, thanks').positive);
  });

  test('the same words used about people still count', () => {
    expect(val('Your rep failed me and this is a fatal blow to my trust.').negative).toBeGreaterThan(0);
  });
});
