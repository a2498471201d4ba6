// The options store without a page: stale answers are dropped, and the clean-up is described in words.
import { describe, expect, test, vi } from 'vitest';
import { createOptionsStore, describePurge, storageFor, cleanUpOldData } from '@/lib/state/options';
import { importSummary } from '@/lib/state/options/optionsStore';
import { recordUsage, updateSettings, type FileReport, type Result, type UsageAggregate } from '@/lib/storage';
import { at, freshDb, must, NOW } from './helpers';

const BEN_CSV = 'rep_id,rep,day,site,kind,tip_id,action,count\r\nr-0b0b0b0b0b0b0b0b,Ben,2026-11-05,gmail,rule,robotic,shown,2\r\n';
const aggregate = (from: string, to: string, events: number): UsageAggregate => ({ from, to, events, tips: [], rules: [] });

describe('options store', () => {
  test('a slow answer for an older range never overwrites the newer one', async () => {
    const answers: ((r: Result<UsageAggregate>) => void)[] = [];
    const store = createOptionsStore({
      now: () => NOW,
      storage: { ...storageFor(freshDb()), aggregateUsage: () => new Promise((resolve) => answers.push(resolve)) },
    });
    const first = store.getState().setRange({ from: '2026-10-01', to: '2026-10-31' });
    const second = store.getState().setRange({ from: '2026-11-01', to: '2026-11-30' });
    answers[1]!({ ok: true, value: aggregate('2026-11-01', '2026-11-30', 2) });
    answers[0]!({ ok: true, value: aggregate('2026-10-01', '2026-10-31', 9) });
    await Promise.all([first, second]);
    expect(store.getState().usage).toMatchObject({ from: '2026-11-01', events: 2 });
    expect(store.getState().busy.dashboard).toBe(false);
  });

  test('a file that cannot be read is rejected in words; the other files still import', async () => {
    const db = freshDb();
    const store = createOptionsStore({ now: () => NOW, storage: storageFor(db) });
    await store.getState().importFiles([
      { name: 'ana.csv', text: () => Promise.reject(new DOMException('The file was moved.', 'NotReadableError')) },
      { name: 'ben.csv', text: async () => BEN_CSV },
    ]);
    expect(store.getState().importReports!.map((r) => [r.name, r.status, r.messages[0]])).toEqual([
      ['ana.csv', 'rejected', 'ana.csv could not be read: it may have been moved, renamed or still be downloading. Pick it again.'],
      ['ben.csv', 'imported', 'ben.csv: 1 row from Ben merged.'],
    ]);
    expect(store.getState().notices.import).toEqual({ tone: 'ok', text: '2 files: 1 imported, 1 rejected. Details below.' });
    expect(await db.imports.count()).toBe(1);
  });

  test('a file far too big to be a usage export is refused without being read', async () => {
    const store = createOptionsStore({ now: () => NOW, storage: storageFor(freshDb()) });
    const text = vi.fn(async () => 'never read');
    await store.getState().importFiles([{ name: 'screen-recording.webm', size: 2_000_000_000, text }]);
    expect(text).not.toHaveBeenCalled();
    expect(store.getState().importReports![0]!.messages).toEqual(['screen-recording.webm is 2000 MB; team files are at most 50 MB.']);
    expect(store.getState().notices.import).toEqual({ tone: 'error', text: 'Nothing was imported. 1 file: 1 rejected. Details below.' });
  });

  test('the import outcome is summed up in one line', () => {
    const report = (status: FileReport['status']) => ({ name: 'x', status, rows: 0, reps: [], messages: [] });
    expect(importSummary([report('imported'), report('imported'), report('skipped')])).toEqual({
      tone: 'ok',
      text: '3 files: 2 imported, 1 already imported. Details below.',
    });
    expect(importSummary([report('skipped')])).toEqual({ tone: 'ok', text: '1 file: 1 already imported. Details below.' });
  });
});

describe('retention for the background', () => {
  test('cleanUpOldData applies the saved retention period', async () => {
    const db = freshDb();
    must(await updateSettings({ retentionDays: 7 }, db));
    must(await recordUsage({ kind: 'rule', tipId: 'robotic', action: 'shown', site: 'gmail', at: at('2026-11-01') }, NOW, db));
    must(await recordUsage({ kind: 'rule', tipId: 'robotic', action: 'shown', site: 'gmail', at: NOW }, NOW, db));
    const report = must(await cleanUpOldData(NOW, db));
    expect(report).toMatchObject({ usageEvents: 1, followUps: 0 });
    expect(describePurge(report, 7)).toBe('Cleaned up 1 usage event older than 7 days.');
  });

  test('says nothing when nothing was old enough', () => {
    expect(describePurge({ usageEvents: 0, usageDays: 0, followUps: 0 }, 30)).toBeNull();
    expect(describePurge({ usageEvents: 3, usageDays: 1, followUps: 1 }, 1)).toBe('Cleaned up 3 usage events and 1 finished follow-up older than 1 day.');
  });
});
