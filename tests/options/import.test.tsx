// @vitest-environment happy-dom
// Team files: several at once merge into the team view; the same file twice is never counted twice;
// a broken file says which line and why.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import { storageFor } from '@/lib/state/options';
import { aggregateTeam } from '@/lib/storage';
import { dropFocus, fileOf, freshDb, must, renderOptions } from './helpers';

afterEach(cleanup);


const HEADER = 'rep_id,rep,day,site,kind,tip_id,action,count';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\r\n') + '\r\n';

const ana = fileOf(
  'ana.csv',
  csv(
    'r-0a0a0a0a0a0a0a0a,Ana,2026-11-03,gmail,suggestion,own-the-delay,shown,4',
    'r-0a0a0a0a0a0a0a0a,Ana,2026-11-03,gmail,suggestion,own-the-delay,inserted,1',
    'r-0a0a0a0a0a0a0a0a,Ana,2026-11-04,gmail,rule,blame-shifting,shown,2',
  ),
);
const ben = fileOf(
  'ben.json',
  JSON.stringify({
    format: 'defuse-usage',
    version: 1,
    exportedAt: '2026-11-30T10:00:00.000Z',
    rep: 'Ben',
    repId: 'r-0b0b0b0b0b0b0b0b',
    range: { from: '2026-11-01', to: '2026-11-30' },
    aggregates: [
      { day: '2026-11-05', site: 'zendesk', kind: 'suggestion', tipId: 'own-the-delay', action: 'shown', count: 6 },
      { day: '2026-11-05', site: 'zendesk', kind: 'suggestion', tipId: 'own-the-delay', action: 'copied', count: 3 },
      { day: '2026-11-06', site: 'zendesk', kind: 'rule', tipId: 'blame-shifting', action: 'fixed', count: 1 },
    ],
  }),
);

const input = () => screen.getByLabelText('Usage files (CSV or JSON, several at once)') as HTMLInputElement;
/** Picks files once the previous import has finished (the input is disabled while one runs). */
async function pick(...files: File[]) {
  await waitFor(() => expect(input().disabled).toBe(false));
  fireEvent.change(input(), { target: { files } });
}
const reports = () =>
  within(screen.getByTestId('import-reports'))
    .getAllByRole('listitem')
    .filter((li) => li.dataset.status)
    .map((li) => ({
      status: li.dataset.status,
      heading: li.querySelector('p')!.textContent,
      messages: Array.from(li.querySelectorAll('ul > li'), (m) => m.textContent),
    }));

const rowsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((tr) => Array.from(tr.children, (c) => c.textContent));

