import { describe, expect, test } from 'vitest';
import { createRestoreBudget, RESTORE_LIMIT, RESTORE_WINDOW_MS } from '@/lib/badge';

function budgetAt(start = 0) {
  let now = start;
  const budget = createRestoreBudget(RESTORE_LIMIT, RESTORE_WINDOW_MS, () => now);
  return { budget, at: (ms: number) => (now = ms) };
}

describe('how often the badge goes back after the host took it out', () => {
  test(`allows ${RESTORE_LIMIT} restores within a minute, then none`, () => {
    const { budget, at } = budgetAt();
    const answers = [0, 1000, 2000, 3000].map((ms) => (at(ms), budget.take()));
    expect(answers).toEqual([true, true, true, false]);
    expect(budget.exhausted).toBe(true);
  });

  test('once it gave up, it stays given up, however long the wait', () => {
    const { budget, at } = budgetAt();
    for (const ms of [0, 1, 2, 3]) (at(ms), budget.take());
    at(10 * RESTORE_WINDOW_MS);
    expect(budget.take()).toBe(false);
  });

  test('occasional re-renders over a long shift keep getting the badge back', () => {
    const { budget, at } = budgetAt();
    const answers = Array.from({ length: 10 }, (_, i) => (at(i * (RESTORE_WINDOW_MS / RESTORE_LIMIT)), budget.take()));
    expect(answers.every(Boolean)).toBe(true);
  });

  test('another conversation starts with a fresh budget', () => {
    const { budget, at } = budgetAt();
    for (const ms of [0, 1, 2, 3]) (at(ms), budget.take());
    budget.reset();
    expect(budget.exhausted).toBe(false);
    expect([budget.take(), budget.take(), budget.take(), budget.take()]).toEqual([true, true, true, false]);
  });
});
