// The team lead merges reps' exports: checked row by row, never counted twice, all or nothing.
import { afterEach, describe, expect, it } from 'vitest';
import {
  aggregateTeam,
  CSV_COLUMNS,
  exportUsageCsv,
  exportUsageJson,
  importTeamFiles,
  listImports,
  recordUsageBatch,
  updateSettings,
  type DefuseDB,
  type FileReport,
  type UsageInput,
} from '@/lib/storage';
import { LIMITS } from '@/lib/storage/teamFiles';
import { at, freshDb, must } from './helpers';

const RANGE = { from: '2025-06-01', to: '2025-06-30' };
const ev = (day: string, over: Partial<UsageInput> = {}): UsageInput => ({ kind: 'suggestion', tipId: 'own-the-delay', action: 'shown', site: 'gmail', at: at(day), ...over });
const times = (n: number, e: UsageInput) => Array.from({ length: n }, () => e);

/** A rep's database with some usage, and their exports of June. */
async function rep(label: string, events: UsageInput[]) {
  const db = freshDb();
  must(await updateSettings({ repLabel: label }, db));
  must(await recordUsageBatch(events, 0, db));
  return {
    db,
    csv: async (range = RANGE) => ({ name: `${label}.csv`, text: must(await exportUsageCsv(range, db)).text }),
    json: async (range = RANGE) => ({ name: `${label}.json`, text: must(await exportUsageJson(range, 0, db)).text }),
  };
}

const ID = 'r-0123456789abcdef';
const HEADER = CSV_COLUMNS.join(',');
const csv = (...lines: string[]) => ({ name: 'hand-made.csv', text: [HEADER, ...lines].join('\r\n') + '\r\n' });
const GOOD_LINE = `${ID},Bo,2025-06-01,gmail,rule,blame-shifting,shown,3`;

async function teamRows(db: DefuseDB) {
  return { days: await db.teamDays.count(), imports: await db.imports.count() };
}

