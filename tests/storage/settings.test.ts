import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, getSettings, updateSettings } from '@/lib/storage';
import { freshDb, must } from './helpers';

describe('settings', () => {
  it('start with the defaults', async () => {
    expect(must(await getSettings(freshDb()))).toMatchObject(DEFAULT_SETTINGS);
  });

  it('make a random rep id once, and keep it', async () => {
    const db = freshDb();
    const first = must(await getSettings(db)).repId;
    expect(first).toMatch(/^r-[0-9a-f]{16}$/);
    expect(must(await getSettings(db)).repId).toBe(first);
    expect(must(await getSettings(freshDb())).repId).not.toBe(first);
  });

  it('update only what the patch names', async () => {
    const db = freshDb();
    const { repId } = must(await getSettings(db));
    const next = must(await updateSettings({ repLabel: 'Ana - night shift', sites: { zendesk: false } }, db));
    expect(next).toEqual({ ...DEFAULT_SETTINGS, repId, repLabel: 'Ana - night shift', sites: { gmail: true, zendesk: false } });
    expect(must(await getSettings(db))).toEqual(next);
  });

  it('store switched-off rules once each', async () => {
    const db = freshDb();
    const next = must(await updateSettings({ disabledRules: ['robotic', 'robotic', 'missing-apology'] }, db));
    expect(next.disabledRules).toEqual(['robotic', 'missing-apology']);
  });

  it.each([
    ['Hindi, with vowel signs', 'अनु शर्मा'],
    ['Thai', 'สมชาย'],
    ['Persian, with a zero-width non-joiner', 'می\u200Cنا'],
    ['an accent typed as its own character', 'Jose\u0301'],
    ['Japanese', '佐藤 花子'],
  ])('take a label written in %s', async (_, repLabel) => {
    const db = freshDb();
    expect(must(await updateSettings({ repLabel }, db)).repLabel).toBe(repLabel);
  });

  it.each([
    ['an email address as the label', { repLabel: 'ana@example.com' }],
    ['a label starting with a combining mark', { repLabel: '\u0301Ana' }],
    ['a label with a direction override (it could disguise itself)', { repLabel: 'Ana\u202Egnp.exe' }],
    ['a label that starts like a spreadsheet formula', { repLabel: '=HYPERLINK("x")' }],
    ['a label over 40 characters', { repLabel: 'A'.repeat(41) }],
    ['a sensitivity that does not exist', { sensitivity: 'extreme' }],
    ['zero retention days', { retentionDays: 0 }],
    ['fractional retention days', { retentionDays: 1.5 }],
    ['a rule id with spaces', { disabledRules: ['no blame'] }],
    ['a site that is not supported', { sites: { outlook: true } }],
    ['a setting that does not exist', { theme: 'dark' }],
  ])('refuse %s, handing the patch back', async (_, patch) => {
    const db = freshDb();
    const r = await updateSettings(patch as never, db);
    expect(r).toMatchObject({ ok: false, pending: patch, error: { kind: 'invalid' } });
    expect(must(await getSettings(db))).toMatchObject(DEFAULT_SETTINGS);
  });
});
