// Storage failures reach the rep as plain sentences, and never cost them what they typed.
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import {
  DefuseDB,
  forgetDb,
  getNote,
  importTeamFiles,
  putFollowUp,
  recordUsage,
  restoreBackup,
  saveNote,
  updateSettings,
  type Result,
} from '@/lib/storage';
import { freshDb, GMAIL_URL, must } from './helpers';

const note = { site: 'gmail' as const, conversationId: 't-1', subject: 'Refund', text: 'Customer called twice; promised a refund by Friday.' };
const quota = () => {
  throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
};

/** Replaces a method of one table of this database only. */
function breakTable(db: DefuseDB, table: string, method: string, impl: (...args: unknown[]) => unknown = quota) {
  (db as unknown as Record<string, Record<string, unknown>>)[table]![method] = impl;
}

afterEach(() => forgetDb());

describe('a full disk (QuotaExceededError)', () => {
  const backup = JSON.stringify({
    format: 'defuse-backup',
    version: 1,
    exportedAt: '2025-06-01T00:00:00.000Z',
    notes: [{ ...note, createdAt: 1, updatedAt: 2 }],
    followUps: [],
  });
  const file = { name: 'ana.csv', text: 'rep_id,rep,day,site,kind,tip_id,action,count\r\nr-0123456789abcdef,Ana,2025-06-01,gmail,rule,blame-shifting,shown,3\r\n' };
  const target = { site: 'gmail' as const, conversationId: 't-1', subject: 'Refund', url: GMAIL_URL };
  const event = { kind: 'rule' as const, tipId: 'blame-shifting', action: 'shown' as const, site: 'gmail' as const };

  const cases: { what: string; table: string; method: string; call: (db: DefuseDB) => Promise<Result<unknown, unknown>>; input: unknown }[] = [
    { what: 'saveNote', table: 'notes', method: 'put', call: (db) => saveNote(note, 5, db), input: note },
    { what: 'putFollowUp', table: 'followUps', method: 'put', call: (db) => putFollowUp(target, 9e12, 5, db), input: target },
    { what: 'recordUsage', table: 'usage', method: 'bulkAdd', call: (db) => recordUsage(event, 5, db), input: event },
    { what: 'updateSettings', table: 'settings', method: 'put', call: (db) => updateSettings({ repLabel: 'Ana' }, db), input: { repLabel: 'Ana' } },
    { what: 'importTeamFiles', table: 'teamDays', method: 'bulkPut', call: (db) => importTeamFiles([file], 5, db), input: [file] },
    { what: 'restoreBackup', table: 'notes', method: 'add', call: (db) => restoreBackup(backup, db), input: backup },
  ];

  it.each(cases)('$what fails with a "storage is full" message', async ({ table, method, call }) => {
    const db = freshDb();
    breakTable(db, table, method);
    const r = await call(db);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.kind).toBe('quota');
    expect(r.error.message).toMatch(/^Your browser's storage is full/);
  });

  it.each(cases)('$what hands back exactly what it was given', async ({ table, method, call, input }) => {
    const db = freshDb();
    breakTable(db, table, method);
    const r = await call(db);
    expect(r).toMatchObject({ ok: false, pending: input });
  });

  it('says the note is still there', async () => {
    const db = freshDb();
    breakTable(db, 'notes', 'put');
    const r = await saveNote(note, 5, db);
    expect(!r.ok && r.error.message).toContain('Your note is still here.');
  });

  it('is also recognised when Dexie wraps it in an AbortError', async () => {
    const db = freshDb();
    breakTable(db, 'notes', 'put', () => {
      throw Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: new DOMException('full', 'QuotaExceededError') });
    });
    const r = await saveNote(note, 5, db);
    expect(!r.ok && r.error.kind).toBe('quota');
  });
});