describe('importing reps\' exports', () => {
  it('merges a CSV and a JSON export into the team figures', async () => {
    const ana = await rep('Ana', [...times(4, ev('2025-06-01')), ...times(2, ev('2025-06-01', { action: 'inserted' }))]);
    const bo = await rep('Bo', [...times(6, ev('2025-06-02')), ev('2025-06-03', { kind: 'rule', tipId: 'robotic', site: 'zendesk' })]);
    const lead = freshDb();
    const report = must(await importTeamFiles([await ana.csv(), await bo.json()], 0, lead));
    expect(report.files.map((f) => [f.name, f.status, f.rows, f.reps])).toEqual([
      ['Ana.csv', 'imported', 2, ['Ana']],
      ['Bo.json', 'imported', 2, ['Bo']],
    ]);
    const team = must(await aggregateTeam(RANGE, lead));
    expect(team.overall.tips).toEqual([expect.objectContaining({ tipId: 'own-the-delay', shown: 10, used: 2 })]);
    expect(team.overall.rules).toEqual([expect.objectContaining({ ruleId: 'robotic', fired: 1 })]);
    expect(team.reps.map((r) => [r.rep, r.aggregate.events])).toEqual([
      ['Ana', 6],
      ['Bo', 7],
    ]);
  });

  it('skips a file imported before, saying when', async () => {
    const ana = await rep('Ana', times(4, ev('2025-06-01')));
    const lead = freshDb();
    must(await importTeamFiles([await ana.csv()], at('2025-07-01'), lead));
    const again = must(await importTeamFiles([{ ...(await ana.csv()), name: 'renamed.csv' }], at('2025-07-02'), lead));
    expect(again.files[0]).toMatchObject({ status: 'skipped' });
    expect(again.files[0]!.messages[0]).toBe('renamed.csv was already imported on 2025-07-01 (as "Ana.csv"): skipped, so nothing is counted twice.');
    expect(must(await aggregateTeam(RANGE, lead)).overall.events).toBe(4);
  });

  it('skips the second of two identical files in one import', async () => {
    const ana = await rep('Ana', times(4, ev('2025-06-01')));
    const file = await ana.csv();
    const report = must(await importTeamFiles([file, { ...file, name: 'copy.csv' }], 0, freshDb()));
    expect(report.files[1]).toMatchObject({ status: 'skipped', messages: ['copy.csv has the same content as Ana.csv in this import: skipped.'] });
  });

  it('replaces, rather than adds, the counts a newer export of the same rep repeats', async () => {
    const ana = await rep('Ana', times(4, ev('2025-06-01')));
    const lead = freshDb();
    must(await importTeamFiles([await ana.csv()], 0, lead));
    must(await recordUsageBatch([ev('2025-06-01'), ev('2025-06-02')], 0, ana.db));
    must(await importTeamFiles([await ana.json()], 0, lead));
    expect(must(await aggregateTeam(RANGE, lead)).overall.tips[0]!.shown).toBe(6);
  });

  it('an older export imported after a newer one lowers nothing (files picked out of order)', async () => {
    const ana = await rep('Ana', times(4, ev('2025-06-01')));
    const older = await ana.csv(); // exported mid-day
    must(await recordUsageBatch(times(2, ev('2025-06-01')), 0, ana.db));
    const newer = { ...(await ana.csv()), name: 'Ana (1).csv' };
    const lead = freshDb();
    must(await importTeamFiles([newer, older], 0, lead));
    expect(must(await aggregateTeam(RANGE, lead)).overall.tips[0]!.shown).toBe(6);
    const later = freshDb();
    must(await importTeamFiles([newer], 0, later));
    must(await importTeamFiles([older], 1, later));
    expect(must(await aggregateTeam(RANGE, later)).overall.tips[0]!.shown).toBe(6);
  });

  it('keeps two reps with the same label apart (by their rep id)', async () => {
    const a = await rep('Sam', times(2, ev('2025-06-01')));
    const b = await rep('Sam', times(3, ev('2025-06-01')));
    const lead = freshDb();
    must(await importTeamFiles([await a.csv(), await b.csv()], 0, lead));
    const team = must(await aggregateTeam(RANGE, lead));
    expect(team.overall.events).toBe(5);
    expect(team.reps).toHaveLength(2);
  });

  it('takes rep labels in other scripts, from CSV and JSON alike', async () => {
    const anu = await rep('अनु', [ev('2025-06-01')]);
    const somchai = await rep('สมชาย', [ev('2025-06-02')]);
    const lead = freshDb();
    const report = must(await importTeamFiles([await anu.csv(), await somchai.json()], 0, lead));
    expect(report.files.map((f) => [f.status, f.reps])).toEqual([
      ['imported', ['अनु']],
      ['imported', ['สมชาย']],
    ]);
  });

  it('reads a CSV saved with a byte-order mark', async () => {
    const file = csv(GOOD_LINE);
    const report = must(await importTeamFiles([{ ...file, text: '\uFEFF' + file.text }], 0, freshDb()));
    expect(report.files[0]!.status).toBe('imported');
  });

  it('lists imported files, newest first', async () => {
    const lead = freshDb();
    must(await importTeamFiles([csv(GOOD_LINE)], 1, lead));
    must(await importTeamFiles([{ name: 'second.csv', text: csv(GOOD_LINE.replace(',3', ',4')).text }], 2, lead));
    expect(must(await listImports(lead)).map((i) => i.name)).toEqual(['second.csv', 'hand-made.csv']);
  });
});

