// checkDraft's behaviour around the rules: what it skips, what it never does, and what it costs.
import { beforeEach, describe, expect, test } from 'vitest';
import { checkDraft } from '@/lib/coach';
import { grammarParses, resetGrammarCache } from '@/lib/coach/grammar';
import { makeAnalysis, NOW } from './helpers';

describe('checkDraft', () => {
  test.each([
    ['an empty draft', ''],
    ['a draft of whitespace', '  \n\n  '],
    ['only a greeting', 'Hi Maria,'],
    ['only a signature', 'Best,\nAlex\nSupport team'],
    ['a greeting and a signature', 'Hi Maria,\n\nKind regards,\nAlex'],
  ])('gives no findings for %s', (_name, draft) => {
    expect(checkDraft(draft, { analysis: makeAnalysis({ level: 'angry', facts: { askedForEscalation: true, contactCount: 4 } }), now: NOW })).toEqual([]);
  });

  test('does not crash on a non-string draft', () => {
    expect(checkDraft(undefined as unknown as string)).toEqual([]);
  });

  test.each([
    ['Spanish', 'Hola Ana, lamento mucho el retraso con su pedido. Le llamaré mañana por la mañana con una respuesta.'],
    ['German', 'Hallo Herr Weber, es tut mir leid, dass die Lieferung nicht angekommen ist. Wir melden uns bald.'],
    ['French', 'Bonjour Claire, je suis vraiment désolé pour ce retard. Nous vous rappelons demain.'],
    ['Russian', 'Здравствуйте, Анна! Мы приносим извинения за задержку и свяжемся с вами завтра.'],
  ])('gives one info finding, and only that, for a draft in %s', (_lang, draft) => {
    const findings = checkDraft(draft, { analysis: makeAnalysis({ level: 'angry', facts: { askedForEscalation: true } }), now: NOW });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'english-only', severity: 'info' });
    expect(findings[0]!.message).toMatch(/English-only/);
  });

  test('switches rules off by id', () => {
    const draft = 'It must be your internet connection. We will get back to you soon.';
    expect(checkDraft(draft).map((f) => f.rule)).toEqual(['blame-shifting', 'missing-next-step']);
    expect(checkDraft(draft, { disabledRules: ['blame-shifting'] }).map((f) => f.rule)).toEqual(['missing-next-step']);
  });

  test('does not coach the greeting, the sign-off or quoted history', () => {
    const draft = "Hi Maria,\n\nI'm sorry about this. I'll call you by 3pm today.\n\nBest,\nAlex\n\nOn Tue, 3 Jun 2025, Maria wrote:\n> it must be your internet, you guarantee it";
    expect(checkDraft(draft, { now: NOW })).toEqual([]);
  });

  test('reads curly apostrophes like straight ones', () => {
    expect(checkDraft('It won’t happen again, I guarantee it.').map((f) => f.rule)).toContain('false-certainty');
  });

  test('lists findings in draft order, with offsets into the original draft', () => {
    const draft = "Hi Tom,\n\nWe apologize for any inconvenience. It must be your wifi.\n\nThanks,\nSam";
    const findings = checkDraft(draft, { now: NOW });
    expect(findings.map((f) => f.rule)).toEqual(['robotic', 'blame-shifting']);
    for (const f of findings) expect(draft.slice(f.start, f.end)).toBe(f.text);
  });

  test('fills rewrites with the customer name, the order and a time from the given clock', () => {
    const analysis = makeAnalysis({ level: 'frustrated', facts: { customerFirstName: 'Maria', references: ['#48213'], products: ['order'] } });
    const [apology] = checkDraft('Your refund has been processed and will arrive within 5 working days.', { analysis, now: NOW });
    expect(apology).toMatchObject({ rule: 'missing-apology' });
    expect(apology!.suggestion).toMatch(/^I'm really sorry about this, Maria;/);
    const blame = checkDraft('It must be your internet connection.', { analysis, now: NOW }).find((f) => f.rule === 'blame-shifting');
    expect(blame!.suggestion).toContain('your order #48213');
    expect(blame!.suggestion).toContain('by 1pm today');
  });

  // NOW is 10:15 on a Tuesday, so the next update is "by 1pm today".
  test.each([
    ["This is a known issue with Chrome, so you'll need to switch browsers.", 'blame-shifting', "I'm sorry about this. I'm finding a way round the Chrome issue for you, and I'll update you by 1pm today."],
    ["Sorry, that's a Microsoft problem, you'll need to contact them.", 'blame-shifting', "I'm sorry about this. I'll take it up with Microsoft myself, so you don't have to, and I'll update you by 1pm today."],
    ["Unfortunately you didn't attach the receipt, so we couldn't process it.", 'blame-shifting', "I don't seem to have the receipt yet. Could you send it over? I'll take it from there the same day."],
    ['You forgot to send the photos.', 'blame-shifting', "I don't seem to have the photos yet. Could you send them over? I'll take it from there the same day."],
    ['Your refund will arrive tomorrow, no doubt about it.', 'false-certainty', "Your refund should arrive tomorrow. I'll keep an eye on it and tell you straight away if anything changes."],
    ["Before I get into it, I should explain that we had a huge spike in tickets this week and our system was down. I've refunded the charge.", 'excuse-first', "I'm sorry you've been kept waiting."],
    ["I'm not sure why you're upset, this is standard procedure.", 'dismissive', 'I can see why this is frustrating. Let me explain what happened, and what I can do to help.'],
    ['Dear valued customer, thank you for reaching out to us.', 'robotic', 'Hi'],
    // a team of ours, not a supplier, even when the team is named after a place
    ['Our warehouse team messed up your order, I am sorry.', 'blame-shifting', "I'm sorry we got this wrong. I'm taking it on myself from here, and I'll update you by 1pm today."],
    ['The warehouse lost your parcel.', 'blame-shifting', "This is ours to fix, so I'm working on it with our supplier and will update you by 1pm today."],
  ])('rewrites "%s" (%s) as "%s"', (draft, rule, suggestion) => {
    expect(checkDraft(draft, { now: NOW }).find((f) => f.rule === rule)?.suggestion).toBe(suggestion);
  });

  test('rewrites keep to the time the draft already promises: "then" after it, the same words before it', () => {
    const analysis = makeAnalysis({ level: 'frustrated', facts: { contactCount: 3 } });
    const after = checkDraft("I'll update you by 3pm today. Unfortunately that's a problem with your ISP, not us.", { analysis, now: NOW });
    const blameAfter = after.find((f) => f.rule === 'blame-shifting')!;
    expect(blameAfter.suggestion).toMatch(/what I find then\.$/);
    const before = checkDraft("Unfortunately that's a problem with your ISP, not us. I'll update you by 3pm today.", { analysis, now: NOW });
    const blameBefore = before.find((f) => f.rule === 'blame-shifting')!;
    expect(blameBefore.suggestion).toContain('by 3pm today');
    // the clock's own time ("by 1pm today" at NOW) is not added as a second, different promise
    for (const f of [...after, ...before]) expect(f.suggestion).not.toContain('1pm');
  });

  test("a finding that adds a sentence carries the rewrite of the words it is anchored on, never the flagged words", () => {
    const analysis = makeAnalysis({ level: 'frustrated', facts: { contactCount: 3 } });
    const findings = checkDraft('Thanks for your patience with this. This will never happen again, guaranteed.', { analysis, now: NOW });
    const certainty = findings.find((f) => f.rule === 'false-certainty')!;
    const escalation = findings.find((f) => f.rule === 'missing-escalation' && f.start === certainty.start)!;
    expect(escalation.suggestion.startsWith(certainty.suggestion)).toBe(true);
    expect(escalation.suggestion).not.toContain('guaranteed');
    // one promised time per rewrite: the added sentence refers back to it
    expect(escalation.suggestion.split('1pm today').length - 1).toBe(1);
    expect(escalation.suggestion).toMatch(/one of us then\.$/);
  });

  test('names the escalation contact from settings in the rewrite', () => {
    const analysis = makeAnalysis({ level: 'angry', facts: { askedForEscalation: true } });
    const [f] = checkDraft("I'm sorry about the delay. I'll update you by 3pm today.", { analysis, now: NOW, escalationContact: 'Priya, our support lead' });
    expect(f!.suggestion).toContain("I've asked Priya, our support lead to look at this");
  });
});

describe('checkDraft on every keystroke pause', () => {
  beforeEach(() => resetGrammarCache());

  test('re-parses only the sentence that changed', () => {
    const draft =
      "I can't guarantee it won't happen again. The courier lost the parcel. I'll update you by 3pm today. Your bank declined it.";
    checkDraft(draft, { now: NOW });
    const first = grammarParses();
    expect(first).toBeGreaterThan(1);
    checkDraft(draft.replace('The courier lost the parcel.', 'The courier has lost the parcel.'), { now: NOW });
    expect(grammarParses() - first).toBe(1);
  });

  test('does not parse sentences no rule flags', () => {
    checkDraft("Thanks for your message. I'm sorry about the trouble. Happy to help with anything else.", { now: NOW });
    expect(grammarParses()).toBe(0);
  });
});
