import { describe, expect, it } from 'vitest';
import { dueTime } from '@/lib/followups';

const local = (y: number, m: number, d: number, h: number, min = 0) => new Date(y, m - 1, d, h, min).getTime();

describe('dueTime', () => {
  it.each([
    ['in-2h at 10:15', 'in-2h', local(2025, 6, 2, 10, 15), local(2025, 6, 2, 12, 15)],
    ['in-2h at 23:30 (crosses midnight)', 'in-2h', local(2025, 6, 2, 23, 30), local(2025, 6, 3, 1, 30)],
    ['tomorrow-9am in the afternoon', 'tomorrow-9am', local(2025, 6, 2, 15, 0), local(2025, 6, 3, 9)],
    ['tomorrow-9am at 00:30 (tomorrow is still the next day)', 'tomorrow-9am', local(2025, 6, 2, 0, 30), local(2025, 6, 3, 9)],
    ['tomorrow-9am on the last day of the month', 'tomorrow-9am', local(2025, 6, 30, 18), local(2025, 7, 1, 9)],
    ['tomorrow-9am on New Year\'s Eve', 'tomorrow-9am', local(2025, 12, 31, 18), local(2026, 1, 1, 9)],
  ] as const)('%s', (_, when, now, expected) => {
    expect(dueTime(when, now)).toBe(expected);
  });

  it('tomorrow-9am is 9:00 on the local clock', () => {
    const due = new Date(dueTime('tomorrow-9am', local(2025, 3, 8, 20))!);
    expect([due.getDate(), due.getHours(), due.getMinutes()]).toEqual([9, 9, 0]);
  });

  it('takes a Date as the due time itself', () => {
    expect(dueTime(new Date(local(2025, 6, 5, 14)), 0)).toBe(local(2025, 6, 5, 14));
  });

  it('accepts now as a Date', () => {
    expect(dueTime('in-2h', new Date(1000))).toBe(1000 + 7_200_000);
  });

  it('gives null for an invalid Date', () => {
    expect(dueTime(new Date('not a date'), 0)).toBeNull();
  });
});
