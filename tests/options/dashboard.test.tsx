// @vitest-environment happy-dom
// The team lead's view: seeded usage shows up as table and chart, for the chosen range and source.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import { recordUsageBatch, type DefuseDB, type UsageInput } from '@/lib/storage';
import { at, freshDb, must, NOW, renderOptions } from './helpers';

afterEach(cleanup);

const times = (n: number, e: Omit<UsageInput, 'at'>, day: string): UsageInput[] => Array.from({ length: n }, () => ({ ...e, at: at(day) }));

async function seed(db: DefuseDB) {
  must(
    await recordUsageBatch(
      [
        ...times(4, { kind: 'suggestion', tipId: 'own-the-delay', action: 'shown', site: 'gmail' }, '2026-11-20'),
        ...times(1, { kind: 'suggestion', tipId: 'own-the-delay', action: 'inserted', site: 'gmail' }, '2026-11-20'),
        ...times(1, { kind: 'suggestion', tipId: 'own-the-delay', action: 'copied', site: 'zendesk' }, '2026-11-21'),
        ...times(2, { kind: 'reminder', tipId: 'name-a-time', action: 'shown', site: 'zendesk' }, '2026-11-02'),
        ...times(5, { kind: 'rule', tipId: 'blame-shifting', action: 'shown', site: 'gmail' }, '2026-11-25'),
        ...times(3, { kind: 'rule', tipId: 'blame-shifting', action: 'fixed', site: 'gmail' }, '2026-11-25'),
        ...times(1, { kind: 'rule', tipId: 'robotic', action: 'shown', site: 'gmail' }, '2026-11-29'),
        // Outside the default range (the last 30 days end 2026-11-30).
        ...times(7, { kind: 'rule', tipId: 'dismissive', action: 'shown', site: 'gmail' }, '2026-10-15'),
      ],
      NOW,
      db,
    ),
  );
}

/** The table's body as text cells, row by row. */
const rowsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((tr) => Array.from(tr.children, (c) => c.textContent));

describe('dashboard', () => {
  test('shows the last 30 days of my usage by default', async () => {
    const db = freshDb();
    await seed(db);
    await renderOptions({ db });
    expect((screen.getByLabelText('From') as HTMLInputElement).value).toBe('2026-11-01');
    expect((screen.getByLabelText('To') as HTMLInputElement).value).toBe('2026-11-30');
    expect((screen.getByLabelText('My usage') as HTMLInputElement).checked).toBe(true);

    expect(rowsOf(screen.getByTestId('tip-table'))).toEqual([
      ['Own the delay own-the-delay', 'Suggestion', '4', '2', '50%'],
      ['Name a time name-a-time', 'Reminder', '2', '0', '0%'],
    ]);
    expect(rowsOf(screen.getByTestId('rule-table'))).toEqual([
      ['Blame-shifting blame-shifting', '5', '3', '60%'],
      ['Robotic phrasing robotic', '1', '0', '0%'],
    ]);
    expect(screen.getByText('17 events from 2026-11-01 to 2026-11-30.')).toBeTruthy();
  });

  test('chart bars correspond to the table, and the chart says what it shows', async () => {
    const db = freshDb();
    await seed(db);
    const { container } = await renderOptions({ db });
    for (const testId of ['tip-table', 'rule-table']) {
      const table = screen.getByTestId(testId);
      const cells = table.querySelectorAll<HTMLElement>('td[data-measure]');
      expect(cells.length).toBeGreaterThan(0);
      const bars = new Map<string, SVGRectElement>();
      for (const bar of container.querySelectorAll<SVGRectElement>('rect[data-row]')) bars.set(`${bar.dataset.row}|${bar.dataset.measure}`, bar);
      const widths: { value: number; width: number }[] = [];
      for (const cell of cells) {
        const row = cell.closest('tr')!.dataset.row!;
        const bar = bars.get(`${row}|${cell.dataset.measure}`);
        expect(bar, `${row} ${cell.dataset.measure}`).toBeTruthy();
        expect(bar!.dataset.value).toBe(cell.textContent);
        widths.push({ value: Number(cell.textContent), width: Number(bar!.getAttribute('width')) });
      }
      // Lengths are proportional to the values within one chart.
      const top = widths.reduce((a, b) => (b.value > a.value ? b : a));
      for (const { value, width } of widths) if (value > 0) expect(width / top.width).toBeCloseTo(value / top.value, 5);
    }
    const charts = screen.getAllByRole('img');
    expect(charts.map((c) => c.getAttribute('aria-label'))).toEqual([
      'Bar chart. Your usage: tips shown and used, 2026-11-01 to 2026-11-30. Own the delay: shown 4, used 2; Name a time: shown 2, used 0.',
      'Bar chart. Your usage: coach rules fired and fixed, 2026-11-01 to 2026-11-30. Blame-shifting: fired 5, fixed 3; Robotic phrasing: fired 1, fixed 0.',
    ]);
  });

  test('a new range updates the figures', async () => {
    const db = freshDb();
    await seed(db);
    await renderOptions({ db });
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-10-01' } });
    await waitFor(() => expect(rowsOf(screen.getByTestId('rule-table'))[0]).toEqual(['Dismissive dismissive', '7', '0', '0%']));
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-10-31' } });
    await waitFor(() => expect(screen.queryByTestId('tip-table')).toBeNull());
    expect(rowsOf(screen.getByTestId('rule-table'))).toEqual([['Dismissive dismissive', '7', '0', '0%']]);
  });

  test('a range that ends before it starts is explained, not drawn', async () => {
    await renderOptions();
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-12-05' } });
    expect((await screen.findByRole('alert')).textContent).toBe('The start date is after the end date.');
  });

  test('with nothing recorded, says so', async () => {
    await renderOptions();
    expect(screen.getByTestId('usage-empty').textContent).toBe('No tip usage recorded from 2026-11-01 to 2026-11-30.');
  });

  test('the team view starts empty and points to the import', async () => {
    const db = freshDb();
    await seed(db);
    await renderOptions({ db });
    fireEvent.click(screen.getByLabelText('Team (imported files)'));
    await screen.findByText(/No team files imported yet/);
    expect(screen.queryByTestId('tip-table')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Export CSV' })).toBeNull();
  });
});
