// @vitest-environment happy-dom
// Restoring a backup merges it and reports what happened; a damaged file changes nothing and says why.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { storageFor } from '@/lib/state/options';
import { listNotes, saveNote } from '@/lib/storage';
import { dropFocus, fileOf, freshDb, must, renderOptions } from './helpers';

afterEach(cleanup);


const note = (conversationId: string, text: string, updatedAt: number) => ({
  site: 'gmail',
  conversationId,
  subject: 'Refund',
  text,
  createdAt: 1_700_000_000_000,
  updatedAt,
});

const backup = (notes: unknown[]) =>
  JSON.stringify({ format: 'defuse-backup', version: 1, exportedAt: '2026-11-01T00:00:00.000Z', notes, followUps: [] });

const restoreInput = () => screen.getByLabelText('Restore from file') as HTMLInputElement;

describe('backup and restore', () => {
  test('restoring merges the file and reports what was added, updated and kept', async () => {
    const db = freshDb();
    must(await saveNote({ site: 'gmail', conversationId: 't-1', subject: 'Refund', text: 'Mine, newer' }, 1_800_000_000_000, db));
    const onDataChanged = vi.fn();
    await renderOptions({ db, onDataChanged });
    const file = fileOf('defuse-backup-2026-11-01.json', backup([note('t-1', 'Older copy', 1_700_000_000_001), note('t-2', 'Only in the backup', 1_700_000_000_002)]));
    fireEvent.change(restoreInput(), { target: { files: [file] } });
    expect((await screen.findByTestId('restore-report')).textContent).toBe(
      'Notes: 1 added, 0 updated, 1 kept as they were.Follow-ups: 0 added, 0 updated, 0 kept as they were.',
    );
    expect(screen.getByTestId('backup-notice').textContent).toBe('Restored from defuse-backup-2026-11-01.json.');
    const notes = must(await listNotes({}, db)).map((n) => n.text).sort();
    expect(notes).toEqual(['Mine, newer', 'Only in the backup']);
    expect(onDataChanged).toHaveBeenCalledWith('restored');
  });

  test('a damaged backup restores nothing and says which entry is wrong', async () => {
    const db = freshDb();
    await renderOptions({ db });
    const file = fileOf('broken.json', backup([note('t-1', 'Fine', 5), { site: 'myspace', conversationId: 'x', subject: '', text: '', createdAt: 1, updatedAt: 1 }]));
    fireEvent.change(restoreInput(), { target: { files: [file] } });
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Nothing was restored: notes\[1\] is damaged \(/);
    expect(screen.queryByTestId('restore-report')).toBeNull();
    expect(must(await listNotes({}, db))).toEqual([]);
  });

  test('a tip usage export picked here says where it belongs', async () => {
    await renderOptions();
    fireEvent.change(restoreInput(), { target: { files: [fileOf('ana.json', JSON.stringify({ format: 'defuse-usage', version: 1, aggregates: [] }))] } });
    expect((await screen.findByRole('alert')).textContent).toBe(
      'This file isn\'t a Defuse backup: it is a tip usage export. Team leads import those under "Import team files".',
    );
  });

  test('keyboard focus comes back to the file field when the restore is done', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const db = freshDb();
    const real = storageFor(db);
    await renderOptions({ db, storage: { restoreBackup: async (text) => (await gate, real.restoreBackup(text)) } });
    restoreInput().focus();
    fireEvent.change(restoreInput(), { target: { files: [fileOf('b.json', backup([note('t-1', 'x', 5)]))] } });
    await waitFor(() => expect(restoreInput().disabled).toBe(true));
    dropFocus(restoreInput());
    release();
    await screen.findByTestId('restore-report');
    await waitFor(() => expect(document.activeElement).toBe(restoreInput()));
  });
});
