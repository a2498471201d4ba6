// Slots: a concrete time computed from the clock, and templates that never leave artefacts behind.
import { describe, expect, test } from 'vitest';
import { fill, nextUpdate, nextUpdateTime, slotsFor } from '@/lib/coach/slots';
import { makeAnalysis } from './helpers';

describe('nextUpdateTime', () => {
  test.each([
    ['Tuesday 10:15', new Date(2025, 5, 3, 10, 15), 'by 1pm today'],
    ['Tuesday 10:00 sharp', new Date(2025, 5, 3, 10, 0), 'by noon today'],
    ['Tuesday 7:30, before opening', new Date(2025, 5, 3, 7, 30), 'by 11am today'],
    ['Tuesday 15:00', new Date(2025, 5, 3, 15, 0), 'by 5pm today'],
    ['Tuesday 16:20, too late for today', new Date(2025, 5, 3, 16, 20), 'by 10am tomorrow'],
    ['Friday evening', new Date(2025, 5, 6, 18, 0), 'by 10am Monday'],
    ['Saturday', new Date(2025, 5, 7, 11, 0), 'by 10am Monday'],
    ['Sunday', new Date(2025, 5, 8, 11, 0), 'by 10am tomorrow'],
  ])('%s → "%s"', (_when, now, expected) => {
    expect(nextUpdateTime(now)).toBe(expected);
  });
});

describe('nextUpdate: the moment the words mean (local time), for a reminder', () => {
  test.each([
    ['Tuesday 10:15', new Date(2025, 5, 3, 10, 15), new Date(2025, 5, 3, 13, 0)],
    ['Tuesday 10:00 sharp', new Date(2025, 5, 3, 10, 0), new Date(2025, 5, 3, 12, 0)],
    ['Tuesday 7:30', new Date(2025, 5, 3, 7, 30), new Date(2025, 5, 3, 11, 0)],
    ['Tuesday 16:20', new Date(2025, 5, 3, 16, 20), new Date(2025, 5, 4, 10, 0)],
    ['Friday evening', new Date(2025, 5, 6, 18, 0), new Date(2025, 5, 9, 10, 0)],
    ['Saturday', new Date(2025, 5, 7, 11, 0), new Date(2025, 5, 9, 10, 0)],
    ['Sunday', new Date(2025, 5, 8, 11, 0), new Date(2025, 5, 9, 10, 0)],
    ['the last day of a month', new Date(2025, 5, 30, 16, 30), new Date(2025, 6, 1, 10, 0)],
  ])('%s', (_when, now, at) => {
    expect(nextUpdate(now)).toEqual({ label: nextUpdateTime(now), at });
  });
});

describe('fill', () => {
  const now = new Date(2025, 5, 3, 10, 15);

  test('drops an optional part whose slot is unknown, with no "Hi ," artefact', () => {
    expect(fill('Hi[ {name}], sorry[, {name}].', slotsFor(undefined, { now }))).toBe('Hi, sorry.');
    expect(fill('Hi[ {name}], sorry[, {name}].', slotsFor(makeAnalysis({ facts: { customerFirstName: 'Ana' } }), { now }))).toBe('Hi Ana, sorry, Ana.');
  });

  test('"[A|B]" falls back to B when A cannot be filled', () => {
    expect(fill("I'm chasing [{ref}|the delivery].", slotsFor(undefined, { now }))).toBe("I'm chasing the delivery.");
  });

  test('capitalises a slot that opens the text', () => {
    expect(fill('{elapsed} is too long.', slotsFor(makeAnalysis({ facts: { elapsed: ['three weeks'] } }), { now }))).toBe('Three weeks is too long.');
  });
});

describe('slotsFor', () => {
  test.each([
    ['a reference and its kind', { references: ['#48213'], products: ['order'] }, 'your order #48213'],
    ['a bare reference', { references: ['48213'] }, '#48213'],
    ['a product', { products: ['router'] }, 'your router'],
    ['nothing', {}, undefined],
  ])('names the thing from %s', (_name, facts, expected) => {
    expect(slotsFor(makeAnalysis({ facts }), {}).ref).toBe(expected);
  });

  test('keeps an elapsed phrase only when it reads as a duration', () => {
    expect(slotsFor(makeAnalysis({ facts: { elapsed: ['since Monday', 'two weeks'] } })).elapsed).toBe('two weeks');
    expect(slotsFor(makeAnalysis({ facts: { elapsed: ['since Monday'] } })).elapsed).toBeUndefined();
  });

  test('escalates to "my team lead" unless settings name someone', () => {
    expect(slotsFor(undefined).lead).toBe('my team lead');
    expect(slotsFor(undefined, { escalationContact: 'Priya' }).lead).toBe('Priya');
  });
});
