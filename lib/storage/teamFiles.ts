// Reading reps' usage exports (CSV or JSON) for the team lead. Nothing here trusts the file: every row
// is checked against the same rules as the rep's own writes, and problems are reported by line.
import Papa from 'papaparse';
import { BACKUP_FORMAT } from './backup';
import { isDay } from './day';
import { CSV_COLUMNS, FORMULA_START, USAGE_FORMAT, USAGE_VERSION, type UsageRow } from './usageExport';
import { isAction, isId, isKind, isRepId, isRepLabel, isSite, plural, preview } from './validate';

export interface TeamFileInput {
  name: string;
  /** The file's text; null when it couldn't be read, or wasn't because of its `size`. */
  text: string | null;
  /** Its size in bytes, when known: a file over the limit is refused without being read. */
  size?: number;
}

/** One row of a rep's export, with who it came from. */
export interface TeamRow extends UsageRow {
  repId: string;
  rep: string;
}

export type ParsedFile =
  | { ok: true; rows: TeamRow[]; messages: string[] }
  /** The whole file is refused; `message` says why (and where, when it can). */
  | { ok: false; message: string; messages: string[] };

export const LIMITS = {
  /** Characters per file: a heavy year of one rep is ≈ 10 MB of CSV. */
  fileChars: 50_000_000,
  /** Characters per cell: the longest legitimate value is a 40-character label. */
  cellChars: 200,
  count: 10_000_000,
  /** Row problems listed per file; the rest are summarised. */
  messages: 20,
};

/** Row problems are listed up to a limit; the report still says how many rows were skipped. */
class Problems {
  list: string[] = [];
  skipped = 0;
  add(message: string) {
    this.skipped++;
    if (this.list.length < LIMITS.messages) this.list.push(message);
  }
  done(): string[] {
    const more = this.skipped - this.list.length;
    return more > 0 ? [...this.list, `…and ${plural(more, 'more skipped row')}.`] : this.list;
  }
}

const FIELD_NAMES: Record<string, string> = { repId: 'rep id', rep: 'rep', tipId: 'tip id' };

/** A day a spreadsheet rewrote on saving ("6/1/2025", "01.06.25", "2025/6/1"): which is month and which is day can't be told. */
const SPREADSHEET_DAY = /^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}([ T].*)?$/;
const rewritten = (day: unknown) => typeof day === 'string' && SPREADSHEET_DAY.test(day.trim()) && !/^\d{4}-\d{2}-\d{2}$/.test(day);
const SPREADSHEET_HINT = ' (a spreadsheet may have changed it on saving: import the file as Defuse exported it)';

/** Checks one row's cells; returns the row, or why it was skipped. */
function checkRow(cells: Record<string, unknown>): TeamRow | string {
  for (const [field, value] of Object.entries(cells)) {
    const name = FIELD_NAMES[field] ?? field;
    if (typeof value === 'string' && value.length > LIMITS.cellChars)
      return `${name} is ${value.length.toLocaleString('en')} characters long (at most ${LIMITS.cellChars})`;
    if (typeof value === 'string' && FORMULA_START.test(value)) return `${name} ${preview(value)} looks like a spreadsheet formula`;
  }
  for (const field of ['repId', 'rep', 'day', 'site', 'kind', 'tipId', 'action', 'count']) {
    const value = cells[field];
    if (value === undefined || value === null || value === '') return `${FIELD_NAMES[field] ?? field} is ${value === '' ? 'empty' : 'missing'}`;
  }
  const { repId, rep, day, site, kind, tipId, action } = cells;
  const count = typeof cells.count === 'string' && /^\d+$/.test(cells.count) ? Number(cells.count) : cells.count;
  if (!isRepId(repId)) return `rep id ${preview(repId)} isn't a Defuse rep id`;
  if (!isRepLabel(rep)) return `rep ${preview(rep)} isn't a valid label (letters, digits, spaces; no email addresses)`;
  if (!isDay(day))
    return `day ${preview(day)} isn't a date written YYYY-MM-DD${rewritten(day) ? SPREADSHEET_HINT : ''}`;
  if (!isSite(site)) return `site ${preview(site)} isn't gmail or zendesk`;
  if (!isKind(kind)) return `kind ${preview(kind)} isn't suggestion, rule or reminder`;
  if (!isId(tipId)) return `tip id ${preview(tipId)} isn't a Defuse id (a-z, 0-9 and dashes)`;
  if (!isAction(action)) return `action ${preview(action)} isn't shown, inserted, copied, dismissed or fixed`;
  if (!(typeof count === 'number' && Number.isInteger(count) && count >= 1 && count <= LIMITS.count))
    return `count ${preview(cells.count)} isn't a whole number from 1 to ${LIMITS.count.toLocaleString('en')}`;
  return { repId, rep, day, site, kind, tipId, action, count };
}

