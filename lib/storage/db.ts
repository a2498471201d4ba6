// The one Dexie database. Created lazily, on the first storage call, and only in the extension's own
// origin (side panel, options, background): in a content script IndexedDB would be the host site's.
import Dexie, { type EntityTable, type Table } from 'dexie';
import { StorageError, messageFor } from './errors';
import { CURRENT_VERSION, VERSIONS } from './schema';
import type {
  FollowUpRecord,
  ImportRecord,
  NoteRecord,
  SettingsRecord,
  TeamDayRecord,
  UsageDayRecord,
  UsageEventRecord,
} from './types';

export const DB_NAME = 'defuse';

export interface DefuseDBOptions {
  /** Another IndexedDB implementation (tests: a factory that throws, or an isolated fake). */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
  /** Declare the schema only up to this version (migration tests write data the way old releases did). */
  upToVersion?: number;
}

export class DefuseDB extends Dexie {
  // `declare`: Dexie creates these properties; a class field would overwrite them with undefined.
  declare notes: EntityTable<NoteRecord, 'id'>;
  declare followUps: EntityTable<FollowUpRecord, 'id'>;
  declare usage: EntityTable<UsageEventRecord, 'id'>;
  declare usageDays: Table<UsageDayRecord, [string, string]>;
  declare settings: Table<SettingsRecord, string>;
  declare teamDays: Table<TeamDayRecord, [string, string, string]>;
  declare imports: Table<ImportRecord, string>;

  /** Set while our open waits for another tab that holds an older version (`blocked` event). */
  blockedByOtherTab = false;
  /** The IndexedDB this database lives in (to look at the installed version before opening). */
  readonly factory: IDBFactory | undefined;

  constructor(name = DB_NAME, options: DefuseDBOptions = {}) {
    super(name, {
      ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
      ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
    });
    this.factory = options.indexedDB ?? (typeof indexedDB === 'undefined' ? undefined : indexedDB);
    const upTo = options.upToVersion ?? CURRENT_VERSION;
    for (const v of VERSIONS) {
      if (v.version > upTo) break;
      const declared = this.version(v.version).stores(v.stores);
      if (v.upgrade) declared.upgrade(v.upgrade);
    }
    this.on('blocked', () => {
      this.blockedByOtherTab = true;
    });
  }
}

/** A web page's origin: where a content script runs. Extension pages are chrome-extension:, moz-extension:… */
function inWebPage(): boolean {
  const loc = (globalThis as { location?: { protocol?: string; hostname?: string } }).location;
  if (!loc?.protocol) return false; // Node (tests, CLI, bench)
  if (!/^https?:$/.test(loc.protocol)) return false;
  return !['localhost', '127.0.0.1', ''].includes(loc.hostname ?? ''); // component tests run on localhost
}

let shared: DefuseDB | undefined;

/** The shared database, created on first use. Throws StorageError ('wrong-context' | 'unavailable'). */
export function getDb(): DefuseDB {
  if (shared) return shared;
  if (inWebPage()) throw new StorageError('wrong-context', messageFor('wrong-context'));
  if (typeof indexedDB === 'undefined' || !indexedDB) throw new StorageError('unavailable', messageFor('unavailable'));
  shared = new DefuseDB();
  return shared;
}

/** Closes and forgets the shared database (tests; after deleting the database). */
export function forgetDb(): void {
  shared?.close();
  shared = undefined;
}

/**
 * Opens the database, turning the two waits IndexedDB can get stuck in into errors a person can act
 * on: another tab blocking our upgrade, and a database already upgraded by a newer Defuse.
 */
export async function ensureOpen(db: DefuseDB): Promise<void> {
  if (!db.isOpen()) {
    if (db.blockedByOtherTab) throw new StorageError('blocked', messageFor('blocked'));
    // A newer release's database must not be opened at all: Dexie would open it anyway and "repair"
    // its schema to look like ours. (Dexie stores version × 10.)
    const installed = (await db.factory?.databases?.().catch(() => undefined))?.find((d) => d.name === db.name);
    if (installed?.version && Math.floor(installed.version / 10) > CURRENT_VERSION) throw new StorageError('version', messageFor('version'));
    await new Promise<void>((resolve, reject) => {
      const onBlocked = () => reject(new StorageError('blocked', messageFor('blocked')));
      db.on('blocked', onBlocked);
      // The open keeps waiting after we report "blocked"; it completes when the other tab lets go.
      db.open().then(
        () => {
          db.blockedByOtherTab = false;
          db.on('blocked').unsubscribe(onBlocked);
          resolve();
        },
        (err: unknown) => {
          db.on('blocked').unsubscribe(onBlocked);
          reject(err);
        },
      );
    });
  }
  // Second guard, for browsers without indexedDB.databases(): refuse to write old-shaped rows into a newer database.
  const onDisk = Math.floor(db.backendDB().version / 10);
  if (onDisk > CURRENT_VERSION) throw new StorageError('version', messageFor('version'));
}
