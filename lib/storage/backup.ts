// Backup and restore of the rep's own notes and follow-ups (not usage, not settings): a versioned JSON
// file the rep keeps, and a restore that merges instead of overwriting.
import Dexie from 'dexie';
import type { DefuseDB } from './db';
import { invalid, type Result, type Subject } from './errors';
import { checkTarget } from './followups';
import { checkConversation, clipSubject, MAX_NOTE_CHARS } from './notes';
import { refuse, read, write } from './run';
import type { FollowUpRecord, FollowUpStatus, NoteRecord } from './types';
import { USAGE_FORMAT, type ExportedFile } from './usageExport';
import { isTime, preview } from './validate';

export const BACKUP_FORMAT = 'defuse-backup';
export const BACKUP_VERSION = 1;

export type NoteBackup = Omit<NoteRecord, 'id'>;
export type FollowUpBackup = Omit<FollowUpRecord, 'id'>;

/** `defuse-backup` version 1. */
export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  notes: NoteBackup[];
  followUps: FollowUpBackup[];
}

export interface MergeCounts {
  added: number;
  /** Replaced by the backup's newer copy. */
  updated: number;
  /** Kept as they were: the copy here is as new or newer. */
  kept: number;
}

export interface RestoreReport {
  notes: MergeCounts;
  followUps: MergeCounts;
}

const withoutId = <T extends { id?: number }>({ id: _id, ...rest }: T) => rest;

/** Everything the rep wrote: notes and follow-ups, as a JSON file. */
export async function exportBackup(now = Date.now(), db?: DefuseDB): Promise<Result<ExportedFile>> {
  const got = await read(db, (d) => [d.notes, d.followUps], async (d) => ({
    notes: (await d.notes.toArray()).map(withoutId),
    followUps: (await d.followUps.toArray()).map(withoutId),
  }), { what: 'your notes and reminders', op: 'read' });
  if (!got.ok) return got;
  const file: BackupFile = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: new Date(now).toISOString(), ...got.value };
  const day = new Date(now).toLocaleDateString('en-CA');
  return {
    ok: true,
    value: {
      filename: `defuse-backup-${day}.json`,
      mimeType: 'application/json',
      text: JSON.stringify(file, null, 2) + '\n',
      rows: file.notes.length + file.followUps.length,
    },
  };
}

const STATUSES: FollowUpStatus[] = ['open', 'done', 'snoozed'];

function checkNote(n: Record<string, unknown>): NoteBackup | string {
  const problem = checkConversation(n as { site: unknown; conversationId: unknown; subject: unknown });
  if (problem) return problem;
  if (typeof n.text !== 'string' || n.text.length > MAX_NOTE_CHARS) return 'text is missing or too long';
  if (!isTime(n.createdAt) || !isTime(n.updatedAt)) return 'createdAt/updatedAt must be times in milliseconds';
  return {
    site: n.site as NoteBackup['site'],
    conversationId: n.conversationId as string,
    subject: clipSubject(n.subject as string),
    text: n.text,
    createdAt: n.createdAt,
    updatedAt: n.updatedAt,
  };
}

function checkFollowUp(f: Record<string, unknown>): FollowUpBackup | string {
  const problem = checkTarget(f as never);
  if (problem) return problem;
  if (!STATUSES.includes(f.status as FollowUpStatus)) return `status ${preview(f.status)} isn't open, done or snoozed`;
  for (const k of ['dueAt', 'createdAt', 'updatedAt'] as const) if (!isTime(f[k])) return `${k} must be a time in milliseconds`;
  for (const k of ['firedAt', 'doneAt'] as const) if (f[k] !== undefined && !isTime(f[k])) return `${k} must be a time in milliseconds`;
  return {
    site: f.site as FollowUpBackup['site'],
    conversationId: f.conversationId as string,
    subject: clipSubject(f.subject as string),
    url: f.url as string,
    ...(typeof f.note === 'string' && f.note ? { note: f.note } : {}),
    dueAt: f.dueAt as number,
    status: f.status as FollowUpStatus,
    ...(f.firedAt !== undefined ? { firedAt: f.firedAt as number } : {}),
    ...(f.doneAt !== undefined ? { doneAt: f.doneAt as number } : {}),
    createdAt: f.createdAt as number,
    updatedAt: f.updatedAt as number,
  };
}

