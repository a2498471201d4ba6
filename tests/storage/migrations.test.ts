// Opening a database written by each earlier release: the upgrade transforms every row and loses none.
import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION, DefuseDB, aggregateUsage, getNote, getSettings, listFollowUps, recordUsage } from '@/lib/storage';
import { VERSIONS } from '@/lib/storage/schema';
import { at, GMAIL_URL, must, ZENDESK_URL } from './helpers';

/** Writes, through a database declared only up to `version`, rows shaped the way that release wrote them. */
async function writeAtVersion(name: string, version: number): Promise<void> {
  const old = new DefuseDB(name, { upToVersion: version });
  const v1 = version === 1;
  await old.table('notes').bulkAdd([
    { site: 'gmail', conversationId: 't-1', subject: 'Refund', ...(v1 ? { body: 'Called twice' } : { text: 'Called twice' }), createdAt: 1, updatedAt: 2 },
    { site: 'zendesk', conversationId: '4821', subject: 'Router', ...(v1 ? { body: 'Promised Friday' } : { text: 'Promised Friday' }), createdAt: 3, updatedAt: 4 },
  ]);
  const due = at('2025-06-02', 9);
  await old.table('followUps').bulkAdd(
    v1
      ? [
          { site: 'gmail', conversationId: 't-1', subject: 'Refund', url: GMAIL_URL, dueAt: due, done: false, createdAt: 10 },
          { site: 'zendesk', conversationId: '4821', subject: 'Router', url: ZENDESK_URL, dueAt: due, done: true, createdAt: 11 },
        ]
      : [
          { site: 'gmail', conversationId: 't-1', subject: 'Refund', url: GMAIL_URL, dueAt: due, status: 'open', createdAt: 10, updatedAt: 10 },
          { site: 'zendesk', conversationId: '4821', subject: 'Router', url: ZENDESK_URL, dueAt: due, status: 'done', doneAt: 12, createdAt: 11, updatedAt: 12 },
        ],
  );
  const events = [
    { kind: 'suggestion', tipId: 'own-the-delay', action: 'shown', site: 'gmail', at: at('2025-06-01', 10), rep: 'Ana' },
    { kind: 'suggestion', tipId: 'own-the-delay', action: 'inserted', site: 'gmail', at: at('2025-06-01', 10, 1), rep: 'Ana' },
    { kind: 'rule', tipId: 'blame-shifting', action: 'shown', site: 'zendesk', at: at('2025-06-02', 15), rep: 'Ana' },
  ];
  if (v1) await old.table('usage').bulkAdd(events);
  else {
    await old.table('usage').bulkAdd(events.map((e) => ({ ...e, day: e.at === events[2]!.at ? '2025-06-02' : '2025-06-01' })));
    await old.table('usageDays').bulkAdd([
      { day: '2025-06-01', site: 'gmail', counts: { 'suggestion:own-the-delay:shown': 1, 'suggestion:own-the-delay:inserted': 1 } },
      { day: '2025-06-02', site: 'zendesk', counts: { 'rule:blame-shifting:shown': 1 } },
    ]);
  }
  await old.table('settings').put(
    v1
      ? { key: 'settings', repLabel: 'Ana', sites: ['zendesk'], sensitivity: 'high', retentionDays: 90 }
      : { key: 'settings', repLabel: 'Ana', sites: { gmail: false, zendesk: true }, sensitivity: 'high', retentionDays: 90, disabledRules: [] },
  );
  old.close();
}

describe('schema versions', () => {
  it('are numbered 1, 2, 3… with a reason each', () => {
    expect(VERSIONS.map((v) => v.version)).toEqual(VERSIONS.map((_, i) => i + 1));
    for (const v of VERSIONS) expect(v.why.length).toBeGreaterThan(10);
  });
});

describe.each(VERSIONS.slice(0, -1).map((v) => v.version))('upgrading a database written at version %i', (version) => {
  async function upgraded() {
    const name = `migrate-v${version}-${crypto.randomUUID()}`;
    await writeAtVersion(name, version);
    const db = new DefuseDB(name);
    await db.open();
    return db;
  }

  it(`opens at version ${CURRENT_VERSION}`, async () => {
    const db = await upgraded();
    expect(Math.floor(db.backendDB().version / 10)).toBe(CURRENT_VERSION);
  });

  it('keeps every note, with its text in `text`', async () => {
    const db = await upgraded();
    expect(await db.notes.count()).toBe(2);
    expect(must(await getNote('gmail', 't-1', db))).toMatchObject({ text: 'Called twice', subject: 'Refund', createdAt: 1, updatedAt: 2 });
    expect(must(await getNote('zendesk', '4821', db))).toMatchObject({ text: 'Promised Friday' });
    expect(await db.notes.filter((n) => 'body' in n).count()).toBe(0);
  });

  it('keeps every follow-up, with open/done as a status', async () => {
    const db = await upgraded();
    const open = must(await listFollowUps(['open'], db));
    const done = must(await listFollowUps(['done'], db));
    expect(open.map((f) => f.conversationId)).toEqual(['t-1']);
    expect(done.map((f) => f.conversationId)).toEqual(['4821']);
    expect(done[0]!.doneAt).toEqual(expect.any(Number));
    expect(await db.followUps.filter((f) => 'done' in f).count()).toBe(0);
  });

  it('keeps every usage event, each with its local day', async () => {
    const db = await upgraded();
    const events = await db.usage.toArray();
    expect(events).toHaveLength(3);
    expect(events.map((e) => e.day)).toEqual(['2025-06-01', '2025-06-01', '2025-06-02']);
  });

  it('counts the old events in the dashboard figures', async () => {
    const db = await upgraded();
    const agg = must(await aggregateUsage({ from: '2025-06-01', to: '2025-06-02' }, db));
    expect(agg.events).toBe(3);
    expect(agg.tips).toEqual([expect.objectContaining({ tipId: 'own-the-delay', shown: 1, used: 1 })]);
    expect(agg.rules).toEqual([expect.objectContaining({ ruleId: 'blame-shifting', fired: 1 })]);
  });

  it('keeps the settings, with sites as on/off flags', async () => {
    const db = await upgraded();
    expect(must(await getSettings(db))).toMatchObject({
      repLabel: 'Ana',
      sites: { gmail: false, zendesk: true },
      sensitivity: 'high',
      retentionDays: 90,
      disabledRules: [],
    });
  });

  it('accepts new writes after the upgrade', async () => {
    const db = await upgraded();
    must(await recordUsage({ kind: 'rule', tipId: 'blame-shifting', action: 'fixed', site: 'zendesk', at: at('2025-06-02', 16) }, undefined, db));
    const agg = must(await aggregateUsage({ from: '2025-06-02', to: '2025-06-02' }, db));
    expect(agg.rules[0]).toMatchObject({ fired: 1, fixed: 1 });
  });
});
