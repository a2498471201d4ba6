// @vitest-environment happy-dom
// Exports download exactly the file lib/storage makes for the chosen range, through a Blob URL.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { exportBackup, exportUsageCsv, exportUsageJson, recordUsageBatch, StorageError, updateSettings } from '@/lib/storage';
import { at, freshDb, must, NOW, renderOptions } from './helpers';

interface Saved {
  name: string;
  type: string;
  text: string;
}

let saved: Saved[];
let blobs: Map<string, Blob>;

beforeEach(() => {
  saved = [];
  blobs = new Map();
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:defuse/${blobs.size}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  document.addEventListener('click', onClick);
});

afterEach(() => {
  document.removeEventListener('click', onClick);
  vi.restoreAllMocks();
  cleanup();
});

/** Catches the <a download> click: records the file, and keeps happy-dom from navigating. */
function onClick(e: Event) {
  const a = e.target as HTMLAnchorElement;
  if (a.tagName !== 'A' || !a.hasAttribute('download')) return;
  e.preventDefault();
  const blob = blobs.get(a.href)!;
  saved.push({ name: a.download, type: blob.type, text: '' });
  const entry = saved[saved.length - 1]!;
  void blob.text().then((t) => (entry.text = t));
}

async function seeded() {
  const db = freshDb();
  must(await updateSettings({ repLabel: 'Ana' }, db));
  must(
    await recordUsageBatch(
      [
        { kind: 'suggestion', tipId: 'own-the-delay', action: 'shown', site: 'gmail', at: at('2026-11-03') },
        { kind: 'suggestion', tipId: 'own-the-delay', action: 'inserted', site: 'gmail', at: at('2026-11-03') },
        { kind: 'rule', tipId: 'robotic', action: 'shown', site: 'zendesk', at: at('2026-11-10') },
        { kind: 'rule', tipId: 'robotic', action: 'shown', site: 'zendesk', at: at('2026-10-10') },
      ],
      NOW,
      db,
    ),
  );
  return db;
}

describe('export', () => {
  test('CSV of the chosen range is the file lib/storage generates', async () => {
    const db = await seeded();
    await renderOptions({ db });
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(saved[0]?.text).toBeTruthy());
    const expected = must(await exportUsageCsv({ from: '2026-11-01', to: '2026-11-30' }, db));
    expect(saved[0]).toEqual({ name: 'defuse-usage-ana-2026-11-01_2026-11-30.csv', type: 'text/csv;charset=utf-8', text: expected.text });
    expect(expected.text.split('\r\n').filter(Boolean)).toHaveLength(4); // header + 3 rows; October left out
    expect(screen.getByTestId('export-notice').textContent).toBe('Saved defuse-usage-ana-2026-11-01_2026-11-30.csv (3 rows).');
  });

  test('JSON follows the range the rep picked', async () => {
    const db = await seeded();
    await renderOptions({ db });
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-10-01' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-10-31' } });
    await screen.findByText('1 event from 2026-10-01 to 2026-10-31.');
    fireEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    await waitFor(() => expect(saved[0]?.text).toBeTruthy());
    const expected = must(await exportUsageJson({ from: '2026-10-01', to: '2026-10-31' }, NOW, db));
    expect(saved[0]).toEqual({ name: 'defuse-usage-ana-2026-10-01_2026-10-31.json', type: 'application/json;charset=utf-8', text: expected.text });
    expect(JSON.parse(saved[0]!.text).aggregates).toEqual([{ day: '2026-10-10', site: 'zendesk', kind: 'rule', tipId: 'robotic', action: 'shown', count: 1 }]);
  });

  test('the backup download is exportBackup’s file', async () => {
    const db = await seeded();
    await renderOptions({ db });
    fireEvent.click(screen.getByRole('button', { name: 'Download backup' }));
    await waitFor(() => expect(saved[0]?.text).toBeTruthy());
    const expected = must(await exportBackup(NOW, db));
    expect(saved[0]).toEqual({ name: expected.filename, type: 'application/json;charset=utf-8', text: expected.text });
  });

  test('an export that fails says why and downloads nothing', async () => {
    const db = await seeded();
    const error = new StorageError('blocked', 'Close or reload the other Defuse tabs and panels, then try again.');
    await renderOptions({ db, storage: { exportUsageCsv: async () => ({ ok: false, error }) } });
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect((await screen.findByRole('alert')).textContent).toBe(error.message);
    expect(saved).toEqual([]);
  });
});
