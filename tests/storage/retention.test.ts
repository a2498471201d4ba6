// Retention: usage and finished follow-ups age out; the rep's notes and pending reminders never do.
import { describe, expect, it } from 'vitest';
import {
  aggregateUsage,
  applyRetention,
  clearAllData,
  getSettings,
  importTeamFiles,
  listFollowUps,
  purgeOlderThan,
  putFollowUp,
  recordUsageBatch,
  saveNote,
  setFollowUpDone,
  updateSettings,
} from '@/lib/storage';
import { RAW_EVENT_DAYS } from '@/lib/storage/retention';
import { at, freshDb, GMAIL_URL, must } from './helpers';

const NOW = at('2025-06-30', 15);
const DAY = 86_400_000;
const ev = (day: string) => ({ kind: 'rule' as const, tipId: 'robotic', action: 'shown' as const, site: 'gmail' as const, at: at(day, 8) });

async function seeded() {
  const db = freshDb();
  must(await recordUsageBatch([ev('2025-05-30'), ev('2025-05-31'), ev('2025-06-01'), ev('2025-06-30')], NOW, db));
  const target = { site: 'gmail' as const, conversationId: 'x', subject: 's', url: GMAIL_URL };
  const oldDone = must(await putFollowUp({ ...target, conversationId: 'old-done' }, NOW - 60 * DAY, NOW - 70 * DAY, db));
  must(await setFollowUpDone(oldDone.id!, NOW - 40 * DAY, db));
  const recentDone = must(await putFollowUp({ ...target, conversationId: 'recent-done' }, NOW - 2 * DAY, NOW - 3 * DAY, db));
  must(await setFollowUpDone(recentDone.id!, NOW - DAY, db));
  must(await putFollowUp({ ...target, conversationId: 'old-open' }, NOW - 90 * DAY, NOW - 100 * DAY, db));
  must(await saveNote({ site: 'gmail', conversationId: 'x', subject: 's', text: 'ancient note' }, NOW - 400 * DAY, db));
  return db;
}

describe('purgeOlderThan(30 days) on June 30', () => {
  it('deletes usage from before May 31 and keeps May 31 onwards', async () => {
    const db = await seeded();
    const report = must(await purgeOlderThan(30, NOW, db));
    expect(report).toMatchObject({ usageEvents: 1, usageDays: 1 });
    expect((await db.usage.toArray()).map((e) => e.day)).toEqual(['2025-05-31', '2025-06-01', '2025-06-30']);
  });

  it('keeps the dashboard figures equal to the events left', async () => {
    const db = await seeded();
    must(await purgeOlderThan(30, NOW, db));
    expect(must(await aggregateUsage({ from: '2025-01-01', to: '2025-12-31' }, db)).events).toBe(await db.usage.count());
  });

  it('deletes follow-ups done more than 30 days ago only', async () => {
    const db = await seeded();
    expect(must(await purgeOlderThan(30, NOW, db)).followUps).toBe(1);
    const left = must(await listFollowUps(['open', 'done', 'snoozed'], db)).map((f) => f.conversationId).sort();
    expect(left).toEqual(['old-open', 'recent-done']);
  });

  it('never deletes notes', async () => {
    const db = await seeded();
    must(await purgeOlderThan(30, NOW, db));
    expect(await db.notes.count()).toBe(1);
  });

  it.each([0, -1, 2.5])('refuses %s days', async (days) => {
    expect((await purgeOlderThan(days, NOW, freshDb())).ok).toBe(false);
  });
});

describe('raw events and daily rollups', () => {
  it('keeps the rollups for the whole retention but raw events only for the last RAW_EVENT_DAYS', async () => {
    const db = await seeded();
    const report = must(await purgeOlderThan(365, NOW, db));
    expect(report).toMatchObject({ usageEvents: 1, usageDays: 0 });
    expect((await db.usage.toArray()).map((e) => e.day)).toEqual(['2025-05-31', '2025-06-01', '2025-06-30']);
    expect(RAW_EVENT_DAYS).toBe(30);
    // the dashboard still counts May 30 from its rollup
    expect(must(await aggregateUsage({ from: '2025-05-30', to: '2025-05-30' }, db)).events).toBe(1);
  });
});

describe('applyRetention', () => {
  it('uses the retention days from settings', async () => {
    const db = await seeded();
    must(await updateSettings({ retentionDays: 1 }, db));
    must(await applyRetention(NOW, db));
    expect((await db.usage.toArray()).map((e) => e.day)).toEqual(['2025-06-30']);
  });
});

describe('clearAllData', () => {
  it('empties every table, team view and settings included', async () => {
    const db = await seeded();
    must(await updateSettings({ repLabel: 'Ana' }, db));
    must(await importTeamFiles([{ name: 'a.csv', text: 'rep_id,rep,day,site,kind,tip_id,action,count\r\nr-0123456789abcdef,Bo,2025-06-01,gmail,rule,robotic,shown,1\r\n' }], NOW, db));
    must(await clearAllData(db));
    for (const table of db.tables) expect(await table.count(), table.name).toBe(0);
    expect(must(await getSettings(db)).repLabel).toBe('Rep');
  });
});
