// The phrasebook: 3-5 suggestions ranked for the message, keyed to what it shows, filled and warm.
import { describe, expect, test } from 'vitest';
import { analyzeMessage } from '@/lib/analysis';
import type { SignalCategory } from '@/lib/analysis/types';
import { PHRASES, suggestReplies } from '@/lib/coach';
import { makeAnalysis, NOW } from './helpers';

const ids = (...args: Parameters<typeof makeAnalysis>) => suggestReplies(makeAnalysis(...args), { now: NOW }).map((s) => s.id);

describe('suggestReplies', () => {
  test.each([
    ['a repeat contact', { level: 'frustrated', facts: { contactCount: 3 } }, 'ack-repeat-contact'],
    ['a broken promise', { level: 'frustrated', facts: { promised: 'a call back' } }, 'ack-broken-promise'],
    ['a churn threat', { level: 'frustrated', signals: ['churn-threat'] }, 'respond-churn'],
    ['a chargeback threat', { level: 'angry', signals: ['legal-threat'] }, 'respond-legal'],
    ['a demand for a manager', { level: 'angry', facts: { askedForEscalation: true } }, 'escalate-asked'],
    ['a long wait', { level: 'watch', facts: { elapsed: ['three weeks'] } }, 'ack-elapsed'],
    ['being bounced around', { level: 'frustrated', signals: ['bounced'] }, 'own-bounced'],
    ['sarcasm', { level: 'watch', signals: ['sarcasm'] }, 'ack-sarcasm'],
    ['a deadline', { level: 'watch', signals: ['time-pressure'] }, 'respond-urgent'],
    ['a calm question', { level: 'calm' }, 'ack-calm'],
  ] as [string, Parameters<typeof makeAnalysis>[0], string][])('offers %s the phrase made for it', (_name, analysis, expected) => {
    expect(ids(analysis)).toContain(expected);
  });

  // Phrases that answer one kind of evidence, on the real scorer's output.
  test.each([
    ['Your agent hung up on me. Twice. I still have no refund.', 'ack-treatment', 'about how you were treated'],
    ["Do you actually read these emails? Your reply didn't even answer my question.", 'listen-read-all', "I've read back through everything"],
  ])('answers %j with %s', (text, id, words) => {
    const s = suggestReplies(analyzeMessage(text), { now: NOW });
    expect(s.find((x) => x.id === id)?.text).toContain(words);
  });

  test('offers neither of those to a message without that evidence', () => {
    const s = suggestReplies(analyzeMessage('I have written three times and still have no refund.'), { now: NOW }).map((x) => x.id);
    expect(s).not.toContain('ack-treatment');
    expect(s).not.toContain('listen-read-all');
  });

  test('a follow-up to a message the rep already answered does not open with "Thanks for getting in touch"', () => {
    const ids = (answered: boolean) => suggestReplies(makeAnalysis({ level: 'calm' }), { now: NOW, text: 'Do you deliver to Ireland?', answered }).map((x) => x.id);
    expect(ids(false)).toContain('ack-calm');
    expect(ids(true)).not.toContain('ack-calm');
  });

  test('asks when a problem started only when the message reports one, not for a plain question', () => {
    const ask = (text: string) => suggestReplies(makeAnalysis({ level: 'calm' }), { now: NOW, text }).map((x) => x.id);
    expect(ask('Hi, my invoice download keeps failing with an error. Could you help?')).toContain('listen-details');
    expect(ask('Hi, do you deliver to Ireland?')).not.toContain('listen-details');
    expect(ask('Hi, do you deliver to Ireland?').length).toBeGreaterThanOrEqual(2);
  });

  test.each([
    ['calm', { level: 'calm' }, 'The export button stopped working after the update.'],
    ['watch', { level: 'watch' }],
    ['angry with everything', { level: 'angry', signals: ['churn-threat', 'legal-threat', 'sarcasm', 'bounced'] as SignalCategory[], facts: { contactCount: 4, askedForEscalation: true, promised: 'a refund' } }],
  ] as [string, Parameters<typeof makeAnalysis>[0], string?][])('gives 3 to 5 suggestions for a %s message, best first', (_name, analysis, text) => {
    const s = suggestReplies(makeAnalysis(analysis), { now: NOW, ...(text ? { text } : {}) });
    expect(s.length).toBeGreaterThanOrEqual(3);
    expect(s.length).toBeLessThanOrEqual(5);
    expect(s.map((x) => x.rank)).toEqual([...s.map((x) => x.rank)].sort((a, b) => b - a));
  });

  test('gives different messages different sets', () => {
    const sets = [
      ids({ level: 'frustrated', facts: { contactCount: 3 } }),
      ids({ level: 'frustrated', signals: ['churn-threat'] }),
      ids({ level: 'angry', facts: { promised: 'a call back' } }),
      ids({ level: 'calm' }),
    ].map((s) => [...s].sort().join(','));
    expect(new Set(sets).size).toBe(sets.length);
  });

  test('suggests at most one phrase per step', () => {
    const s = suggestReplies(makeAnalysis({ level: 'angry', signals: ['sarcasm', 'overt-anger'], facts: { contactCount: 3, promised: 'a refund' } }), { now: NOW });
    expect(new Set(s.map((x) => x.step)).size).toBe(s.length);
  });

  test('respects the limit', () => {
    expect(suggestReplies(makeAnalysis({ level: 'angry', facts: { contactCount: 3 } }), { now: NOW, limit: 3 })).toHaveLength(3);
  });

  test('fills the name, the promised thing and a time from the clock', () => {
    const s = suggestReplies(makeAnalysis({ level: 'frustrated', facts: { customerFirstName: 'Maria', promised: 'a call back on Monday' } }), { now: NOW });
    expect(s.find((x) => x.id === 'ack-broken-promise')!.text).toBe(
      "You were promised a call back on Monday, and it didn't happen. I'm sorry, Maria; that's not good enough, and I'm going to put it right.",
    );
    expect(s.find((x) => x.id === 'follow-promise-kept')!.text).toContain('by 1pm today');
  });

  test('reads gracefully without a name or a promised thing', () => {
    const s = suggestReplies(makeAnalysis({ level: 'frustrated', signals: ['broken-promise'] }), { now: NOW });
    expect(s.find((x) => x.id === 'ack-broken-promise')!.text).toBe(
      "We told you something would happen and it didn't. I'm sorry; that's not good enough, and I'm going to put it right.",
    );
  });

  test('tells the rep what THEY were promised: "your refund" in the reply, "their refund" in the why', () => {
    const s = suggestReplies(makeAnalysis({ level: 'frustrated', facts: { promised: 'your refund by Friday' } }), { now: NOW });
    const ack = s.find((x) => x.id === 'ack-broken-promise')!;
    expect(ack.text).toContain('You were promised your refund by Friday');
    expect(ack.why).toBe('They were promised their refund by Friday and it did not happen.');
  });

  test('says whose count it is when the message claims more contacts than the page shows', () => {
    const why = (facts: NonNullable<Parameters<typeof makeAnalysis>[0]>['facts']) =>
      suggestReplies(makeAnalysis({ level: 'frustrated', facts }), { now: NOW }).find((x) => x.id === 'ack-repeat-contact')!.why;
    expect(why({ contactCount: 3, threadMessages: 2 })).toBe('By their count, they have written 3 times.');
    expect(why({ contactCount: 3, threadMessages: 3 })).toBe('They have written 3 times.');
  });

  test('says why each suggestion is offered in plain words', () => {
    const s = suggestReplies(makeAnalysis({ level: 'frustrated', facts: { contactCount: 3 } }), { now: NOW });
    expect(s.find((x) => x.id === 'ack-repeat-contact')!.why).toBe('They have written 3 times.');
  });

  test('never leaves a slot, a bracket or a doubled space in any phrase', () => {
    const everything = makeAnalysis({
      level: 'angry',
      signals: ['repeat-contact', 'broken-promise', 'elapsed-time', 'churn-threat', 'legal-threat', 'escalation-demand', 'bounced', 'sarcasm', 'controlled-formality', 'disappointment', 'time-pressure', 'overt-anger'],
      facts: { contactCount: 3, promised: 'a refund', elapsed: ['two weeks'], askedForEscalation: true },
    });
    for (const analysis of [everything, makeAnalysis({ level: 'calm' }), makeAnalysis({ level: 'watch' })]) {
      for (const s of suggestReplies(analysis, { now: NOW, limit: PHRASES.length })) expect(s.text).not.toMatch(/\{|\}|\[|\]|\s{2,}|\s[,.]/);
    }
  });
});

describe('promised update times', () => {
  test('a suggestion that promises an update carries that time, and only such a suggestion', () => {
    const now = new Date(2025, 5, 3, 10, 15); // Tuesday: "by 1pm today"
    const s = suggestReplies(makeAnalysis({ level: 'angry', facts: { contactCount: 3, promised: 'a refund' } }), { now, limit: 5 });
    const promising = s.filter((x) => x.update);
    expect(promising.length).toBeGreaterThan(0);
    for (const x of promising) {
      expect(x.text).toContain('by 1pm today');
      expect(x.update).toEqual({ at: new Date(2025, 5, 3, 13, 0).toISOString(), label: 'by 1pm today' });
    }
    for (const x of s.filter((y) => !y.update)) expect(x.text).not.toContain('by 1pm today');
  });
});
