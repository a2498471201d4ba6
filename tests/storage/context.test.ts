// The shared database is made on first use only, so importing lib/storage costs nothing (and a content
// script that imported it by mistake would not create a database in the host site's origin).
import { afterEach, describe, expect, it } from 'vitest';
import { DB_NAME, forgetDb, getDb, getNote, saveNote } from '@/lib/storage';

afterEach(() => forgetDb());

describe('the shared database', () => {
  it('does not exist until a storage function is called', async () => {
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(DB_NAME);
    await getNote('gmail', 't-1');
    expect((await indexedDB.databases()).map((d) => d.name)).toContain(DB_NAME);
  });

  it('is one instance, shared by every call', () => {
    expect(getDb()).toBe(getDb());
  });

  it('is used when no database is passed', async () => {
    await saveNote({ site: 'gmail', conversationId: 'shared', subject: 's', text: 'kept' }, 1);
    expect(await getDb().notes.where('[site+conversationId]').equals(['gmail', 'shared']).count()).toBe(1);
  });

  it.each([
    ['an extension page (chrome-extension:)', { protocol: 'chrome-extension:', hostname: 'abcdef' }, true],
    ['a Firefox extension page (moz-extension:)', { protocol: 'moz-extension:', hostname: 'abcdef' }, true],
    ['a component test page on localhost', { protocol: 'http:', hostname: 'localhost' }, true],
    ['Gmail (a content script)', { protocol: 'https:', hostname: 'mail.google.com' }, false],
    ['Zendesk (a content script)', { protocol: 'https:', hostname: 'acme.zendesk.com' }, false],
  ])('in %s: allowed = %s', (_, location, allowed) => {
    const g = globalThis as { location?: unknown };
    g.location = location;
    try {
      forgetDb();
      if (allowed) expect(() => getDb()).not.toThrow();
      else expect(() => getDb()).toThrow(expect.objectContaining({ kind: 'wrong-context' }));
    } finally {
      delete g.location;
    }
  });
});
