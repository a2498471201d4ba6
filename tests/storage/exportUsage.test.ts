// Usage exports: one row per day × site × tip × action with a count; no text, nothing a spreadsheet would run.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, exportUsageCsv, exportUsageJson, getSettings, recordUsageBatch, updateSettings, type UsageInput } from '@/lib/storage';
import { at, freshDb, must } from './helpers';

const ev = (day: string, over: Partial<UsageInput> = {}): UsageInput => ({ kind: 'suggestion', tipId: 'own-the-delay', action: 'shown', site: 'gmail', at: at(day), ...over });

async function seeded() {
  const db = freshDb();
  must(await updateSettings({ repLabel: 'Ana' }, db));
  must(
    await recordUsageBatch(
      [
        ev('2025-06-01'),
        ev('2025-06-01'),
        ev('2025-06-01', { action: 'inserted' }),
        ev('2025-06-02', { kind: 'rule', tipId: 'blame-shifting', site: 'zendesk' }),
        ev('2025-06-09'),
      ],
      0,
      db,
    ),
  );
  return db;
}
const RANGE = { from: '2025-06-01', to: '2025-06-02' };

describe('exportUsageCsv', () => {
  it('starts with the header row', async () => {
    const { text } = must(await exportUsageCsv(RANGE, await seeded()));
    expect(text.split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
  });

  it('writes one row per day, site, tip and action, with its count', async () => {
    const db = await seeded();
    const { repId } = must(await getSettings(db));
    const { text, rows } = must(await exportUsageCsv(RANGE, db));
    const parsed = Papa.parse<string[]>(text.trimEnd()).data;
    expect(rows).toBe(3);
    expect(parsed.slice(1)).toEqual([
      [repId, 'Ana', '2025-06-01', 'gmail', 'suggestion', 'own-the-delay', 'inserted', '1'],
      [repId, 'Ana', '2025-06-01', 'gmail', 'suggestion', 'own-the-delay', 'shown', '2'],
      [repId, 'Ana', '2025-06-02', 'zendesk', 'rule', 'blame-shifting', 'shown', '1'],
    ]);
  });

  it('ends every record with CRLF (RFC 4180)', async () => {
    const { text } = must(await exportUsageCsv(RANGE, await seeded()));
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('exports one site only when asked', async () => {
    const { text } = must(await exportUsageCsv({ ...RANGE, site: 'zendesk' }, await seeded()));
    expect(text.trimEnd().split('\r\n')).toHaveLength(2);
  });

  it('exports just the header for a range without usage', async () => {
    const { text, rows } = must(await exportUsageCsv({ from: '2024-01-01', to: '2024-01-31' }, await seeded()));
    expect(rows).toBe(0);
    expect(text).toBe(CSV_COLUMNS.join(',') + '\r\n');
  });

  it('names the file after the rep and the range', async () => {
    expect(must(await exportUsageCsv(RANGE, await seeded())).filename).toBe('defuse-usage-ana-2025-06-01_2025-06-02.csv');
  });

  // Labels are checked when set, so these can only come from a tampered database: the export still defuses them.
  it.each([
    ['=HYPERLINK("http://evil.example","x")'],
    ['+1+2'],
    ['-2+3'],
    ['@SUM(A1)'],
    ['\tcmd'],
    ['\rcmd'],
    ['=1\n+2'],
  ])('prefixes a cell starting like a formula (%j) with an apostrophe', async (label) => {
    const db = await seeded();
    const settings = must(await getSettings(db));
    await db.settings.put({ ...settings, key: 'settings', repLabel: label });
    const { text } = must(await exportUsageCsv(RANGE, db));
    const rep = Papa.parse<string[]>(text.trimEnd()).data[1]![1];
    expect(rep).toBe(`'${label}`);
  });

  it('quotes a cell holding a comma or a quote, doubling the quote', async () => {
    const db = await seeded();
    const settings = must(await getSettings(db));
    await db.settings.put({ ...settings, key: 'settings', repLabel: 'Ana, "A"' });
    const { text } = must(await exportUsageCsv(RANGE, db));
    expect(text.split('\r\n')[1]).toContain(',"Ana, ""A""",');
  });
});

describe('the rep id in exports', () => {
  it('is the same in every export, even before the settings were ever opened', async () => {
    const db = freshDb();
    must(await recordUsageBatch([ev('2025-06-01')], 0, db)); // the panel records usage; nobody opened the settings yet
    const csvId = (text: string) => Papa.parse<string[]>(text.trimEnd()).data[1]![0];
    const first = csvId(must(await exportUsageCsv(RANGE, db)).text);
    const second = csvId(must(await exportUsageCsv(RANGE, db)).text);
    const json = JSON.parse(must(await exportUsageJson(RANGE, 0, db)).text).repId;
    expect(first).toMatch(/^r-[0-9a-f]{16}$/);
    expect([second, json]).toEqual([first, first]);
    expect(must(await getSettings(db)).repId).toBe(first);
  });
});

describe('exportUsageJson', () => {
  it('is versioned and names the rep', async () => {
    const db = await seeded();
    const { repId } = must(await getSettings(db));
    const file = JSON.parse(must(await exportUsageJson(RANGE, Date.UTC(2025, 5, 10), db)).text);
    expect(file).toMatchObject({ format: 'defuse-usage', version: 1, exportedAt: '2025-06-10T00:00:00.000Z', rep: 'Ana', repId, range: RANGE });
  });

  it('holds the same aggregated rows as the CSV', async () => {
    const db = await seeded();
    const file = JSON.parse(must(await exportUsageJson(RANGE, 0, db)).text);
    expect(file.aggregates).toEqual([
      { day: '2025-06-01', site: 'gmail', kind: 'suggestion', tipId: 'own-the-delay', action: 'inserted', count: 1 },
      { day: '2025-06-01', site: 'gmail', kind: 'suggestion', tipId: 'own-the-delay', action: 'shown', count: 2 },
      { day: '2025-06-02', site: 'zendesk', kind: 'rule', tipId: 'blame-shifting', action: 'shown', count: 1 },
    ]);
  });

  it('is valid JSON for a range without usage', async () => {
    const file = JSON.parse(must(await exportUsageJson({ from: '2024-01-01', to: '2024-01-02' }, 0, await seeded())).text);
    expect(file.aggregates).toEqual([]);
  });

  it('holds no event times, only days', async () => {
    const { text } = must(await exportUsageJson(RANGE, 0, await seeded()));
    expect(text).not.toMatch(/"at"/);
  });
});
