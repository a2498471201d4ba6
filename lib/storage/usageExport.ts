// The rep's usage, exported for the team lead as CSV or JSON.
//
// Decision: files carry one row per day × site × tip × action with a count, not one row per event.
// That holds everything the dashboard shows, keeps a heavy year to a few MB instead of ~1.5 M lines,
// says nothing about individual conversations (no timestamps, no text, no addresses), and makes
// re-imports idempotent: a newer export of the same rep simply replaces the counts it repeats.
import Papa from 'papaparse';
import type { DefuseDB } from './db';
import { invalid, type Result } from './errors';
import { parseCountKey } from './counts';
import { read } from './run';
import { getSettings, settingsIn } from './settings';
import type { DayRange, SiteId, UsageAction, UsageKind } from './types';
import { checkRange, eachUsageDay } from './usage';

export const USAGE_FORMAT = 'defuse-usage';
export const USAGE_VERSION = 1;
/** The CSV header; it doubles as the CSV format's version marker (a change means a new header). */
export const CSV_COLUMNS = ['rep_id', 'rep', 'day', 'site', 'kind', 'tip_id', 'action', 'count'] as const;

export interface UsageRow {
  day: string;
  site: SiteId;
  kind: UsageKind;
  tipId: string;
  action: UsageAction;
  count: number;
}

/** `defuse-usage` version 1. */
export interface UsageFile {
  format: typeof USAGE_FORMAT;
  version: typeof USAGE_VERSION;
  /** ISO 8601. */
  exportedAt: string;
  /** The rep's label, and the random id that keeps two reps with the same label apart. */
  rep: string;
  repId: string;
  range: { from: string; to: string; site?: SiteId };
  aggregates: UsageRow[];
}

export interface ExportedFile {
  filename: string;
  mimeType: string;
  text: string;
  rows: number;
}

/** Cells a spreadsheet would run as a formula. Papaparse's own pattern misses multi-line cells. */
export const FORMULA_START = /^[=+\-@\t\r]/;

async function collect(range: DayRange, db: DefuseDB | undefined) {
  // The rep id must be the stored one: an id made up for this file alone would make the lead count two
  // exports of the same rep as two reps. getSettings stores it the first time.
  const stored = await getSettings(db);
  if (!stored.ok) return stored;
  return read(db, (d) => [d.usageDays, d.settings], async (d) => {
    const settings = await settingsIn(d, false);
    const rows: UsageRow[] = [];
    await eachUsageDay(d, range, (day) => {
      for (const key of Object.keys(day.counts).sort()) {
        const k = parseCountKey(key);
        const count = day.counts[key as keyof typeof day.counts];
        if (k && count) rows.push({ day: day.day, site: day.site, kind: k.kind, tipId: k.tipId, action: k.action, count });
      }
    });
    return { settings, rows };
  }, { what: 'the usage data', op: 'read' });
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'rep';
const fileName = (rep: string, r: DayRange, ext: string) => `defuse-usage-${slug(rep)}-${r.from}_${r.to}${r.site ? '-' + r.site : ''}.${ext}`;

/** RFC 4180 CSV (CRLF, quoted where needed) with a header row; formula-like cells get a leading apostrophe. */
export async function exportUsageCsv(range: DayRange, db?: DefuseDB): Promise<Result<ExportedFile>> {
  const problem = checkRange(range);
  if (problem) return { ok: false, error: invalid(problem) };
  const got = await collect(range, db);
  if (!got.ok) return got;
  const { settings, rows } = got.value;
  const text = Papa.unparse(
    {
      fields: [...CSV_COLUMNS],
      data: rows.map((r) => [settings.repId, settings.repLabel, r.day, r.site, r.kind, r.tipId, r.action, r.count]),
    },
    { newline: '\r\n', escapeFormulae: FORMULA_START, quotes: false },
  );
  return { ok: true, value: { filename: fileName(settings.repLabel, range, 'csv'), mimeType: 'text/csv', text: text.endsWith('\r\n') ? text : text + '\r\n', rows: rows.length } };
}

/** The same rows as versioned JSON (`format: 'defuse-usage', version: 1`). */
export async function exportUsageJson(range: DayRange, now = Date.now(), db?: DefuseDB): Promise<Result<ExportedFile>> {
  const problem = checkRange(range);
  if (problem) return { ok: false, error: invalid(problem) };
  const got = await collect(range, db);
  if (!got.ok) return got;
  const { settings, rows } = got.value;
  const file: UsageFile = {
    format: USAGE_FORMAT,
    version: USAGE_VERSION,
    exportedAt: new Date(now).toISOString(),
    rep: settings.repLabel,
    repId: settings.repId,
    range: { from: range.from, to: range.to, ...(range.site ? { site: range.site } : {}) },
    aggregates: rows,
  };
  // One aggregate per line: readable in a text editor, and diff-friendly.
  const { aggregates, ...head } = file;
  const body = aggregates.map((a) => '    ' + JSON.stringify(a)).join(',\n');
  const text = JSON.stringify(head, null, 2).replace(/\n}$/, `,\n  "aggregates": [${body ? '\n' + body + '\n  ' : ''}]\n}`);
  return { ok: true, value: { filename: fileName(settings.repLabel, range, 'json'), mimeType: 'application/json', text: text + '\n', rows: rows.length } };
}
