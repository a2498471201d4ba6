import { describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { scoreRecord } from '@/lib/cli/score';
import { parseRecords, runRecords } from '@/lib/cli/jsonl';

const ROOT = resolve(__dirname, '..', '..');

describe('scoreRecord', () => {
  test('answers with the contract fields only (plus reason/truncated when set)', () => {
    const out = scoreRecord({ id: 'a', text: 'This is the third time I am writing!!' }, 1);
    expect(Object.keys(out).sort()).toEqual(['frustrated', 'level', 'score', 'signals']);
    expect(out).toMatchObject({ score: expect.any(Number), level: expect.stringMatching(/^(calm|watch|frustrated|angry)$/), frustrated: expect.any(Boolean) });
    const signals = out.signals as { id: string; label: string; text: string; start: number; end: number }[];
    expect(signals.length).toBeGreaterThan(0);
    for (const s of signals) {
      expect(Object.keys(s).sort()).toEqual(['end', 'id', 'label', 'start', 'text']);
      expect('This is the third time I am writing!!'.slice(s.start, s.end)).toBe(s.text);
    }
  });

  test.each([
    [{ id: 1 }, 'missing "text"'],
    [{ id: 2, text: 42 }, '"text" must be a string, got number'],
    [{ id: 3, text: null }, '"text" must be a string, got null'],
    [{ id: 4, text: ['a'] }, '"text" must be a string, got an array'],
  ])('%j gives an error line', (value, error) => {
    expect(scoreRecord(value, 1)).toEqual({ error });
  });

  test('an unscorable text is still a scored line, with the reason', () => {
    expect(scoreRecord({ id: 'x', text: '' }, 1)).toEqual({ score: 0, level: 'calm', frustrated: false, signals: [], reason: 'empty message' });
  });

  test('runs in order and keeps going after bad lines', () => {
    const out: string[] = [];
    const status = runRecords(parseRecords('{"id":"a","text":"Thanks!"}\n{"id":"b"}\nnope\n{"id":"c","text":"I want a manager NOW"}', 'text'), scoreRecord, (s) => out.push(s));
    expect(status).toBe(0);
    const lines = out.map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['a', 'b', null, 'c']);
    expect(lines[1]).toEqual({ id: 'b', error: 'missing "text"' });
    expect(lines[3].signals.map((s: { id: string }) => s.id)).toContain('wants-manager');
  });
});

describe('npx tsx lib/cli/main.ts score -', () => {
  const run = (input: string) => spawnSync('npx', ['tsx', 'lib/cli/main.ts', 'score', '-'], { cwd: ROOT, input, encoding: 'utf8', timeout: 60_000 });

  test('scores JSON Lines from stdin, one output line per input line', () => {
    const r = run('{"id":"calm","text":"Could you send me the invoice again?"}\n{"id":"hot","text":"This is the third time I am asking. I will dispute the charge!!"}\n{"id":"bad","text":7}\n');
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['calm', 'hot', 'bad']);
    expect(lines[0].frustrated).toBe(false);
    expect(lines[1].frustrated).toBe(true);
    expect(lines[1].signals.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining(['nth-time', 'chargeback', 'exclaim']));
    expect(lines[2]).toEqual({ id: 'bad', error: '"text" must be a string, got number' });
  }, 60_000);

  test('scores a plain-text file as one message with id "1"', () => {
    const text = 'Hello,\n\nI was promised a call back and nobody called.\n\nThanks,\nAna\n';
    const r = run(text);
    expect(r.status).toBe(0);
    const line = JSON.parse(r.stdout);
    expect(line.id).toBe('1');
    for (const s of line.signals) expect(text.slice(s.start, s.end)).toBe(s.text);
  }, 60_000);

  test('exits 1 when nothing could be scored', () => {
    const r = run('{"id":"a"}\n{"id":"b","text":false}\n');
    expect(r.status).toBe(1);
    expect(r.stdout.trim().split('\n')).toHaveLength(2);
  }, 60_000);
});