describe('every write is one transaction', () => {
  it('a usage event is not stored when its daily count cannot be updated', async () => {
    const db = freshDb();
    breakTable(db, 'usageDays', 'bulkPut');
    const r = await recordUsage({ kind: 'rule', tipId: 'blame-shifting', action: 'shown', site: 'gmail' }, 5, db);
    expect(r.ok).toBe(false);
    expect(await db.usage.count()).toBe(0);
  });

  it('a note that fails to save leaves the earlier version in place', async () => {
    const db = freshDb();
    must(await saveNote(note, 1, db));
    breakTable(db, 'notes', 'put');
    await saveNote({ ...note, text: 'changed' }, 2, db);
    expect(must(await getNote('gmail', 't-1', db))?.text).toBe(note.text);
  });

  it('an unexpected error is reported in words, with the error name, and keeps the text', async () => {
    const db = freshDb();
    breakTable(db, 'notes', 'put', () => {
      throw new DOMException('boom', 'DataCloneError');
    });
    const r = await saveNote(note, 5, db);
    expect(r).toMatchObject({ ok: false, pending: note, error: { kind: 'unknown' } });
    expect(!r.ok && r.error.message).toMatch(/^Saving didn't work \(DataCloneError\)\. Your note is still here\./);
  });
});

describe('another tab holding an older version open (blocked upgrade)', () => {
  /** A connection at version 1 that, like a page of an older release, ignores requests to close. */
  async function holdOldVersion(name: string): Promise<IDBDatabase> {
    const old = new DefuseDB(name, { upToVersion: 1 });
    await old.open();
    old.close();
    return new Promise((resolve, reject) => {
      const req = indexedDB.open(name, 10);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  }

  it('fails with a message saying to close the other Defuse tabs, keeping the text', async () => {
    const name = `blocked-${crypto.randomUUID()}`;
    const other = await holdOldVersion(name);
    const r = await saveNote(note, 5, new DefuseDB(name));
    expect(r).toMatchObject({ ok: false, pending: note, error: { kind: 'blocked' } });
    expect(!r.ok && r.error.message).toMatch(/another Defuse tab or side panel still has the old version open/);
    other.close();
  });

  it('works again once the other tab lets go', async () => {
    const name = `blocked-${crypto.randomUUID()}`;
    const other = await holdOldVersion(name);
    const db = new DefuseDB(name);
    expect((await saveNote(note, 5, db)).ok).toBe(false);
    other.close();
    await new Promise((r) => setTimeout(r, 20));
    expect((await saveNote(note, 6, db)).ok).toBe(true);
  });
});

describe('a database already upgraded by a newer Defuse (VersionError)', () => {
  it('fails with "reload this page", keeping the text', async () => {
    const name = `newer-${crypto.randomUUID()}`;
    const newer = new Dexie(name);
    newer.version(9).stores({ notes: '++id', somethingNew: '++id' });
    await newer.open();
    newer.close();
    const r = await saveNote(note, 5, new DefuseDB(name));
    expect(r).toMatchObject({ ok: false, pending: note, error: { kind: 'version' } });
    expect(!r.ok && r.error.message).toMatch(/Defuse was updated in another window.*Reload it.*your note is kept here until then/);
  });
});

describe('IndexedDB unavailable', () => {
  it('`indexedDB` undefined (some private windows): "Storage isn\'t available in this window; your note is kept here until…"', async () => {
    const saved = globalThis.indexedDB;
    // @ts-expect-error simulating a browser without IndexedDB
    delete globalThis.indexedDB;
    try {
      forgetDb();
      const r = await saveNote(note);
      expect(r).toMatchObject({ ok: false, pending: note, error: { kind: 'unavailable' } });
      expect(!r.ok && r.error.message).toMatch(/^Storage isn't available in this window .*; your note is kept here until you close this panel/);
    } finally {
      globalThis.indexedDB = saved;
    }
  });

  const refusing = (how: 'throws' | 'errors', name: string): IDBFactory =>
    ({
      open() {
        const error = new DOMException('A mutation operation was attempted on a database that did not allow mutations.', name);
        if (how === 'throws') throw error;
        const req: Partial<IDBOpenDBRequest> & { error: DOMException } = { error };
        setTimeout(() => (req.onerror as ((e: Event) => void) | undefined)?.({ target: req, preventDefault() {}, stopPropagation() {} } as unknown as Event));
        return req as IDBOpenDBRequest;
      },
      deleteDatabase: () => ({}) as IDBOpenDBRequest,
      cmp: indexedDB.cmp.bind(indexedDB),
      databases: async () => [],
    }) as unknown as IDBFactory;

  it.each([
    ['open() throws InvalidStateError (Firefox private window)', refusing('throws', 'InvalidStateError')],
    ['open() fails with InvalidStateError', refusing('errors', 'InvalidStateError')],
    ['open() throws SecurityError (storage blocked by settings)', refusing('throws', 'SecurityError')],
  ])('%s: unavailable, note kept', async (_, factory) => {
    const db = new DefuseDB(`private-${crypto.randomUUID()}`, { indexedDB: factory, IDBKeyRange });
    const r = await saveNote(note, 5, db);
    expect(r).toMatchObject({ ok: false, pending: note, error: { kind: 'unavailable' } });
  });
});

describe('called from a web page (content script)', () => {
  it('refuses to create the database in the host site\'s origin', async () => {
    const g = globalThis as { location?: unknown };
    g.location = { protocol: 'https:', hostname: 'mail.google.com' };
    try {
      forgetDb();
      const r = await saveNote(note);
      expect(r).toMatchObject({ ok: false, pending: note, error: { kind: 'wrong-context' } });
    } finally {
      delete g.location;
    }
  });
});

describe('a newer database is left untouched', () => {
  it('keeps its version and tables when an older page tries to use it', async () => {
    const name = `newer-${crypto.randomUUID()}`;
    const newer = new Dexie(name);
    newer.version(9).stores({ notes: '++id', somethingNew: '++id' });
    await newer.open();
    newer.close();
    await saveNote(note, 5, new DefuseDB(name));
    const check = new Dexie(name);
    await check.open();
    expect(check.verno).toBe(9);
    expect(check.tables.map((t) => t.name).sort()).toEqual(['notes', 'somethingNew']);
    check.close();
  });
});
