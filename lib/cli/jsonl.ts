// Reading the CLI's input: JSON Lines of objects, or, when the input is not JSONL, one plain-text record.
import { readFileSync } from 'node:fs';

export type InputRecord =
  | { ok: true; line: number; value: Record<string, unknown> }
  | { ok: false; line: number; id: unknown; error: string };

/** Reads FILE, or stdin when FILE is '-'. */
export function readInput(file: string): string {
  return readFileSync(file === '-' ? 0 : file, 'utf8');
}

/**
 * Splits input into records. A file counts as JSONL when its first non-blank line parses as a JSON
 * object; otherwise the whole input is one plain-text record under `plainTextField` (id "1").
 */
export function parseRecords(input: string, plainTextField: string): InputRecord[] {
  const lines = input.replace(/^\uFEFF/, '').split(/\r?\n/);
  const firstIndex = lines.findIndex((l) => l.trim() !== '');
  if (firstIndex === -1) return [];
  if (!isJsonObject(lines[firstIndex]!)) {
    return [{ ok: true, line: 1, value: { id: '1', [plainTextField]: input } }];
  }
  const out: InputRecord[] = [];
  lines.forEach((raw, i) => {
    if (raw.trim() === '') return;
    const line = i + 1;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (e) {
      out.push({ ok: false, line, id: null, error: `line ${line}: not valid JSON (${(e as Error).message})` });
      return;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      out.push({ ok: false, line, id: null, error: `line ${line}: expected a JSON object` });
      return;
    }
    out.push({ ok: true, line, value: value as Record<string, unknown> });
  });
  return out;
}

function isJsonObject(line: string): boolean {
  try {
    const v = JSON.parse(line);
    return v !== null && typeof v === 'object' && !Array.isArray(v);
  } catch {
    return false;
  }
}

/** Each command maps one record to one output object (or an error object). */
export type RecordHandler = (value: Record<string, unknown>, line: number) => Record<string, unknown>;

/**
 * Runs a handler over every record, writing one JSON line per record in input order.
 * Returns the exit status: 1 only when nothing could be processed.
 */
export function runRecords(records: InputRecord[], handle: RecordHandler, write: (s: string) => void): number {
  let okCount = 0;
  for (const r of records) {
    if (!r.ok) {
      write(JSON.stringify({ id: r.id, error: r.error }));
      continue;
    }
    const id = r.value.id ?? null;
    try {
      const result = handle(r.value, r.line);
      if ('error' in result) write(JSON.stringify({ id, ...result }));
      else {
        okCount++;
        write(JSON.stringify({ id, ...result }));
      }
    } catch (e) {
      write(JSON.stringify({ id, error: `line ${r.line}: ${(e as Error).message}` }));
    }
  }
  return okCount > 0 ? 0 : 1;
}
