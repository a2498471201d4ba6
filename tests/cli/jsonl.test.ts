import { describe, expect, test } from 'vitest';
import { parseRecords, runRecords } from '@/lib/cli/jsonl';

describe('parseRecords', () => {
  test('reads one object per line and skips blank lines', () => {
    const recs = parseRecords('{"id":1,"text":"a"}\n\n{"id":2,"text":"b"}\n', 'text');
    expect(recs.map((r) => r.ok && r.value.id)).toEqual([1, 2]);
  });

  test('treats input whose first line is not a JSON object as one plain-text message', () => {
    const input = 'Hello,\nthis is the third time I am writing.\n';
    const recs = parseRecords(input, 'text');
    expect(recs).toEqual([{ ok: true, line: 1, value: { id: '1', text: input } }]);
  });

  test('reports a bad line with its number and keeps going', () => {
    const recs = parseRecords('{"id":1}\n{oops\n[1,2]\n{"id":4}', 'text');
    expect(recs.map((r) => r.ok)).toEqual([true, false, false, true]);
    expect(recs[1]).toMatchObject({ ok: false, line: 2 });
    expect(recs[2]).toMatchObject({ ok: false, error: 'line 3: expected a JSON object' });
  });

  test('empty input gives no records', () => {
    expect(parseRecords('  \n\n', 'text')).toEqual([]);
  });
});

describe('runRecords', () => {
  test('writes one line per record in order and exits 0 when something was processed', () => {
    const out: string[] = [];
    const status = runRecords(parseRecords('{"id":"a","n":1}\nnope\n{"id":"c","n":3}', 'text'), (v) => ({ doubled: Number(v.n) * 2 }), (s) => out.push(s));
    expect(status).toBe(0);
    expect(out.map((l) => JSON.parse(l))).toEqual([
      { id: 'a', doubled: 2 },
      { id: null, error: expect.stringContaining('line 2') },
      { id: 'c', doubled: 6 },
    ]);
  });

  test('exits 1 when nothing could be processed, including a handler that throws', () => {
    const out: string[] = [];
    const status = runRecords(parseRecords('{"id":"x"}', 'text'), () => {
      throw new Error('boom');
    }, (s) => out.push(s));
    expect(status).toBe(1);
    expect(JSON.parse(out[0]!)).toEqual({ id: 'x', error: 'line 1: boom' });
  });
});