/** Parses and checks a whole backup; any bad entry refuses the file (a restore is all or nothing). */
export function parseBackup(text: string): { notes: NoteBackup[]; followUps: FollowUpBackup[] } | string {
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(text);
  } catch {
    return "This file isn't a Defuse backup: it isn't valid JSON (it may be cut off).";
  }
  if (data && typeof data === 'object' && data.format === USAGE_FORMAT)
    return "This file isn't a Defuse backup: it is a tip usage export. Team leads import those under \"Import team files\".";
  if (!data || typeof data !== 'object' || data.format !== BACKUP_FORMAT) return "This file isn't a Defuse backup.";
  if (data.version !== BACKUP_VERSION)
    return typeof data.version === 'number' && data.version > BACKUP_VERSION
      ? `This backup was made by a newer Defuse (version ${data.version}). Update Defuse, then restore it.`
      : `This backup has version ${preview(data.version)}; this Defuse restores version ${BACKUP_VERSION}.`;
  if (!Array.isArray(data.notes) || !Array.isArray(data.followUps)) return 'This backup has no notes or follow-up list.';
  const out = { notes: [] as NoteBackup[], followUps: [] as FollowUpBackup[] };
  for (const [list, check, into] of [
    ['notes', checkNote, out.notes],
    ['followUps', checkFollowUp, out.followUps],
  ] as const) {
    for (const [i, entry] of (data[list] as unknown[]).entries()) {
      const got = entry && typeof entry === 'object' ? check(entry as Record<string, unknown>) : 'not an object';
      if (typeof got === 'string') return `Nothing was restored: ${list}[${i}] is damaged (${got}).`;
      (into as unknown[]).push(got);
    }
  }
  return out;
}

/**
 * Restores a backup by merging: notes by site + conversation, follow-ups by site + conversation +
 * creation time (a conversation's one pending reminder counts as the same reminder), and where both
 * sides have an item the newer `updatedAt` wins. One transaction: all or nothing.
 * Reminders brought back as pending need their alarms: call lib/followups' syncFollowUpAlarms after.
 */
export async function restoreBackup(text: string, db?: DefuseDB): Promise<Result<RestoreReport, string>> {
  const parsed = typeof text === 'string' ? parseBackup(text) : "This file isn't a Defuse backup.";
  if (typeof parsed === 'string') return refuse(invalid(parsed), text);
  const RESTORE: Subject = { what: 'the backup', op: 'save' };
  return write(db, (d) => [d.notes, d.followUps], async (d) => {
    const report: RestoreReport = { notes: { added: 0, updated: 0, kept: 0 }, followUps: { added: 0, updated: 0, kept: 0 } };
    for (const n of parsed.notes) {
      const local = await d.notes.where('[site+conversationId]').equals([n.site, n.conversationId]).first();
      if (!local) {
        await d.notes.add({ ...n });
        report.notes.added++;
      } else if (n.updatedAt > local.updatedAt) {
        await d.notes.put({ ...n, id: local.id! });
        report.notes.updated++;
      } else report.notes.kept++;
    }
    for (const f of parsed.followUps) {
      const sameConversation = await d.followUps
        .where('[site+conversationId+createdAt]')
        .between([f.site, f.conversationId, Dexie.minKey], [f.site, f.conversationId, Dexie.maxKey])
        .toArray();
      // A pending reminder meets the conversation's pending one first, even when its creation time
      // matches a finished one here: matching that instead would leave the conversation two pending ones.
      const local =
        (f.status !== 'done' ? sameConversation.find((l) => l.status !== 'done') : undefined) ??
        sameConversation.find((l) => l.createdAt === f.createdAt);
      if (!local) {
        await d.followUps.add({ ...f });
        report.followUps.added++;
      } else if (f.updatedAt > local.updatedAt) {
        await d.followUps.put({ ...f, id: local.id! });
        report.followUps.updated++;
      } else report.followUps.kept++;
    }
    return report;
  }, text, RESTORE);
}
