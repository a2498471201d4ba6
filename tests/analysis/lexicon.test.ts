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

  test.each([
    ["The report shows 'Error: no data for this period'.", /error/i],
    ['The upload stopped because of a missing column in the sheet.', /missing/],
    ['Calls drop when I am on unstable Wi-Fi at the station.', /unstable/],
    ['Sorry to bother you again, one more question about the course.', /bother|again/],
    ['Could you send the slides in case I miss the session?', /miss/],
    ['The logo is slightly off-centre, not a big deal.', /big|not/],
  ] as const)('%j reads calm: a quoted message, data gap, condition or courtesy', (text, word) => {
    const v = val(text);
    expect(v.technical).toBeGreaterThan(0);
    expect(v.words.filter((w) => word.test(w.token.raw))).toEqual([]);
  });

  test.each([
    ['There was an error on my bill again.', /error/],
    ['My parcel is missing and nobody replies.', /missing/],
    ['Your service has been unstable for weeks.', /unstable/],
    ['I miss the old app, the new one keeps crashing.', /miss/],
    ['This is a big problem for our team.', /problem/],
  ] as const)('%j still counts as negative', (text, word) => {
    expect(val(text).words.some((w) => word.test(w.token.raw) && w.value < 0)).toBe(true);
  });

  test('an apology keeps its own weight beside the neutral "bother you"', () => {
    expect(val('Sorry to bother you again.').words.map((w) => w.token.raw)).toEqual(['Sorry']);
  });

  test("emoji carry AFINN's emoji valence, whatever was loaded first", () => {
    expect(val('The refund is late. 😡').negative).toBeGreaterThan(val('The refund is late.').negative);
    expect(val('Fixed, thanks 👍').positive).toBeGreaterThan(val('Fixed, thanks').positive);
  });

  test('the same words used about people still count', () => {
    expect(val('Your rep failed me and this is a fatal blow to my trust.').negative).toBeGreaterThan(0);
  });
});
