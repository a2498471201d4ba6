// Tip usage: ids and counts only, counted per tip and per rule over a range of days.
import { describe, expect, it } from 'vitest';
import { aggregateUsage, recordUsage, recordUsageBatch, updateSettings, usageSink, type UsageInput } from '@/lib/storage';
import { addDays } from '@/lib/storage/day';
import { pages, PAGE_DAYS } from '@/lib/storage/usage';
import { at, freshDb, must } from './helpers';

const ev = (over: Partial<UsageInput> = {}): UsageInput => ({ kind: 'suggestion', tipId: 'own-the-delay', action: 'shown', site: 'gmail', at: at('2025-06-01'), ...over });

describe('recordUsage', () => {
  it('stores the event with its local day and the rep label', async () => {
    const db = freshDb();
    must(await updateSettings({ repLabel: 'Ana' }, db));
    const stored = must(await recordUsage(ev({ at: at('2025-06-01', 23, 59) }), 0, db));
    expect(stored).toMatchObject({ kind: 'suggestion', tipId: 'own-the-delay', action: 'shown', site: 'gmail', day: '2025-06-01', rep: 'Ana' });
    expect(Object.keys(stored).sort()).toEqual(['action', 'at', 'day', 'id', 'kind', 'rep', 'site', 'tipId']);
  });

  it('uses the current time when the event has none', async () => {
    const db = freshDb();
    const { at: _, ...noTime } = ev();
    expect(must(await recordUsage(noTime, at('2025-07-04', 8), db)).day).toBe('2025-07-04');
  });

  it.each([
    ['customer text in an extra field', { text: 'I want a refund NOW' }, /can't carry "text"/],
    ['an email address as the tip id', { tipId: 'maria@example.com' }, /doesn't match/],
    ['a sentence as the tip id', { tipId: 'Sorry for the wait' }, /doesn't match/],
    ['an upper-case tip id', { tipId: 'Own-The-Delay' }, /doesn't match/],
    ['a tip id over 64 characters', { tipId: 'a'.repeat(65) }, /doesn't match/],
    ['an empty tip id', { tipId: '' }, /doesn't match/],
    ['an unknown kind', { kind: 'macro' }, /isn't suggestion, rule or reminder/],
    ['an unknown action', { action: 'liked' }, /isn't shown, inserted/],
    ['an unknown site', { site: 'outlook' }, /isn't gmail or zendesk/],
    ['a time that is not a number', { at: '2025-06-01' }, /milliseconds/],
    ['a time past the last date there is (it would have no day)', { at: 1e300 }, /milliseconds/],
  ])('refuses %s and stores nothing', async (_, change, message) => {
    const db = freshDb();
    const input = { ...ev(), ...change } as UsageInput;
    const r = await recordUsage(input, 0, db);
    expect(r).toMatchObject({ ok: false, pending: input, error: { kind: 'invalid' } });
    expect(!r.ok && r.error.message).toMatch(message);
    expect(await db.usage.count()).toBe(0);
  });

  it('a batch with one bad event stores none of them', async () => {
    const db = freshDb();
    const r = await recordUsageBatch([ev(), ev({ tipId: 'Bad Id' })], 0, db);
    expect(!r.ok && r.error.message).toMatch(/^Event 2:/);
    expect(await db.usage.count()).toBe(0);
  });
});

describe('usageSink (the panel\'s fire-and-forget recorder)', () => {
  it('records events', async () => {
    const db = freshDb();
    await usageSink(db).record(ev());
    expect(await db.usage.count()).toBe(1);
  });

  it('never throws, even for an event it refuses', async () => {
    await expect(usageSink(freshDb()).record(ev({ tipId: 'NOT OK' }))).resolves.toBeUndefined();
  });
});

describe('aggregateUsage', () => {
  async function seeded() {
    const db = freshDb();
    const day = (d: string, e: Partial<UsageInput>, n = 1) => Array.from({ length: n }, () => ev({ at: at(d), ...e }));
    must(
      await recordUsageBatch(
        [
          ...day('2025-06-01', { action: 'shown' }, 10),
          ...day('2025-06-01', { action: 'inserted' }, 3),
          ...day('2025-06-01', { action: 'copied' }, 1),
          ...day('2025-06-01', { action: 'dismissed' }, 2),
          ...day('2025-06-02', { action: 'shown', site: 'zendesk' }, 5),
          ...day('2025-06-02', { action: 'inserted', site: 'zendesk' }, 1),
          ...day('2025-06-02', { tipId: 'name-a-time', action: 'shown' }, 4),
          ...day('2025-06-01', { kind: 'rule', tipId: 'blame-shifting', action: 'shown' }, 8),
          ...day('2025-06-02', { kind: 'rule', tipId: 'blame-shifting', action: 'fixed' }, 6),
          ...day('2025-06-02', { kind: 'rule', tipId: 'robotic', action: 'shown' }, 2),
          ...day('2025-06-03', { kind: 'reminder', tipId: 'follow-up-time', action: 'shown' }, 7),
          ...day('2025-05-31', { action: 'shown' }, 100),
        ],
        0,
        db,
      ),
    );
    return db;
  }
  const JUNE_1_TO_3 = { from: '2025-06-01', to: '2025-06-03' };

  it('counts shown and used (inserted + copied) per tip, with the use rate', async () => {
    const agg = must(await aggregateUsage(JUNE_1_TO_3, await seeded()));
    expect(agg.tips.find((t) => t.tipId === 'own-the-delay')).toMatchObject({
      kind: 'suggestion',
      shown: 15,
      used: 5,
      useRate: 5 / 15,
      counts: { shown: 15, inserted: 4, copied: 1, dismissed: 2, fixed: 0 },
    });
  });

  it('counts fired (shown) and fixed per rule, with the fix rate', async () => {
    const agg = must(await aggregateUsage(JUNE_1_TO_3, await seeded()));
    expect(agg.rules).toEqual([
      expect.objectContaining({ ruleId: 'blame-shifting', fired: 8, fixed: 6, fixRate: 0.75 }),
      expect.objectContaining({ ruleId: 'robotic', fired: 2, fixed: 0, fixRate: 0 }),
    ]);
  });

  it('lists reminders with the tips, most shown first', async () => {
    const agg = must(await aggregateUsage(JUNE_1_TO_3, await seeded()));
    expect(agg.tips.map((t) => [t.kind, t.tipId])).toEqual([
      ['suggestion', 'own-the-delay'],
      ['reminder', 'follow-up-time'],
      ['suggestion', 'name-a-time'],
    ]);
  });

  it('includes both end days and nothing outside them', async () => {
    const db = await seeded();
    expect(must(await aggregateUsage({ from: '2025-06-03', to: '2025-06-03' }, db)).events).toBe(7);
    expect(must(await aggregateUsage({ from: '2025-05-31', to: '2025-05-31' }, db)).events).toBe(100);
    expect(must(await aggregateUsage(JUNE_1_TO_3, db)).events).toBe(49);
  });

  it('can be limited to one site', async () => {
    const agg = must(await aggregateUsage({ ...JUNE_1_TO_3, site: 'zendesk' }, await seeded()));
    expect(agg.tips).toEqual([expect.objectContaining({ tipId: 'own-the-delay', shown: 5, used: 1 })]);
    expect(agg.rules).toEqual([]);
  });

  it('counts every day of a range many pages long, on both sides of each page boundary', async () => {
    const db = freshDb();
    const first = '2024-01-01';
    const days = [first, addDays(first, PAGE_DAYS - 1), addDays(first, PAGE_DAYS), addDays(first, 3 * PAGE_DAYS), '2025-12-31'];
    must(await recordUsageBatch(days.map((d) => ev({ at: at(d) })), 0, db));
    expect(must(await aggregateUsage({ from: first, to: '2025-12-31' }, db)).events).toBe(5);
  });

  it('gives a null rate for a tip used but never shown in the range', async () => {
    const db = freshDb();
    must(await recordUsage(ev({ action: 'copied' }), 0, db));
    const agg = must(await aggregateUsage({ from: '2025-06-01', to: '2025-06-01' }, db));
    expect(agg.tips[0]).toMatchObject({ shown: 0, used: 1, useRate: null });
  });

  it('matches a count over the raw events', async () => {
    const db = await seeded();
    const events = await db.usage.where('day').between('2025-06-01', '2025-06-03', true, true).toArray();
    const agg = must(await aggregateUsage(JUNE_1_TO_3, db));
    const fromEvents = events.filter((e) => e.kind === 'rule' && e.tipId === 'blame-shifting' && e.action === 'fixed').length;
    expect(agg.events).toBe(events.length);
    expect(agg.rules[0]!.fixed).toBe(fromEvents);
  });

  it.each([
    ['a start after the end', { from: '2025-06-03', to: '2025-06-01' }, /start date is after the end date/],
    ['a date that does not exist', { from: '2025-02-30', to: '2025-03-01' }, /Pick a start and an end date/],
    ['an unknown site', { from: '2025-06-01', to: '2025-06-01', site: 'outlook' }, /isn't gmail or zendesk/],
  ])('refuses %s', async (_, range, message) => {
    const r = await aggregateUsage(range as never, freshDb());
    expect(!r.ok && r.error.message).toMatch(message);
  });
});

describe('pages (how a long range is read)', () => {
  it.each([
    ['one day', '2025-06-01', '2025-06-01', [['2025-06-01', '2025-06-01']]],
    ['exactly one page', '2025-01-01', addDays('2025-01-01', PAGE_DAYS - 1), [['2025-01-01', addDays('2025-01-01', PAGE_DAYS - 1)]]],
    [
      'one page and a day',
      '2025-01-01',
      addDays('2025-01-01', PAGE_DAYS),
      [
        ['2025-01-01', addDays('2025-01-01', PAGE_DAYS - 1)],
        [addDays('2025-01-01', PAGE_DAYS), addDays('2025-01-01', PAGE_DAYS)],
      ],
    ],
  ])('%s', (_, from, to, expected) => {
    expect(pages({ from, to }).map((p) => [p.from, p.to])).toEqual(expected);
  });

  it('covers a year without gaps or overlaps', () => {
    const ps = pages({ from: '2025-01-01', to: '2025-12-31' });
    ps.slice(1).forEach((p, i) => expect(p.from).toBe(addDays(ps[i]!.to, 1)));
    expect([ps[0]!.from, ps.at(-1)!.to]).toEqual(['2025-01-01', '2025-12-31']);
  });
});