/** Adds a checked row unless it repeats an earlier one (two overlapping exports pasted together). */
function keep(rows: TeamRow[], seen: Map<string, string>, row: TeamRow, where: string, problems: Problems) {
  const key = [row.repId, row.day, row.site, row.kind, row.tipId, row.action].join('|');
  const first = seen.get(key);
  if (first) return problems.add(`${where} repeats ${first} (same rep, day, site, tip and action): skipped.`);
  seen.set(key, where);
  rows.push(row);
}

const lineAt = (text: string, index: number) => {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
};

/** The line on which each entry of the top-level `aggregates` array starts (a small scan, no second parse). */
function entryLines(text: string): number[] {
  const lines: number[] = [];
  const stack: string[] = [];
  let line = 1;
  let inString = false;
  let lastKey = '';
  let arrayIsAggregates = false;
  let stringStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') {
        inString = false;
        if (stack.length === 1) lastKey = text.slice(stringStart + 1, i);
      }
      continue;
    }
    if (c === '\n') line++;
    else if (c === '"') {
      inString = true;
      stringStart = i;
    } else if (c === '{' || c === '[') {
      if (c === '{' && stack.length === 2 && arrayIsAggregates) lines.push(line);
      if (c === '[' && stack.length === 1) arrayIsAggregates = lastKey === 'aggregates';
      stack.push(c);
    } else if (c === '}' || c === ']') stack.pop();
  }
  return lines;
}

function parseJson(text: string): ParsedFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const msg = String((err as Error).message);
    if (/end of (JSON )?input|Unterminated/i.test(msg)) return { ok: false, message: 'ends too early: the file looks cut off (truncated). Export it again.', messages: [] };
    const pos = /position (\d+)/.exec(msg);
    return { ok: false, message: `isn't valid JSON${pos ? ` (line ${lineAt(text, Number(pos[1]))})` : ''}.`, messages: [] };
  }
  const file = data as Record<string, unknown>;
  if (file && typeof file === 'object' && file.format === BACKUP_FORMAT)
    return { ok: false, message: 'is a backup of notes and follow-ups, not a usage export: restore it under "Backup and restore".', messages: [] };
  if (!file || typeof file !== 'object' || Array.isArray(file) || file.format !== USAGE_FORMAT)
    return { ok: false, message: "isn't a Defuse usage export (its \"format\" isn't \"defuse-usage\").", messages: [] };
  if (file.version !== USAGE_VERSION)
    return {
      ok: false,
      message:
        typeof file.version === 'number' && file.version > USAGE_VERSION
          ? `was made by a newer Defuse (format version ${file.version}; this one reads version ${USAGE_VERSION}). Update Defuse, then import it again.`
          : `has format version ${preview(file.version)}; this Defuse reads version ${USAGE_VERSION}.`,
      messages: [],
    };
  if (!Array.isArray(file.aggregates)) return { ok: false, message: 'has no "aggregates" list.', messages: [] };
  const head = checkRow({ repId: file.repId, rep: file.rep, day: '2000-01-01', site: 'gmail', kind: 'rule', tipId: 'x', action: 'shown', count: 1 });
  if (typeof head === 'string') return { ok: false, message: `names its rep wrongly: ${head}.`, messages: [] };

  const lines = entryLines(text);
  const rows: TeamRow[] = [];
  const seen = new Map<string, string>();
  const problems = new Problems();
  const allowed = new Set(['day', 'site', 'kind', 'tipId', 'action', 'count']);
  file.aggregates.forEach((entry: unknown, i: number) => {
    const where = lines[i] !== undefined ? `line ${lines[i]}` : `entry ${i + 1}`;
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return problems.add(`${where}: not an object: skipped.`);
    const extra = Object.keys(entry).find((k) => !allowed.has(k));
    if (extra) return problems.add(`${where}: unexpected field ${preview(extra)} (usage rows hold ids and counts only): skipped.`);
    const row = checkRow({ repId: file.repId, rep: file.rep, ...(entry as object) });
    if (typeof row === 'string') return problems.add(`${where}: ${row}: skipped.`);
    keep(rows, seen, row, where, problems);
  });
  return { ok: true, rows, messages: problems.done() };
}

