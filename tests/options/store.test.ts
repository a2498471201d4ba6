// The options store without a page: stale answers are dropped, and the clean-up is described in words.
import { describe, expect, test } from 'vitest';
import { createOptionsStore, describePurge, storageFor, cleanUpOldData } from '@/lib/state/options';
import { recordUsage, updateSettings, type Result, type UsageAggregate } from '@/lib/storage';
import { at, freshDb, must, NOW } from './helpers';

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

  test('a file that cannot be read is reported in words and nothing is imported', async () => {
    const store = createOptionsStore({ now: () => NOW, storage: storageFor(freshDb()) });
    await store.getState().importFiles([{ name: 'ana.csv', text: () => Promise.reject(new DOMException('The file was moved.', 'NotReadableError')) }]);
    expect(store.getState().notices.import).toEqual({ tone: 'error', text: "Reading the files didn't work: The file was moved. Try again." });
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
