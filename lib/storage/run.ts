// The one path from a repository function to IndexedDB: open (lazily), run in a transaction, map
// failures to StorageError. Writes are always one read-write transaction: all or nothing.
import type { Table } from 'dexie';
import { ensureOpen, getDb, type DefuseDB } from './db';
import { READ, SAVE, toStorageError, type Failure, type Result, type Subject } from './errors';

type Tables = (db: DefuseDB) => Table<any, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any

async function open(dbArg: DefuseDB | undefined, s: Subject): Promise<DefuseDB | { error: ReturnType<typeof toStorageError> }> {
  try {
    const db = dbArg ?? getDb();
    await ensureOpen(db);
    return db;
  } catch (err) {
    return { error: toStorageError(err, s, true) };
  }
}

/** Runs `fn` in one read-write transaction over `tables`; on failure hands back `pending`. */
export async function write<T, P>(
  dbArg: DefuseDB | undefined,
  tables: Tables,
  fn: (db: DefuseDB) => Promise<T>,
  pending: P,
  s: Subject = SAVE,
): Promise<Result<T, P>> {
  const db = await open(dbArg, s);
  if ('error' in db) return { ok: false, error: db.error, pending } as Failure<P>;
  try {
    const value = await db.transaction('rw', tables(db), () => fn(db));
    return { ok: true, value };
  } catch (err) {
    return { ok: false, error: toStorageError(err, s), pending } as Failure<P>;
  }
}

/** Runs `fn` in one read-only transaction (a consistent view across tables). */
export async function read<T>(
  dbArg: DefuseDB | undefined,
  tables: Tables,
  fn: (db: DefuseDB) => Promise<T>,
  s: Subject = READ,
): Promise<Result<T>> {
  const db = await open(dbArg, s);
  if ('error' in db) return { ok: false, error: db.error };
  try {
    const value = await db.transaction('r', tables(db), () => fn(db));
    return { ok: true, value };
  } catch (err) {
    return { ok: false, error: toStorageError(err, s) };
  }
}

/** A failed Result for input refused before touching the database. */
export function refuse<P>(error: ReturnType<typeof toStorageError>, pending: P): Failure<P> {
  return { ok: false, error, pending } as Failure<P>;
}
