// The coach and the phrasebook must agree with each other: a suggested phrase never breaks a house
// rule, and a finding's rewrite, put in place of the flagged words, clears that finding.
import { describe, expect, test } from 'vitest';
import { analyzeMessage } from '@/lib/analysis';
import { checkDraft, PHRASES, suggestReplies } from '@/lib/coach';
import { DRAFTS, REPORTED } from './drafts';
import { analysisOf, NOW } from './helpers';

/** Rules about what a whole reply lacks: one phrase on its own is not a whole reply. */
const WHOLE_REPLY = new Set(['missing-apology', 'missing-next-step', 'missing-escalation']);

const MESSAGES = [
  'This is the third time I am writing. I was promised a call back on Monday and nobody called. I want a manager.',
  'Your agent hung up on me. Twice. Do you actually read these emails?',
  'I will dispute the charge with my bank and leave a review on Trustpilot.',
  "I'd hate to take my business elsewhere, but this simply isn't good enough. Kindly advise by end of day.",
  "Great, another outage. Your 'fix' lasted a whole two hours.",
  'My internet keeps dropping since Monday and I work from home.',
  'Hi, how do I add a user? Thanks!',
];

describe('the phrasebook and the coach agree', () => {
  test.each(MESSAGES)('no phrase offered for %j breaks a house rule', (message) => {
    const analysis = analyzeMessage(message);
    const broken = suggestReplies(analysis, { now: NOW, limit: PHRASES.length }).flatMap((s) =>
      checkDraft(s.text, { analysis, now: NOW })
        .filter((f) => !WHOLE_REPLY.has(f.rule))
        .map((f) => `${s.id}: ${f.rule} on "${f.text}"`),
    );
    expect(broken).toEqual([]);
  });

  const flagged = [...REPORTED, ...DRAFTS].flatMap((d) => {
    const opts = { ...(d.message ? { analysis: analysisOf(d.message)! } : {}), now: NOW };
    return checkDraft(d.draft, opts)
      .filter((f) => !WHOLE_REPLY.has(f.rule) && f.suggestion)
      .map((f) => [d.id, f.rule, d.draft, f, opts] as const);
  });

  test('there are rewrites to check', () => {
    expect(flagged.length).toBeGreaterThan(40);
  });

  test.each(flagged.map(([id, rule, draft, f, opts]) => [id, rule, draft, f, opts]))('%s: the %s rewrite clears its finding', (_id, rule, draft, f, opts) => {
    const fixed = draft.slice(0, f.start) + f.suggestion + draft.slice(f.end);
    const end = f.start + f.suggestion.length;
    const again = checkDraft(fixed, opts).filter((g) => g.rule === rule && g.start < end && g.end > f.start);
    expect(again.map((g) => g.text)).toEqual([]);
  });
});
