// The team lead's view: reps' exported usage files merged into teamDays, one transaction per import.
//
// Merge rule: counts are keyed by rep id, day, site, tip and action, and a file's count replaces the
// one stored instead of adding to it. Reps export overlapping ranges (every week, the last 30 days);
// replacing makes that safe, and a byte-identical file is skipped outright by its hash. A rep's count
// for a day only ever grows (usage is added, and retention drops whole days), so the larger count is
// the newer export's: an older file imported after a newer one (files picked out of order) lowers nothing.
import type { DefuseDB } from './db';
import { invalid, type Result, type Subject } from './errors';
import { countKey, Tally, type UsageAggregate } from './counts';
import { read, write } from './run';
import { parseTeamFile, type TeamFileInput, type TeamRow } from './teamFiles';
import type { DayRange, ImportRecord, TeamDayRecord } from './types';
import { checkRange, pages } from './usage';
import { plural } from './validate';

export type { TeamFileInput } from './teamFiles';

export interface FileReport {
  name: string;
  status: 'imported' | 'skipped' | 'rejected';
  /** Rows merged (imported files). */
  rows: number;
  reps: string[];
  /** One sentence for the file's status, then any row problems ("line 7: tip id … : skipped."). */
  messages: string[];
}

export interface ImportReport {
  files: FileReport[];
}

const IMPORT: Subject = { what: 'the files', op: 'save' };

export async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

const dateOf = (ms: number) => new Date(ms).toLocaleDateString('en-CA');

async function mergeRows(d: DefuseDB, rows: TeamRow[], source: string): Promise<void> {
  const byDay = new Map<string, TeamDayRecord>();
  for (const r of rows) {
    const id = `${r.repId}|${r.day}|${r.site}`;
    if (!byDay.has(id)) byDay.set(id, { repId: r.repId, rep: r.rep, day: r.day, site: r.site, counts: {}, source });
  }
  const keys = [...byDay.values()].map((t) => [t.repId, t.day, t.site] as [string, string, string]);
  const existing = await d.teamDays.bulkGet(keys);
  existing.forEach((row, i) => {
    if (row) byDay.set(keys[i]!.join('|'), { ...row, source });
  });
  for (const r of rows) {
    const day = byDay.get(`${r.repId}|${r.day}|${r.site}`)!;
    day.rep = r.rep; // the newest file's label wins
    const key = countKey(r.kind, r.tipId, r.action);
    day.counts[key] = Math.max(day.counts[key] ?? 0, r.count);
  }
  await d.teamDays.bulkPut([...byDay.values()]);
}

/**
 * Validates each file, then merges every acceptable one in a single transaction: if anything fails
 * part-way, the team view is exactly as before. Files already imported (same content hash) are skipped.
 * On a storage failure, `pending` is the files, so the UI can offer to retry.
 */
export async function importTeamFiles(files: TeamFileInput[], now = Date.now(), db?: DefuseDB): Promise<Result<ImportReport, TeamFileInput[]>> {
  // Parse and hash first: no awaiting anything but IndexedDB inside a transaction.
  const prepared = await Promise.all(
    files.map(async (f) => ({ file: f, parsed: parseTeamFile(f), hash: typeof f.text === 'string' ? await sha256(f.text) : '' })),
  );
  return write(
    db,
    (d) => [d.teamDays, d.imports],
    async (d) => {
      const known = await d.imports.bulkGet(prepared.map((p) => p.hash));
      const inBatch = new Map<string, string>();
      const reports: FileReport[] = [];
      for (const [i, { file, parsed, hash }] of prepared.entries()) {
        const base = { name: file.name, rows: 0, reps: [] as string[] };
        if (!parsed.ok) {
          reports.push({ ...base, status: 'rejected', messages: [`${file.name} ${parsed.message}`, ...parsed.messages] });
          continue;
        }
        const before = known[i];
        const twin = inBatch.get(hash);
        if (before || twin) {
          const msg = before
            ? `${file.name} was already imported on ${dateOf(before.importedAt)}${before.name !== file.name ? ` (as "${before.name}")` : ''}: skipped, so nothing is counted twice.`
            : `${file.name} has the same content as ${twin} in this import: skipped.`;
          reports.push({ ...base, status: 'skipped', messages: [msg] });
          continue;
        }
        inBatch.set(hash, file.name);
        const reps = [...new Set(parsed.rows.map((r) => r.rep))];
        await mergeRows(d, parsed.rows, hash);
        const record: ImportRecord = { hash, name: file.name, importedAt: now, rows: parsed.rows.length, reps };
        await d.imports.put(record);
        reports.push({
          ...base,
          status: 'imported',
          rows: parsed.rows.length,
          reps,
          messages: [`${file.name}: ${plural(parsed.rows.length, 'row')} from ${reps.join(', ')} merged.`, ...parsed.messages],
        });
      }
      return { files: reports };
    },
    files,
    IMPORT,
  );
}

export interface TeamAggregate {
  overall: UsageAggregate;
  reps: { repId: string; rep: string; aggregate: UsageAggregate }[];
}

/** The team's figures over the inclusive day range: everyone together, and per rep. */
export async function aggregateTeam(range: DayRange, db?: DefuseDB): Promise<Result<TeamAggregate>> {
  const problem = checkRange(range);
  if (problem) return { ok: false, error: invalid(problem) };
  return read(db, (d) => [d.teamDays], async (d) => {
    const overall = new Tally();
    const perRep = new Map<string, { rep: string; tally: Tally }>();
    for (const page of pages(range)) {
      for (const row of await d.teamDays.where('day').between(page.from, page.to, true, true).toArray()) {
        if (range.site && row.site !== range.site) continue;
        overall.addCounts(row.counts);
        let r = perRep.get(row.repId);
        if (!r) perRep.set(row.repId, (r = { rep: row.rep, tally: new Tally() }));
        r.rep = row.rep;
        r.tally.addCounts(row.counts);
      }
    }
    return {
      overall: overall.result(range),
      reps: [...perRep.entries()]
        .map(([repId, { rep, tally }]) => ({ repId, rep, aggregate: tally.result(range) }))
        .sort((a, b) => a.rep.localeCompare(b.rep)),
    };
  }, { what: "the team's figures", op: 'read' });
}

/** Files imported so far, newest first. */
export async function listImports(db?: DefuseDB): Promise<Result<ImportRecord[]>> {
  return read(db, (d) => [d.imports], (d) => d.imports.orderBy('importedAt').reverse().toArray(), { what: 'the import list', op: 'read' });
}

/** Forgets every imported file and the team view built from them (the rep's own data stays). */
export async function clearTeamData(db?: DefuseDB): Promise<Result<void, undefined>> {
  return write(db, (d) => [d.teamDays, d.imports], async (d) => {
    await d.teamDays.clear();
    await d.imports.clear();
  }, undefined, { what: 'the change', op: 'save' });
}