describe('importing team files', () => {
  test('two files merge into the team view', async () => {
    const db = freshDb();
    await renderOptions({ db });
    fireEvent.click(screen.getByLabelText('Team (imported files)'));
    await pick(ana, ben);
    await waitFor(() => expect(reports()).toHaveLength(2));
    expect(reports()).toEqual([
      { status: 'imported', heading: 'Imported ana.csv', messages: ['ana.csv: 3 rows from Ana merged.'] },
      { status: 'imported', heading: 'Imported ben.json', messages: ['ben.json: 3 rows from Ben merged.'] },
    ]);

    await waitFor(() => expect(screen.getByTestId('rep-table')).toBeTruthy());
    expect(rowsOf(screen.getByTestId('rep-table'))).toEqual([
      ['Ana', '4', '1', '2', '0'],
      ['Ben', '6', '3', '0', '1'],
    ]);
    expect(rowsOf(screen.getByTestId('tip-table'))).toEqual([['Own the delay own-the-delay', 'Suggestion', '10', '4', '40%']]);
    expect(rowsOf(screen.getByTestId('rule-table'))).toEqual([['Blame-shifting blame-shifting', '2', '1', '50%']]);
    expect(rowsOf(screen.getByTestId('imports-table')).map((r) => [r[0], r[2], r[3]])).toEqual(
      expect.arrayContaining([
        ['ana.csv', '3', 'Ana'],
        ['ben.json', '3', 'Ben'],
      ]),
    );
  });

  test('the same file twice is reported as already imported and counted once', async () => {
    const db = freshDb();
    await renderOptions({ db });
    await pick(ana);
    await waitFor(() => expect(reports()[0]?.status).toBe('imported'));
    const once = must(await aggregateTeam({ from: '2026-11-01', to: '2026-11-30' }, db));

    await pick(fileOf('ana (copy).csv', await ana.text()));
    await waitFor(() => expect(reports()[0]?.status).toBe('skipped'));
    expect(reports()[0]).toEqual({
      status: 'skipped',
      heading: 'Already imported ana (copy).csv',
      messages: ['ana (copy).csv was already imported on 2026-11-30 (as "ana.csv"): skipped, so nothing is counted twice.'],
    });
    await pick(ana);
    await waitFor(() => expect(reports()[0]?.heading).toBe('Already imported ana.csv'));
    expect(reports()[0]!.messages).toEqual(['ana.csv was already imported on 2026-11-30: skipped, so nothing is counted twice.']);
    expect(must(await aggregateTeam({ from: '2026-11-01', to: '2026-11-30' }, db))).toEqual(once);
    expect(rowsOf(screen.getByTestId('imports-table'))).toHaveLength(1);
  });

  test('a rejected file shows the line and the reason; the good file still merges', async () => {
    const db = freshDb();
    await renderOptions({ db });
    const broken = fileOf(
      'carla.csv',
      csv('r-0c0c0c0c0c0c0c0c,Carla,2026-11-03,gmail,suggestion,own-the-delay,shown,4', 'r-0c0c0c0c0c0c0c0c,Carla,2026-11-03', 'r-0c0c0c0c0c0c0c0c,Carla,2026-11-04,gmail,rule,robotic,shown,1'),
    );
    await pick(broken, ana);
    await waitFor(() => expect(reports()).toHaveLength(2));
    const [carla, good] = reports();
    expect(carla).toEqual({
      status: 'rejected',
      heading: 'Rejected carla.csv',
      messages: ["carla.csv line 3 has 3 columns but the header has 8, so the columns can't be trusted."],
    });
    expect(good!.status).toBe('imported');
    const team = must(await aggregateTeam({ from: '2026-11-01', to: '2026-11-30' }, db));
    expect(team.reps.map((r) => r.rep)).toEqual(['Ana']);
  });

  test('bad rows are listed by line while the rest of the file merges', async () => {
    await renderOptions();
    await pick(fileOf('dana.csv', csv('r-0d0d0d0d0d0d0d0d,Dana,2026-11-03,gmail,rule,robotic,shown,2', 'r-0d0d0d0d0d0d0d0d,Dana,2026-13-40,gmail,rule,robotic,shown,1')));
    await waitFor(() => expect(reports()).toHaveLength(1));
    expect(reports()[0]).toEqual({
      status: 'imported',
      heading: 'Imported dana.csv',
      messages: ['dana.csv: 1 row from Dana merged.', 'line 3: day "2026-13-40" isn\'t a date written YYYY-MM-DD: skipped.'],
    });
  });

  test('forgetting imported files asks first, then empties the team view', async () => {
    const db = freshDb();
    await renderOptions({ db });
    await pick(ana);
    await waitFor(() => expect(screen.getByTestId('imports-table')).toBeTruthy());
    fireEvent.click(screen.getByRole('button', { name: 'Forget imported files…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, forget them' }));
    await screen.findByText('Imported team files forgotten. Your own data is unchanged.');
    expect(screen.queryByTestId('imports-table')).toBeNull();
    expect(must(await aggregateTeam({ from: '2026-11-01', to: '2026-11-30' }, db)).reps).toEqual([]);
  });

  test('the outcome is announced in the live region, not only listed', async () => {
    await renderOptions();
    await pick(ana, fileOf('notes.json', JSON.stringify({ format: 'defuse-backup', version: 1, notes: [], followUps: [] })));
    await waitFor(() => expect(reports()).toHaveLength(2));
    const notice = screen.getByTestId('import-notice');
    expect(notice.getAttribute('aria-live')).toBe('polite');
    expect(notice.textContent).toBe('2 files: 1 imported, 1 rejected. Details below.');
    expect(reports()[1]!.messages).toEqual(['notes.json is a backup of notes and follow-ups, not a usage export: restore it under "Backup and restore".']);
  });

  test('keyboard focus comes back to the file field when the import is done', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const db = freshDb();
    const real = storageFor(db);
    await renderOptions({ db, storage: { importTeamFiles: async (files, now) => (await gate, real.importTeamFiles(files, now)) } });
    input().focus();
    fireEvent.change(input(), { target: { files: [ana] } });
    await waitFor(() => expect(input().disabled).toBe(true));
    dropFocus(input());
    expect(document.activeElement).toBe(document.body);
    release();
    await waitFor(() => expect(input().disabled).toBe(false));
    await waitFor(() => expect(document.activeElement).toBe(input()));
  });

  test('asking to forget the imported files moves focus to Cancel, and Cancel back to the button', async () => {
    await renderOptions();
    await pick(ana);
    await waitFor(() => expect(screen.getByTestId('imports-table')).toBeTruthy());
    fireEvent.click(screen.getByRole('button', { name: 'Forget imported files…' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' })));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Forget imported files…' })));
  });
});