describe('files refused whole (nothing from them is stored)', () => {
  const goodJson = {
    format: 'defuse-usage',
    version: 1,
    exportedAt: '2025-07-01T00:00:00.000Z',
    rep: 'Bo',
    repId: ID,
    range: RANGE,
    aggregates: [{ day: '2025-06-01', site: 'gmail', kind: 'rule', tipId: 'robotic', action: 'shown', count: 2 }],
  };
  const json = (o: object) => JSON.stringify(o, null, 2);
  const good = csv(GOOD_LINE, GOOD_LINE.replace('2025-06-01', '2025-06-02')).text;

  const cases: [string, string, RegExp][] = [
    ['malformed JSON', '{"format": "defuse-usage", version: 1}', /isn't valid JSON \(line 1\)/],
    ['truncated JSON', json(goodJson).slice(0, 120), /ends too early: the file looks cut off \(truncated\)/],
    ['a JSON file of another program', json({ format: 'something-else', version: 1 }), /isn't a Defuse usage export/],
    ['a newer format version', json({ ...goodJson, version: 2 }), /was made by a newer Defuse \(format version 2/],
    ['a missing format version', json({ ...goodJson, version: undefined }), /has format version/],
    ['a JSON export whose rep label is an email address', json({ ...goodJson, rep: 'bo@example.com' }), /names its rep wrongly/],
    ['truncated CSV (last line cut short)', good.slice(0, good.length - 12), /line 3 has 6 of 8 columns: the file looks cut off \(truncated\)/],
    ['CSV with an unterminated quote', `${HEADER}\r\n${ID},"Bo,2025-06-01,gmail,rule,robotic,shown,1\r\n`, /line 2: a quoted cell never ends, so the file looks cut off/],
    ['CSV with a short line in the middle', csv('a,b,c', GOOD_LINE).text, /line 2 has 3 columns but the header has 8/],
    ['CSV with another header', 'name,email,message\r\nMaria,maria@example.com,hello\r\n', /isn't a Defuse usage CSV: its first line should be "rep_id,rep,day/],
    ['CSV saved with semicolons', HEADER.replace(/,/g, ';') + '\r\n', /isn't a Defuse usage CSV/],
    ['an empty file', '  \r\n', /is empty/],
    ['a file whose every row is bad', csv(GOOD_LINE.replace('blame-shifting', 'Blame Shifting')).text, /has no usable rows/],
    ['an export of days without tip usage (CSV)', csv().text, /^team\.file has no rows: the rep's export covers days with no tip usage, so there is nothing to add\.$/],
    ['an export of days without tip usage (JSON)', json({ ...goodJson, aggregates: [] }), /has no rows: the rep's export covers days with no tip usage/],
    ['a JSON list instead of an export', JSON.stringify([goodJson.aggregates[0]]), /isn't a Defuse usage export \(its "format" isn't "defuse-usage"\)/],
    [
      "a rep's notes backup picked by mistake",
      json({ format: 'defuse-backup', version: 1, notes: [{ text: 'Customer maria@example.com' }], followUps: [] }),
      /^team\.file is a backup of notes and follow-ups, not a usage export: restore it under "Backup and restore"\.$/,
    ],
    ['a CSV a spreadsheet saved in another encoding', csv(`${ID},Jos\uFFFD,2025-06-01,gmail,rule,robotic,shown,1`).text, /isn't saved as UTF-8 text, so some letters can't be read/],
    ['a CSV with a column twice', `${HEADER},count\r\n${GOOD_LINE},99\r\n`, /has the column count twice, so it can't tell which to read/],
  ];

  it.each(cases)('%s', async (_, text, message) => {
    const lead = freshDb();
    const report = must(await importTeamFiles([{ name: 'team.file', text }], 0, lead));
    expect(report.files[0]!.status).toBe('rejected');
    expect(report.files[0]!.messages[0]).toMatch(message);
    expect(await teamRows(lead)).toEqual({ days: 0, imports: 0 });
  });

  describe('a file over the size limit', () => {
    const saved = LIMITS.fileChars;
    afterEach(() => void (LIMITS.fileChars = saved));
    it('is refused with its size', async () => {
      LIMITS.fileChars = 1_000_000;
      const report = must(await importTeamFiles([{ name: 'huge.csv', text: 'x'.repeat(3_000_000) }], 0, freshDb()));
      expect(report.files[0]!.messages[0]).toBe('huge.csv is 3 MB; team files are at most 1 MB.');
    });
  });

  it('a file named .json is read as JSON, whatever it starts with', async () => {
    const report = must(await importTeamFiles([{ name: 'ana.json', text: 'null' }], 0, freshDb()));
    expect(report.files[0]!.messages[0]).toBe('ana.json isn\'t a Defuse usage export (its "format" isn\'t "defuse-usage").');
  });

  it('a file that could not be read is rejected on its own, in words', async () => {
    const lead = freshDb();
    const report = must(await importTeamFiles([{ name: 'moved.csv', text: null }, csv(GOOD_LINE)], 0, lead));
    expect(report.files.map((f) => f.status)).toEqual(['rejected', 'imported']);
    expect(report.files[0]!.messages[0]).toBe('moved.csv could not be read: it may have been moved, renamed or still be downloading. Pick it again.');
  });

  it('a file too big to have been read is refused by its size', async () => {
    const report = must(await importTeamFiles([{ name: 'holiday.mp4', text: null, size: 730_000_000 }], 0, freshDb()));
    expect(report.files[0]!.messages[0]).toBe('holiday.mp4 is 730 MB; team files are at most 50 MB.');
  });

  it('does not stop the other files of the same import', async () => {
    const lead = freshDb();
    const report = must(await importTeamFiles([{ name: 'bad.json', text: '{' }, csv(GOOD_LINE)], 0, lead));
    expect(report.files.map((f) => f.status)).toEqual(['rejected', 'imported']);
  });
});

describe('hostile or damaged rows are skipped, naming the line and why', () => {
  const line = (cells: Partial<Record<(typeof CSV_COLUMNS)[number], string>>) => {
    const row = { rep_id: ID, rep: 'Bo', day: '2025-06-01', site: 'gmail', kind: 'rule', tip_id: 'robotic', action: 'shown', count: '1', ...cells };
    return CSV_COLUMNS.map((c) => (/[",\r\n]/.test(row[c]) ? `"${row[c].replace(/"/g, '""')}"` : row[c])).join(',');
  };
  const cases: [string, string, RegExp][] = [
    ['a formula in the tip id', line({ tip_id: '=HYPERLINK("http://evil.example","Click")' }), /line 3: tip id "=HYPERLINK\("http:\/\/evil\.…" looks like a spreadsheet formula: skipped\./],
    ['a formula in the rep label', line({ rep: '@SUM(1+1)*cmd|/C calc' }), /line 3: rep "@SUM.*" looks like a spreadsheet formula/],
    ['a leading tab in the count', line({ count: '\t5' }), /line 3: count .* looks like a spreadsheet formula/],
    ['a 100,000-character cell', line({ tip_id: 'a'.repeat(100_000) }), /line 3: tip id is 100,000 characters long \(at most 200\): skipped\./],
    ['customer text in the tip id', line({ tip_id: 'I want my money back' }), /line 3: tip id "I want my money back" isn't a Defuse id/],
    ['an email address as the rep label', line({ rep: 'bo@example.com' }), /line 3: rep "bo@example.com" isn't a valid label/],
    ['a rep id that is not ours', line({ rep_id: 'bob' }), /line 3: rep id "bob" isn't a Defuse rep id/],
    ['a day that does not exist', line({ day: '2025-02-30' }), /^line 3: day "2025-02-30" isn't a date written YYYY-MM-DD: skipped\.$/],
    ['a day a spreadsheet rewrote', line({ day: '6/1/2025' }), /^line 3: day "6\/1\/2025" isn't a date written YYYY-MM-DD \(a spreadsheet may have changed it on saving: import the file as Defuse exported it\): skipped\.$/],
    ['a day with a time added', line({ day: '2025-06-01 00:00:00' }), /isn't a date written YYYY-MM-DD \(a spreadsheet may have changed it/],
    ['an unknown site', line({ site: 'outlook' }), /line 3: site "outlook" isn't gmail or zendesk/],
    ['an unknown action', line({ action: 'liked' }), /line 3: action "liked"/],
    ['a negative count', line({ count: '-4' }), /line 3: count "-4" looks like a spreadsheet formula/],
    ['a fractional count', line({ count: '2.5' }), /line 3: count "2.5" isn't a whole number/],
    ['an absurd count', line({ count: '99999999999' }), /line 3: count "99999999999" isn't a whole number from 1 to 10,000,000/],
    ['an empty day', line({ day: '' }), /^line 3: day is empty: skipped\.$/],
  ];

  it.each(cases)('%s', async (_, bad, message) => {
    const lead = freshDb();
    const report = must(await importTeamFiles([csv(GOOD_LINE, bad, GOOD_LINE.replace('2025-06-01', '2025-06-03'))], 0, lead));
    const file = report.files[0] as FileReport;
    expect(file).toMatchObject({ status: 'imported', rows: 2 });
    expect(file.messages[1]).toMatch(message);
    expect(must(await aggregateTeam(RANGE, lead)).overall.events).toBe(6);
  });

  it('counts lines across blank lines and multi-line quoted cells', async () => {
    const report = must(await importTeamFiles([csv(GOOD_LINE, '', line({ rep: 'two\nlines' }), line({ tip_id: 'Bad' }))], 0, freshDb()));
    expect(report.files[0]!.messages.slice(1)).toEqual([
      expect.stringMatching(/^line 4: rep "two lines" isn't a valid label/),
      expect.stringMatching(/^line 6: tip id "Bad"/),
    ]);
  });

  it('skips a row repeating an earlier one (two exports pasted together)', async () => {
    const report = must(await importTeamFiles([csv(GOOD_LINE, GOOD_LINE.replace(',3', ',5'))], 0, freshDb()));
    expect(report.files[0]!.messages[1]).toBe('line 3 repeats line 2 (same rep, day, site, tip and action): skipped.');
  });

  it('ignores extra columns, saying so, and never stores them', async () => {
    const text = `${HEADER},notes\r\n${GOOD_LINE},"Customer maria@example.com was furious"\r\n`;
    const lead = freshDb();
    const report = must(await importTeamFiles([{ name: 'extra.csv', text }], 0, lead));
    expect(report.files[0]!.messages[1]).toBe('Ignored column "notes": Defuse imports ids and counts only.');
    expect(JSON.stringify(await lead.teamDays.toArray())).not.toMatch(/maria|furious/);
  });

  it('skips a JSON entry carrying an unexpected field, naming its line', async () => {
    const ana = await rep('Ana', [ev('2025-06-01'), ev('2025-06-02')]);
    const file = await ana.json();
    const hostile = file.text.replace('"count":1}', '"count":1,"text":"Customer said: I will sue"}');
    const report = must(await importTeamFiles([{ name: 'ana.json', text: hostile }], 0, freshDb()));
    expect(report.files[0]!.rows).toBe(1);
    expect(report.files[0]!.messages[1]).toBe('line 12: unexpected field "text" (usage rows hold ids and counts only): skipped.');
  });

  it('names a field missing from a JSON entry', async () => {
    const ana = await rep('Ana', [ev('2025-06-01'), ev('2025-06-02')]);
    const file = await ana.json();
    const damaged = file.text.replace('"day":"2025-06-02",', '');
    const report = must(await importTeamFiles([{ name: 'ana.json', text: damaged }], 0, freshDb()));
    expect(report.files[0]!.messages[1]).toBe('line 13: day is missing: skipped.');
  });

  it('lists at most 20 row problems and summarises the rest', async () => {
    const bad = Array.from({ length: 25 }, (_, i) => line({ tip_id: `Bad${i}` }));
    const report = must(await importTeamFiles([csv(GOOD_LINE, ...bad)], 0, freshDb()));
    const messages = report.files[0]!.messages;
    expect(messages).toHaveLength(1 + 20 + 1);
    expect(messages.at(-1)).toBe('…and 5 more skipped rows.');
  });
});

describe('a crash part-way through an import', () => {
  it('leaves the team view exactly as it was', async () => {
    const lead = freshDb();
    must(await importTeamFiles([csv(GOOD_LINE)], 0, lead));
    const before = { days: await lead.teamDays.toArray(), imports: await lead.imports.toArray() };

    let puts = 0;
    const realPut = lead.imports.put.bind(lead.imports);
    lead.imports.put = ((...args: Parameters<typeof realPut>) => {
      if (++puts === 2) throw new Error('disk unplugged');
      return realPut(...args);
    }) as typeof realPut;
    const files = [
      { name: 'b.csv', text: csv(GOOD_LINE.replace('2025-06-01', '2025-06-05')).text },
      { name: 'c.csv', text: csv(GOOD_LINE.replace(',3', ',9')).text },
    ];
    const r = await importTeamFiles(files, 0, lead);

    expect(r).toMatchObject({ ok: false, pending: files });
    expect({ days: await lead.teamDays.toArray(), imports: await lead.imports.toArray() }).toEqual(before);
  });
});
