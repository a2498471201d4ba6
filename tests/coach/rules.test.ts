// Every rule record's own examples are its spec: each `fires` example gets a finding from that rule,
// each `quiet` example gets none from it.
import { describe, expect, test } from 'vitest';
import { CONTRACT_RULE_IDS, RULES, checkDraft, exampleDraft, type Example } from '@/lib/coach';
import { RULE_DOCS } from '@/lib/coach/rules/docs';
import { analysisOf, NOW } from './helpers';

function run(example: Example, ruleId: string) {
  const draft = exampleDraft(example);
  const analysis = typeof example === 'string' ? undefined : analysisOf(example.message);
  return checkDraft(draft, { ...(analysis ? { analysis } : {}), now: NOW }).filter((f) => f.rule === ruleId);
}

const fires = RULES.flatMap((r) => r.examples.fires.map((ex) => [r.id, exampleDraft(ex), ex] as const));
const quiet = RULES.flatMap((r) => r.examples.quiet.map((ex) => [r.id, exampleDraft(ex), ex] as const));

describe('rule examples', () => {
  test.each(fires)('%s fires on "%s"', (id, _draft, example) => {
    expect(run(example, id)).not.toHaveLength(0);
  });

  test.each(quiet)('%s stays quiet on "%s"', (id, _draft, example) => {
    expect(run(example, id)).toEqual([]);
  });
});

describe('the rule list', () => {
  test('holds every rule id design.md contract 2 names', () => {
    expect(RULES.map((r) => r.id)).toEqual(expect.arrayContaining([...CONTRACT_RULE_IDS]));
  });

  test('has unique ids', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  });

  test.each(RULES.map((r) => [r.id, r] as const))('%s has docs, a step and examples both ways', (_id, rule) => {
    expect(rule.docs.length).toBeGreaterThan(20);
    expect(rule.step).toBeTruthy();
    expect(rule.examples.fires.length).toBeGreaterThan(0);
    expect(rule.examples.quiet.length).toBeGreaterThan(0);
  });

  test.each(RULES.filter((r) => r.needsMessage).map((r) => [r.id, r] as const))('%s (a context rule) stays quiet without a message analysis', (id, rule) => {
    for (const ex of rule.examples.fires) {
      const draft = exampleDraft(ex);
      expect(checkDraft(draft, { now: NOW }).filter((f) => f.rule === id)).toEqual([]);
    }
  });
});

describe('the data-only docs list (what the settings page shows)', () => {
  test('names every rule once, in the order the rules run, with the line each rule carries', () => {
    expect(RULE_DOCS.map((d) => d.id)).toEqual(RULES.map((r) => r.id));
    for (const r of RULES) expect(r.docs).toBe(RULE_DOCS.find((d) => d.id === r.id)!.docs);
  });
});

