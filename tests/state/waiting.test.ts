// How long the customer has waited: read from the page's time for their latest message.
import { describe, expect, test } from 'vitest';
import { formatWait } from '@/lib/coach/message';
import { parseSentAt, waitingHours } from '@/lib/state/waiting';

const NOW = new Date('2025-03-12T12:03:00Z');

describe('parseSentAt', () => {
  test.each([
    ['2025-03-12T08:03:00Z', Date.UTC(2025, 2, 12, 8, 3)],
    ['Wed, 12 Mar 2025, 08:03', new Date(2025, 2, 12, 8, 3).getTime()], // Gmail's title, local time
    ['Wed, Mar 12, 2025, 8:03\u202fAM', new Date(2025, 2, 12, 8, 3).getTime()], // en-US with a narrow no-break space
  ])('reads %s', (text, expected) => {
    expect(parseSentAt(text)).toBe(expected);
  });

  test.each([undefined, '', 'yesterday-ish'])('gives up on %s', (text) => {
    expect(parseSentAt(text)).toBeUndefined();
  });
});

describe('waitingHours', () => {
  test('hours since the unanswered latest message', () => {
    expect(waitingHours({ sentAt: '2025-03-12T08:03:00Z', answered: false }, NOW)).toBe(4);
  });

  test('nothing when answered, or when the page does not say', () => {
    expect(waitingHours({ sentAt: '2025-03-12T08:03:00Z', answered: true }, NOW)).toBeUndefined();
    expect(waitingHours({ sentAt: '2025-03-12T08:03:00Z' }, NOW)).toBeUndefined();
    expect(waitingHours({ answered: false }, NOW)).toBeUndefined();
  });

  test('an old thread (over two weeks) is being looked back at, not waited on', () => {
    expect(waitingHours({ sentAt: '2025-02-20T12:03:00Z', answered: false }, NOW)).toBeUndefined();
    expect(waitingHours({ sentAt: '2025-02-27T12:03:00Z', answered: false }, NOW)).toBe(13 * 24);
  });

  test('a sender clock a little ahead is zero; a time far in the future is ignored', () => {
    expect(waitingHours({ sentAt: '2025-03-12T12:05:00Z', answered: false }, NOW)).toBe(0);
    expect(waitingHours({ sentAt: '2025-03-13T12:00:00Z', answered: false }, NOW)).toBeUndefined();
  });
});

describe('formatWait', () => {
  test.each([
    [0, '1 min'],
    [0.5, '30 min'],
    [1, '1 hour'],
    [26.2, '26 hours'],
    [47.4, '47 hours'],
    [72, '3 days'],
  ])('%s hours reads "%s"', (hours, text) => {
    expect(formatWait(hours)).toBe(text);
  });
});
