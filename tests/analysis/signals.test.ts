import { describe, expect, test } from 'vitest';
import { SIGNALS, findSignals, isShouting } from '@/lib/analysis/signals';
import { splitSentences } from '@/lib/analysis/text';
import { loadFixture, loadSplit } from '@/scripts/bench/_data';

const ids = (text: string, opts = {}) => findSignals(text, splitSentences(text), SIGNALS, opts).map((s) => s.id);

const fires = SIGNALS.flatMap((r) => r.examples.fires.map((ex) => [r.id, ex] as const));
const quiet = SIGNALS.flatMap((r) => r.examples.quiet.map((ex) => [r.id, ex] as const));

describe('every signal record', () => {
  test.each(fires)('%s fires on %j', (id, example) => {
    expect(ids(example)).toContain(id);
  });

  test.each(quiet)('%s stays quiet on %j', (id, example) => {
    expect(ids(example)).not.toContain(id);
  });

  test('has a label, a reason and examples both ways', () => {
    for (const r of SIGNALS) {
      expect(r.label.length, r.id).toBeGreaterThan(3);
      expect(r.why.length, r.id).toBeGreaterThan(20);
      expect(r.examples.fires.length, r.id).toBeGreaterThan(0);
      expect(r.examples.quiet.length, r.id).toBeGreaterThan(0);
    }
  });

  test('ids are unique', () => {
    expect(new Set(SIGNALS.map((r) => r.id)).size).toBe(SIGNALS.length);
  });
});

describe('signal spans', () => {
  test('point at the exact words', () => {
    const text = 'Hello. This is the third time I am asking, and I was promised a call back!!';
    for (const s of findSignals(text, splitSentences(text))) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(findSignals(text, splitSentences(text)).map((s) => s.text)).toEqual(['This is the third time', 'I was promised', '!!']);
  });

  test('match curly quotes as straight ones', () => {
    expect(ids('I’ve already tried everything you suggested.')).toContain('already-did');
  });
});

describe('anchors are only a speed gate', () => {
  // Every example, every fixture and a few mixed texts: the gate must never change a result.
  const texts = [
    ...SIGNALS.flatMap((r) => [...r.examples.fires, ...r.examples.quiet]),
    ...loadFixture('calm-business').map((r) => r.text),
    ...loadFixture('hidden-frustration').map((r) => r.text),
    SIGNALS.flatMap((r) => r.examples.fires).join(' '),
    SIGNALS.flatMap((r) => r.examples.fires).join('\n'),
    // anchors that no pattern spells out as written ("a.s.a.p" is a\.s\.a\.p, "fu" is f+u+c+k+):
    // the gate missed "a.s.a.p" once
    'Please fix it a.s.a.p.',
    'Fuuuck this, third time.',
    'ffs. What the f@#k is this',
  ];
  test('a.s.a.p is found through the gate', () => {
    const text = 'Please fix it a.s.a.p.';
    expect(findSignals(text, splitSentences(text)).map((f) => f.id)).toContain('asap');
  });
  test.each(texts.map((t, i) => [i, t] as const))('text %i gives the same signals with and without the gate', (_i, text) => {
    const s = splitSentences(text);
    expect(findSignals(text, s)).toEqual(findSignals(text, s, SIGNALS, { ignoreAnchors: true }));
  });
});

describe('anchors on real text', () => {
  // Public dev texts, read where they lie (../shared/data), never copied into the repo.
  const sample = (['goemotions', 'complaints-twitter', 'airline-tweets'] as const).flatMap((d) => (loadSplit(d, 'dev') ?? []).slice(0, 700).map((r) => r.text));
  test.skipIf(sample.length === 0)(`the gate changes no result on ${sample.length} dev texts`, () => {
    const differing = sample.filter((text) => {
      const s = splitSentences(text);
      return JSON.stringify(findSignals(text, s)) !== JSON.stringify(findSignals(text, s, SIGNALS, { ignoreAnchors: true }));
    });
    expect(differing).toEqual([]);
  });
});