// Wordings added when blame-shifting and dismissive were widened against the tuning drafts
// (tests/fixtures/coach-tuning-drafts.jsonl): new families that must fire, each with a rewrite that
// reads as a sentence, and the near-misses next to them that must stay quiet.
describe('blame-shifting: pointing elsewhere without the usual words', () => {
  const fires: [draft: string, rewrite?: RegExp][] = [
    ['The hold-up is on them, not us.'],
    ['Refund timings are entirely up to your bank.', /payment/],
    ["Once it leaves our depot we're completely reliant on the courier.", /courier myself/],
    ["There's nothing we can do until the airline confirms the new time.", /up with the airline myself/],
    ["That's an Adobe issue."],
    ["It's not a fault with our servers, so it must be something local."],
    ['Nobody told us the price was changing.'],
    ["The installer didn't fit the bracket properly."],
    ['Any refund would have to be taken up with them directly.'],
    ["We'd advise contacting the insurer's helpline.", /up with the insurer myself, so you don't have to/],
    ["It's up to you to keep your contact details up to date.", /checking what happened/],
    ['It looks like the postcode was entered with a typo.', /checking what happened/],
    ['The delay was the result of a contractor cutting through a cable.', /up with the contractor myself/],
    ['Your claim was declined by your insurer.', /up with your insurer myself/],
    ['The warehouse packed the wrong size.'],
    ["This wasn't something we could have foreseen."],
    ["Your router settings aren't something we manage."],
    ['The new invoice amount is based on what your admin selected.'],
    ["That wasn't me, it was the night shift."],
  ];
  test.each(fires)('fires on "%s"', (draft, rewrite) => {
    const found = checkDraft(draft, { now: NOW }).filter((f) => f.rule === 'blame-shifting');
    expect(found).toHaveLength(1);
    expect(found[0]!.suggestion).not.toMatch(/\{\w+\}|\[|\]|\bthem\b.*\bthem\b/);
    if (rewrite) expect(found[0]!.suggestion).toMatch(rewrite);
  });

  test.each([
    "It's on us, not you, and I've refunded it.",
    "I'll call you tomorrow rather than us emailing back and forth.",
    'Openreach have fixed the fault on their side, and your line is back up.',
    "I've asked them to fix it at their end by Friday, and I'll check it's done.",
    "It's up to you when we call: just reply with a time.",
    "That's an Acme problem, and I'm fixing it today.",
    'Hi Jo, this is an API problem on our side.',
    "Our engineer didn't fit the bracket properly, and I'm sorry.",
    "The update didn't install properly, so I've sent you a new link.",
    "I'll contact them directly and update you by 3pm.",
    "It looks like the payment was entered twice on our system, so I've refunded one.",
    "We weren't told about the change, which is on us, and I'm sorry.",
    'Your plan is based on what you selected at sign-up, and I can change it today.',
    "The airline cancelled the flight and our app didn't pick up their update, which we need to fix.",
    'Looks like the warehouse mixed up the pick on our end.',
    "It's not a network fault, it's our billing system, and I'm sorry.",
  ])('stays quiet on "%s"', (draft) => {
    expect(checkDraft(draft, { now: NOW }).filter((f) => f.rule === 'blame-shifting')).toEqual([]);
  });
});

describe('dismissive: brushing off, playing down, talking down', () => {
  const fires: [draft: string, rewrite: RegExp | string][] = [
    ['As per my last email, the refund was sent on Monday.', 'To recap, the refund was sent on Monday.'],
    ['Please try the steps I gave you earlier.', 'Please try the steps I gave you.'],
    ['With respect, the charge is correct.', 'The charge is correct.'],
    ["The price is correct, as I'm sure you can understand.", 'The price is correct.'],
    ["I'm sure you can appreciate that we can't refund opened items.", "We can't refund opened items."],
    ['The cancellation is final.', /here's what I can do/],
    ["There's no leeway on the deadline, I'm afraid.", /here's what I can do/],
    ['The ID checks are there for a reason.', /here's what I can do/],
    ["There's no point chasing this.", /shouldn't have to chase us/],
    ['Please wait for the ten days to pass before emailing again.', /shouldn't have to chase us/],
    ["Try not to stress, it's probably nothing.", /taking it seriously/],
    ['A bit of static on the line is perfectly normal in older buildings.', /taking it seriously/],
    ['Most customers manage it without any trouble.', /taking it seriously/],
    ["It's only a small scratch.", /taking it seriously/],
    ["I can't see what the issue is.", /I can see why this is frustrating/],
    ["It's all set out in our terms.", /walk you through it/],
    ['You accepted these when you signed up.', /walk you through it/],
    ['Did you actually read the email we sent?', /walk you through it/],
    ["It's pretty basic.", /step by step/],
    ['Resetting it only takes a minute: just hold the button for ten seconds.', 'Hold the button for ten seconds.'],
  ];
  test.each(fires)('fires on "%s"', (draft, rewrite) => {
    const found = checkDraft(draft, { now: NOW }).filter((f) => f.rule === 'dismissive');
    expect(found).toHaveLength(1);
    if (typeof rewrite === 'string') expect(found[0]!.suggestion).toBe(rewrite);
    else expect(found[0]!.suggestion).toMatch(rewrite);
  });

  test.each([
    // found by a reviewer's probe after the widening: ordinary explanations and owning an earlier mistake
    'Refunds do happen automatically once the return is scanned, and I will email you by Friday.',
    "With respect to your question about the fee, I've waived it this month.",
    "The steps I sent earlier were wrong, I'm sorry. Here are the right ones.",
    "We treat your data with respect, and I've deleted the old copy.",
    "I'm sure you'll appreciate the faster delivery.",
    "It's completely normal to feel frustrated after three calls.",
    "It's completely normal for the pending charge to drop off within five days.",
    "There's no need to chase: I'll call you at 3pm.",
    'The refund only takes a few minutes to show on your statement.',
    "Don't worry, I've refunded the charge.",
    "There's nothing to worry about: I've already cancelled the duplicate.",
    "It's covered in our returns policy, so I've sent you a prepaid label.",
    'Thank you for being so patient.',
    "I'm not sure what you were charged for, so I'll check and call you by 3pm.",
    'Have you had a chance to check your spam folder?',
    "Mistakes do happen, and this one was ours, so I've refunded you.",
    "Most customers prefer the compact view, so I've switched it on for you.",
    "It's just a small change on our side, so you won't notice anything.",
  ])('stays quiet on "%s"', (draft) => {
    expect(checkDraft(draft, { now: NOW }).filter((f) => f.rule === 'dismissive')).toEqual([]);
  });
});

// Good replies a careful rep might send (written for these tests, not taken from the tuning set): honest
// hedges, the rep's own promises, verified facts and reasons given after the fix. Neither rule may fire.
const GOOD_DRAFTS = [
  // A plain delivery date after the rep has acted is how reps talk, and the curated drafts count it as fine;
  // a "forecast" kind that flagged these (from the second tuning set's labels) was tried and left out.
  "I've booked the replacement, and it'll be with you by Thursday.",
  "I've processed the refund. It'll be back in your account by Friday.",
  "I can't promise the courier won't be late again, but I've moved you to a tracked service and I'll check on it Friday.",
  "I'll definitely ring you at 4pm today with the engineer's findings.",
  "The refund should reach your account within 3-5 working days; if it isn't there by Monday, reply and I'll chase the bank.",
  "Royal Mail say it will be delivered tomorrow, and I'll check the tracking at noon.",
  "It'll usually arrive within two days, and I'll send you the tracking link as soon as it's booked.",
  "I've refunded the £20 and fixed the setting that caused the double charge. The charge came from a bug in our billing update, and we've added a check for it.",
  "I'm sorry for the wait. We've had a very busy week, but that's no excuse; I've reset your password now.",
  "I'm so sorry your order was late. I've sent a replacement by express, and it should be with you tomorrow. The delay came from our new warehouse system, which we're fixing this week.",
  'You can definitely change the delivery address yourself in the app, under Orders.',
  "I've double-checked and the cancellation has gone through on our side.",
  "I'm not certain yet what caused the outage; I'll email you by 3pm with what we find.",
  "Rest assured, I'll call you back before 5pm today.",
  "I don't expect this to happen again, but if it does, message me directly and I'll sort it the same day.",
  "Thanks for bearing with us. I've credited your account with £15, and I'll confirm once the engineer has visited on Thursday.",
  "Sorry about this, Priya. I've rebooked your appointment for Tuesday at 10am. As a small team we only do home visits twice a week, which is why the first date was so far out.",
  "I've reconnected your line and your speed test now shows 500Mb. If the dropouts come back, call me on 0800 123 456 and I'll send an engineer.",
  "You'll be able to log in again now; I've reset your account.",
  "Because of your holiday, I've marked the prescription as urgent and I'll ring you on Tuesday to confirm it's ready.",
  "As a business customer, you get a dedicated line: I've sent you the number.",
];

// Wordings added when false-certainty and excuse-first were widened against the second tuning set
// (tests/fixtures/coach-tuning-drafts-2.jsonl): new families that must fire, each with a rewrite that reads
// as a sentence, and the near-misses (honest hedges, the rep's own promises, reasons given after the fix)
// that must stay quiet.
describe('false-certainty: "never again" in other words, and sure-fire claims', () => {
  const fires: [draft: string, rewrite: RegExp | string][] = [
    ['Your new card will arrive tomorrow, guaranteed.', /^Your new card should arrive tomorrow\./],
    ['You have my word that the invoice will be corrected by Friday.', /^The invoice should be corrected by Friday\./],
    ["There's no way it'll be late this time.", /^It shouldn't be late this time\./],
    ["I'm certain the charge was a one-off.", /^The charge was a one-off\./],
    ['Trust me, this fix works every time.', /^Trust me, this fix works\./],
    ["We've patched the app, so you won't see any more crashes.", /^I can't promise it will never happen again/],
    ['Now that the update is in, this simply can\'t happen again.', /^I can't promise it will never happen again/],
    ['You will never be double-billed again.', /^I can't promise it will never happen again/],
    ["That was the last delay you'll see from us.", /^I can't promise it will never happen again/],
    ["This won't be a problem going forward.", /^I can't promise it will never happen again/],
  ];
  test.each(fires)('fires on "%s"', (draft, rewrite) => {
    const found = checkDraft(draft, { now: NOW }).filter((f) => f.rule === 'false-certainty');
    expect(found).toHaveLength(1);
    expect(found[0]!.suggestion).not.toMatch(/\{\w+\}|\[|\]|\s,|,\s*[.!?]|\s{2,}/);
    if (typeof rewrite === 'string') expect(found[0]!.suggestion).toBe(rewrite);
    else expect(found[0]!.suggestion).toMatch(rewrite);
  });

  test.each(GOOD_DRAFTS)('stays quiet on "%s"', (draft) => {
    expect(checkDraft(draft, { now: NOW }).filter((f) => f.rule === 'false-certainty')).toEqual([]);
  });
});

describe('excuse-first: how the business works, staffing and what broke, ahead of the fix', () => {
  const fires: [draft: string, rewrite: RegExp][] = [
    ["As a small independent shop, we rely on one courier for everything. I've sent a new one today.", /^I'm sorry about this\./],
    ["Our booking system releases unpaid slots automatically after an hour, which is why your slot went. I've rebooked it.", /^I'm sorry about this\.$/],
    ["Refunds are issued automatically by the payment system after the return is scanned, so it hadn't started yet. I've pushed it through.", /explain how it works/],
    ["Half of our engineers are off sick this week, so visits are running late. I've booked you for Friday.", /^I'm sorry you've been kept waiting\./],
    ['Our team is only three people, so replies can be slow. Sorry about that.', /^I'm sorry you've been kept waiting\./],
    ["We rolled out a new ordering platform last week and a few orders slipped through. I've re-sent yours.", /^I'm sorry about this\./],
    ["The delays are outside our control, as the port is closed. I've moved your delivery to Monday.", /^I'm sorry about this\./],
    ['Everything about the new fees is set out in the terms you agreed to. I can waive this one.', /explain the rule behind it/],
    ["It's not just you: thousands of customers are seeing the same error. We've fixed it now.", /^I'm sorry about this\./],
    ["December is always our busiest month, so deliveries take longer than usual. I've upgraded yours to express.", /^I'm sorry you've been kept waiting\./],
  ];
  test.each(fires)('fires on "%s"', (draft, rewrite) => {
    const found = checkDraft(draft, { now: NOW }).filter((f) => f.rule === 'excuse-first');
    expect(found).toHaveLength(1);
    expect(found[0]!.suggestion).not.toMatch(/\{\w+\}|\[|\]|\s,|,\s*[.!?]|\s{2,}/);
    expect(found[0]!.suggestion).toMatch(rewrite);
  });

  test.each([
    ...GOOD_DRAFTS,
    // what the system did this time is blame-shifting's business, not an opening excuse
    "The system automatically cancelled your order, so I've set it up again.",
  ])('stays quiet on "%s"', (draft) => {
    expect(checkDraft(draft, { now: NOW }).filter((f) => f.rule === 'excuse-first')).toEqual([]);
  });
});
