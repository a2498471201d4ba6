// @vitest-environment happy-dom
// Deleting everything needs the word "delete" typed first; then every store is empty.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { getSettings, listNotes, recordUsage, saveNote, updateSettings } from '@/lib/storage';
import { freshDb, must, NOW, renderOptions } from './helpers';

afterEach(cleanup);

async function withData() {
  const db = freshDb();
  must(await updateSettings({ repLabel: 'Ana' }, db));
  must(await saveNote({ site: 'gmail', conversationId: 't-1', subject: 'Refund', text: 'Promised a refund' }, NOW, db));
  must(await recordUsage({ kind: 'rule', tipId: 'robotic', action: 'shown', site: 'gmail' }, NOW, db));
  return db;
}

const deleteButton = () => screen.getByRole('button', { name: 'Delete everything' }) as HTMLButtonElement;

describe('delete all data', () => {
  test('asks for "delete" to be typed before deleting anything', async () => {
    const db = await withData();
    const onDataChanged = vi.fn();
    await renderOptions({ db, onDataChanged });
    expect(screen.queryByRole('button', { name: 'Delete everything' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Delete all data…' }));
    const confirm = screen.getByLabelText('Type "delete" to confirm') as HTMLInputElement;
    expect(document.activeElement).toBe(confirm);
    expect(deleteButton().disabled).toBe(true);
    fireEvent.click(deleteButton());
    fireEvent.change(confirm, { target: { value: 'delet' } });
    expect(deleteButton().disabled).toBe(true);
    expect(must(await listNotes({}, db))).toHaveLength(1);

    fireEvent.change(confirm, { target: { value: 'Delete' } });
    expect(deleteButton().disabled).toBe(false);
    fireEvent.click(deleteButton());
    await screen.findByText('Everything Defuse stored on this computer has been deleted.');
    expect(must(await listNotes({}, db))).toEqual([]);
    expect(must(await getSettings(db)).repLabel).toBe('Rep');
    expect(screen.getByTestId('usage-empty')).toBeTruthy();
    expect((screen.getByLabelText('Your name in exports') as HTMLInputElement).value).toBe('Rep');
    expect(onDataChanged).toHaveBeenCalledWith('cleared');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Delete all data…' })));
  });

  test('Cancel and Escape leave everything in place', async () => {
    const db = await withData();
    await renderOptions({ db });
    fireEvent.click(screen.getByRole('button', { name: 'Delete all data…' }));
    fireEvent.change(screen.getByLabelText('Type "delete" to confirm'), { target: { value: 'delete' } });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByLabelText('Type "delete" to confirm')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Delete all data…' }));
    const confirm = screen.getByLabelText('Type "delete" to confirm') as HTMLInputElement;
    expect(confirm.value).toBe('');
    fireEvent.keyDown(confirm, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByLabelText('Type "delete" to confirm')).toBeNull());
    expect(must(await listNotes({}, db))).toHaveLength(1);
  });
});
