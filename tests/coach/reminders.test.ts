// Rule reminders: the two or three house rules that matter for this message, short enough to glance at.
import { describe, expect, test } from 'vitest';
import { remindersFor } from '@/lib/coach';
import { makeAnalysis } from './helpers';

describe('remindersFor', () => {
  test.each([
    ['a message about their connection', { level: 'frustrated', facts: { products: ['router'] } }, 'no-blame-connection'],
    ['a third contact', { level: 'frustrated', facts: { contactCount: 3 } }, 'escalate-early'],
    ['a demand for a manager', { level: 'angry', facts: { askedForEscalation: true } }, 'escalate-early'],
    ['a broken promise', { level: 'frustrated', facts: { promised: 'a call back' } }, 'dont-overpromise'],
    ['a calm but very formal message', { level: 'watch', signals: ['controlled-formality'] }, 'recognize-hidden'],
    ['being bounced around', { level: 'frustrated', signals: ['bounced'] }, 'own-it'],
    ['open anger', { level: 'angry', signals: ['overt-anger'] }, 'listen-first'],
  ] as [string, Parameters<typeof makeAnalysis>[0], string][])('reminds about the rule that fits %s', (_name, analysis, expected) => {
    expect(remindersFor(makeAnalysis(analysis)).map((r) => r.id)).toContain(expected);
  });

  test('spots connectivity in the message text when it is given', () => {
    expect(remindersFor(makeAnalysis({ level: 'watch' }), { text: 'My wifi keeps dropping out.' }).map((r) => r.id)).toContain('no-blame-connection');
  });

  test.each([
    ['calm', { level: 'calm' }],
    ['angry with everything', { level: 'angry', signals: ['overt-anger', 'bounced', 'legal-threat'], facts: { contactCount: 4, promised: 'a refund', products: ['internet'] } }],
  ] as [string, Parameters<typeof makeAnalysis>[0]][])('gives two or three short reminders for a %s message', (_name, analysis) => {
    const r = remindersFor(makeAnalysis(analysis));
    expect(r.length).toBeGreaterThanOrEqual(2);
    expect(r.length).toBeLessThanOrEqual(3);
    for (const x of r) expect(x.text.length).toBeLessThanOrEqual(70);
  });

  test('a customer waiting for an answer for hours is reminded first, in plain words', () => {
    const frustrated = makeAnalysis({ level: 'frustrated' });
    const [first] = remindersFor(frustrated, { waitingHours: 26.2 });
    expect(first).toEqual({ id: 'reply-fast', step: 'recognize', text: 'They have waited 26 hours: reply now, with a next step.' });
    expect(remindersFor(makeAnalysis({ level: 'watch' }), { waitingHours: 5 }).map((r) => r.id)).toContain('reply-fast');
  });

  test.each([
    ['a short wait', { level: 'frustrated' }, 2],
    ['a calm question', { level: 'calm' }, 30],
  ] as [string, Parameters<typeof makeAnalysis>[0], number][])('no "reply now" for %s', (_what, analysis, hours) => {
    expect(remindersFor(makeAnalysis(analysis), { waitingHours: hours }).map((r) => r.id)).not.toContain('reply-fast');
  });

  test('tells a manager request apart from a repeat contact', () => {
    const asked = remindersFor(makeAnalysis({ level: 'angry', facts: { askedForEscalation: true } })).find((r) => r.id === 'escalate-early');
    const third = remindersFor(makeAnalysis({ level: 'frustrated', facts: { contactCount: 3 } })).find((r) => r.id === 'escalate-early');
    expect(asked!.text).toMatch(/named person/);
    expect(third!.text).toBe('Escalate before they have to ask.');
  });
});