describe('hidden-frustration wordings', () => {
  // A few support-mail lines (some verbatim from the tuning set) and calm look-alikes.
  test.each([
    ["Hey - me again. Third email about the same thing (case 88417). Is there a reason nobody's picked this up?", ['nth-time', 'never-got']],
    ['We have sent every form requested, some more than once.', ['nth-time']],
    ['My claim was submitted in January. It is now May.', ['elapsed-since']],
    ["Great to hear my order has been 'processing' for a fortnight.", ['scare-quotes', 'elapsed-duration']],
    ["Six weeks. That's how long my transcript request has been 'in progress'.", ['scare-quotes', 'elapsed-duration']],
    ['Thanks for the automated reply. Now could a human being please read my email?', ['thanks-for-nothing']],
    ["Thanks so much for the survey asking how I'd rate your support. I'll fill it in once I actually get some.", ['when-i-actually']],
    ["Ok. I'll just wait then, I suppose.", ['resigned']],
    ['I will be keeping a copy of all correspondence regarding this account.', ['paper-trail']],
    ["I'd like the name and contact details of a team leader or manager, please.", ['wants-manager']],
    ['The reply just repeated your FAQ back to me, which I had already read.', ['not-read', 'already-did']],
    ["We're into the fourth week of waiting for the export you said takes 'up to 5 business days'. Could you give me an honest estimate?", ['was-promised', 'appreciate-this-time']],
  ] as const)('%j fires %j', (text, expected) => {
    const got = ids(text);
    for (const id of expected) expect(got).toContain(id);
  });

  test.each([
    ["I've been on the waiting list since January, and I understand these things take time.", 'elapsed-since'],
    ['Your page says 6-8 weeks lead time, so I will check back in March.', 'elapsed-duration'],
    ["The tracking page says 'in transit'. Is that the newest status?", 'scare-quotes'],
    ['Thanks for the automatic reply confirming my ticket number.', 'thanks-for-nothing'],
    ['I guess the blue one will suit the kitchen better.', 'resigned'],
    ['Please keep a copy of the signed form for your files.', 'paper-trail'],
    ['Could you give me the name of our account manager?', 'wants-manager'],
    ["It's now June, so the summer timetable applies.", 'elapsed-since'],
    ['You said it would be ready on Friday, and it was.', 'was-promised'],
    ['This is my second email about the same topic: I forgot the attachment earlier.', 'never-got'],
  ] as const)('%j stays quiet on %s', (text, id) => {
    expect(ids(text)).not.toContain(id);
  });
});

describe('negation', () => {
  test.each([
    ['I am not disappointed at all.', 'disappointed'],
    ['Never once have we been disappointed by your team.', 'disappointed'],
    ["We wouldn't say we are unhappy.", 'disappointed'],
    ['It is not urgent.', 'asap'],
    ['No need to escalate, it is fixed.', 'wants-manager'],
    ['The update was not terrible.', 'insult'],
  ])('%j does not fire %s', (text, id) => {
    expect(ids(text)).not.toContain(id);
  });

  test.each([
    ["I've never been so disappointed.", 'disappointed'],
    ["I'm not sure why, but I'm really disappointed.", 'disappointed'],
    ["I'm not just disappointed, I'm angry.", 'disappointed'],
    ["It wasn't the refund I was disappointed about, it was the tone.", 'disappointed'],
  ])('%j still fires %s (the negation does not reach it)', (text, id) => {
    expect(ids(text)).toContain(id);
  });
});

describe('isShouting', () => {
  test.each([
    ['NOT', true],
    ['STILL BROKEN', true],
    ['REFUND', true],
    ['API', false],
    ['PDF URL', false],
    ['LAX', false],
  ])('%s → %s', (run, expected) => {
    expect(isShouting(run)).toBe(expected);
  });
});
