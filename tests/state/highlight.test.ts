import { describe, expect, test } from 'vitest';
import { around, segments } from '@/lib/state/highlight';

const span = (start: number, end: number, label = 'L') => ({ start, end, label });

describe('segments', () => {
  test('splits text into plain and marked runs that join back to the text', () => {
    const text = 'This is the third time. I will cancel.';
    const out = segments(text, [span(12, 22, 'Repeat'), span(31, 37, 'Churn')]);
    expect(out.map((s) => s.text).join('')).toBe(text);
    expect(out.filter((s) => s.labels).map((s) => s.text)).toEqual(['third time', 'cancel']);
  });

  test('merges overlapping spans and keeps every label', () => {
    const out = segments('abcdefgh', [span(1, 4, 'A'), span(3, 6, 'B')]);
    expect(out).toEqual([
      { text: 'a', start: 0 },
      { text: 'bcdef', labels: ['A', 'B'], start: 1 },
      { text: 'gh', start: 6 },
    ]);
  });

  test('ignores empty, reversed and out-of-range spans, and sorts', () => {
    const out = segments('hello world', [span(6, 11, 'W'), span(3, 3), span(5, 2), span(40, 50), span(-5, 2, 'H')]);
    expect(out.filter((s) => s.labels).map((s) => s.text)).toEqual(['he', 'world']);
  });

  test('stops at the limit', () => {
    const out = segments('abcdefghij', [span(2, 4), span(8, 10)], 5);
    expect(out.map((s) => s.text).join('')).toBe('abcde');
    expect(out.filter((s) => s.labels).map((s) => s.text)).toEqual(['cd']);
  });

  test('keeps emoji and right-to-left text intact', () => {
    const text = 'שלום 😡😡 third time';
    const at = text.indexOf('third time');
    const out = segments(text, [span(at, at + 10)]);
    expect(out.map((s) => s.text)).toEqual(['שלום 😡😡 ', 'third time']);
  });
});

test('around gives a short window with ellipses', () => {
  const text = `${'a'.repeat(50)}BAD${'b'.repeat(50)}`;
  const { before, match, after } = around(text, 50, 53, 5);
  expect([before, match, after]).toEqual(['…aaaaa', 'BAD', 'bbbbb…']);
});
