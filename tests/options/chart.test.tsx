// @vitest-environment happy-dom
// The SVG bar chart on its own: bar lengths, the summary label, and the row limit.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, expect, test } from 'vitest';
import { BarChart, type ChartRow } from '@/components/options/BarChart';
import { percent } from '@/components/options/UsageReport';

afterEach(cleanup);

const measures = [
  { key: 'shown', label: 'shown' },
  { key: 'used', label: 'used' },
];
const row = (id: string, shown: number, used: number): ChartRow => ({ id, label: id, values: { shown, used } });

test('bars are as long as their value, relative to the largest', () => {
  const { container } = render(<BarChart title="Tips" measures={measures} rows={[row('a', 10, 5), row('b', 4, 0)]} />);
  const width = (r: string, m: string) => Number(container.querySelector(`rect[data-row="${r}"][data-measure="${m}"]`)!.getAttribute('width'));
  expect(width('a', 'used') / width('a', 'shown')).toBeCloseTo(0.5);
  expect(width('b', 'shown') / width('a', 'shown')).toBeCloseTo(0.4);
  expect(width('b', 'used')).toBe(0);
});

test('is one image whose label lists every bar', () => {
  render(<BarChart title="Tips" measures={measures} rows={[row('a', 10, 5)]} />);
  expect(screen.getByRole('img').getAttribute('aria-label')).toBe('Bar chart. Tips. a: shown 10, used 5.');
});

test('draws the top rows only and says the table has the rest', () => {
  const rows = Array.from({ length: 5 }, (_, i) => row(`t${i}`, 5 - i, 0));
  const { container } = render(<BarChart title="Tips" measures={measures} rows={rows} limit={2} />);
  expect(container.querySelectorAll('[data-chart-row]')).toHaveLength(2);
  expect(screen.getByRole('img').getAttribute('aria-label')).toMatch(/^Bar chart\. Tips\. Top 2 of 5; the table lists all\. t0: /);
});

test('rates read as whole percentages, or a dash when never shown', () => {
  expect([percent(0.5), percent(1 / 3), percent(1.25), percent(null)]).toEqual(['50%', '33%', '125%', '—']);
});