function parseCsv(text: string): ParsedFile {
  const problems = new Problems();
  const rows: TeamRow[] = [];
  const seen = new Map<string, string>();
  let header: string[] | null = null;
  let fatal = null as string | null;
  let cursor = 0;
  let line = 1;
  const pending: { cells: string[]; line: number }[] = [];

  Papa.parse<string[]>(text, {
    delimiter: ',',
    skipEmptyLines: 'greedy',
    step: (result, parser) => {
      // The row starts after the previous one ended (plus any blank lines): count lines up to there.
      let start = cursor;
      while (start < text.length && (text[start] === '\r' || text[start] === '\n')) start++;
      line += countNewlines(text, cursor, start);
      const rowLine = line;
      line += countNewlines(text, start, result.meta.cursor);
      cursor = result.meta.cursor;
      const quoteError = result.errors.find((e) => e.code === 'MissingQuotes' || e.code === 'InvalidQuotes');
      if (quoteError) {
        fatal = `line ${rowLine}: a quoted cell never ends${result.meta.cursor >= text.length ? ', so the file looks cut off (truncated)' : ''}.`;
        return parser.abort();
      }
      pending.push({ cells: result.data, line: rowLine });
    },
  });
  if (fatal) return { ok: false, message: fatal, messages: [] };

  for (const [i, { cells, line: rowLine }] of pending.entries()) {
    if (!header) {
      header = cells.map((c) => c.trim());
      const missing = CSV_COLUMNS.filter((c) => !header!.includes(c));
      if (missing.length)
        return { ok: false, message: `isn't a Defuse usage CSV: its first line should be "${CSV_COLUMNS.join(',')}" (missing ${missing.join(', ')}).`, messages: [] };
      const twice = CSV_COLUMNS.filter((c) => header!.indexOf(c) !== header!.lastIndexOf(c));
      if (twice.length)
        return { ok: false, message: `has the column${twice.length > 1 ? 's' : ''} ${twice.join(', ')} twice, so it can't tell which to read.`, messages: [] };
      const extra = header.filter((c) => !(CSV_COLUMNS as readonly string[]).includes(c));
      if (extra.length) problems.list.push(`Ignored column${extra.length > 1 ? 's' : ''} ${extra.map((e) => preview(e)).join(', ')}: Defuse imports ids and counts only.`);
      continue;
    }
    if (cells.length !== header.length) {
      const last = i === pending.length - 1;
      return {
        ok: false,
        message: last
          ? `line ${rowLine} has ${cells.length} of ${header.length} columns: the file looks cut off (truncated). Export it again.`
          : `line ${rowLine} has ${cells.length} columns but the header has ${header.length}, so the columns can't be trusted.`,
        messages: [],
      };
    }
    const get = (col: string) => cells[header!.indexOf(col)];
    const row = checkRow({
      repId: get('rep_id'),
      rep: get('rep'),
      day: get('day'),
      site: get('site'),
      kind: get('kind'),
      tipId: get('tip_id'),
      action: get('action'),
      count: get('count'),
    });
    if (typeof row === 'string') problems.add(`line ${rowLine}: ${row}: skipped.`);
    else keep(rows, seen, row, `line ${rowLine}`, problems);
  }
  if (!header) return { ok: false, message: 'is empty.', messages: [] };
  return { ok: true, rows, messages: problems.done() };
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

const tooBig = (size: number): ParsedFile => ({
  ok: false,
  message: `is ${(size / 1e6).toFixed(0)} MB; team files are at most ${LIMITS.fileChars / 1e6} MB.`,
  messages: [],
});

/** Parses and checks one file. JSON when it starts with "{" or "[" or is named .json, CSV otherwise. */
export function parseTeamFile(file: TeamFileInput): ParsedFile {
  if (file.size !== undefined && file.size > LIMITS.fileChars) return tooBig(file.size);
  if (typeof file.text !== 'string')
    return { ok: false, message: 'could not be read: it may have been moved, renamed or still be downloading. Pick it again.', messages: [] };
  if (file.text.length > LIMITS.fileChars) return tooBig(file.text.length);
  const text = file.text.replace(/^\uFEFF/, '');
  if (!text.trim()) return { ok: false, message: 'is empty.', messages: [] };
  // U+FFFD is what reading turns bytes that aren't UTF-8 into; no valid cell holds it (labels are letters and digits).
  if (text.includes('\uFFFD'))
    return {
      ok: false,
      message: 'isn\'t saved as UTF-8 text, so some letters can\'t be read (a spreadsheet may have saved it in another encoding). Import the file as Defuse exported it, or save it as "CSV UTF-8".',
      messages: [],
    };
  const start = text.trimStart()[0];
  const json = start === '{' || start === '[' || /\.json$/i.test(file.name);
  const parsed = json ? parseJson(text) : parseCsv(text);
  if (parsed.ok && parsed.rows.length === 0)
    return {
      ok: false,
      // An export of days without any tip usage is just its header: nothing is wrong with it.
      message: parsed.messages.length ? 'has no usable rows.' : "has no rows: the rep's export covers days with no tip usage, so there is nothing to add.",
      messages: parsed.messages,
    };
  return parsed;
}
