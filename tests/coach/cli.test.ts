// The coach and suggest CLI commands: exact output shapes (design.md contract 2) and errors as lines.
import { describe, expect, test } from 'vitest';
import { coachRecord } from '@/lib/cli/coach';
import { parseRecords, runRecords } from '@/lib/cli/jsonl';
import { suggestRecord } from '@/lib/cli/suggest';

function run(input: string, handler: typeof coachRecord, field: string) {
  const out: string[] = [];
  const status = runRecords(parseRecords(input, field), handler, (s) => out.push(s));
  return { status, lines: out.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('coach command', () => {
  test('answers each line with exactly {id, findings[rule, severity, text, start, end, message, suggestion]}', () => {
    const { lines } = run(JSON.stringify({ id: 'a', draft: 'It must be your internet connection.' }), coachRecord, 'draft');
    expect(Object.keys(lines[0]!)).toEqual(['id', 'findings']);
    const [f] = lines[0]!.findings as Record<string, unknown>[];
    expect(Object.keys(f!)).toEqual(['rule', 'severity', 'text', 'start', 'end', 'message', 'suggestion']);
    expect(f).toMatchObject({ rule: 'blame-shifting', severity: 'warn', text: 'It must be your internet connection.', start: 0, end: 36 });
  });

  test('uses the customer message for the context rules', () => {
    const message = 'This is the third time I am writing. I want to speak to a manager now.';
    const { lines } = run(JSON.stringify({ id: 1, draft: 'Your refund has been processed and will arrive within 5 working days.', message }), coachRecord, 'draft');
    expect((lines[0]!.findings as { rule: string }[]).map((f) => f.rule)).toContain('missing-escalation');
  });

  test.each([
    ["I don't know yet why the sync failed, but I'll find out and update you by 3pm today.", 'Sync is broken.'],
    ["You're right, and I'm sorry. I've fixed the address on your order and I'll confirm by email once it ships, by Friday noon at the latest.", 'You sent it to the wrong address!'],
    ["Thanks for flagging this, Priya. I've escalated it to our billing lead and I'll call you tomorrow at 10am with what she finds.", "This is the fourth time I've asked. I want a manager."],
  ])('gives no finding for a good reply, read with its customer message: "%s"', (draft, message) => {
    const { lines } = run(JSON.stringify({ id: 'g', draft, message }), coachRecord, 'draft');
    expect(lines[0]).toEqual({ id: 'g', findings: [] });
  });

  test.each([
    ['a missing draft', { id: 'x' }, /missing "draft"/],
    ['a draft that is not a string', { id: 'x', draft: 42 }, /"draft" must be a string/],
    ['a message that is not a string', { id: 'x', draft: 'Hi', message: ['no'] }, /"message" must be a string/],
  ])('writes {id, error} for %s and goes on', (_name, record, error) => {
    const { lines } = run(`${JSON.stringify(record)}\n${JSON.stringify({ id: 'ok', draft: 'Thanks!' })}`, coachRecord, 'draft');
    expect(lines[0]).toEqual({ id: 'x', error: expect.stringMatching(error) });
    expect(lines[1]).toEqual({ id: 'ok', findings: [] });
  });

  test('coaches a plain-text file as one draft', () => {
    const { lines } = run('Hi Tom,\nWe apologize for any inconvenience.\nBest,\nSam\n', coachRecord, 'draft');
    expect(lines[0]).toMatchObject({ id: '1', findings: [{ rule: 'robotic', text: 'We apologize for any inconvenience' }] });
  });
});

describe('suggest command', () => {
  test('answers each line with exactly {id, level, suggestions[id, step, text, why], reminders[id, text]}', () => {
    const { lines } = run(JSON.stringify({ id: 's', text: 'This is the third time I have written about my order. I want a manager.' }), suggestRecord, 'text');
    const line = lines[0]!;
    expect(Object.keys(line)).toEqual(['id', 'level', 'suggestions', 'reminders']);
    const suggestions = line.suggestions as Record<string, unknown>[];
    expect(suggestions.length).toBeGreaterThanOrEqual(3);
    for (const s of suggestions) expect(Object.keys(s)).toEqual(['id', 'step', 'text', 'why']);
    for (const r of line.reminders as Record<string, unknown>[]) expect(Object.keys(r)).toEqual(['id', 'text']);
  });

  test('writes {id, error} for a line without text', () => {
    const { lines, status } = run(JSON.stringify({ id: 'n', body: 'hi' }), suggestRecord, 'text');
    expect(lines[0]).toEqual({ id: 'n', error: expect.stringMatching(/missing "text"/) });
    expect(status).toBe(1);
  });
});
